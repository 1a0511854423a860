/**
 * Reads the body sentence by sentence and decides, for every clause, whether it speaks of the
 * future (a promise), the past (a report) or neither. Unmarked clauses lean on the cue
 * ahead of them in the sentence, else on the clause before; unmarked sentences continue the
 * sentence before them within a paragraph, else the letter's current mode, which plan
 * markers (新的一年, 下一步) and headings ("措施与成效" vs "下步工作打算") switch.
 */
import type { Heading } from './sections';
import { type Sentence, splitSentences } from './segments';
import {
  type ClauseCues,
  COURTESY,
  clauseCues,
  FORMER_PLAN,
  ownTense,
  PLAN_MODE_MARKER,
  type Tense,
} from './tense';
import { findTimeWords, type TimeWord } from './timewords';

export interface ClauseReading {
  start: number;
  end: number;
  tense: Tense;
  cues: ClauseCues;
  /** time words standing in this clause */
  timeWords: TimeWord[];
}

export interface SentenceReading {
  sentence: Sentence;
  clauses: ClauseReading[];
  /** time words that can date a promise (forward-looking, with a year), in text order */
  dueWords: TimeWord[];
  /** no clause of its own carries a cue: its tense continues the previous sentence */
  chained: boolean;
  /** opens with 其中 / 第一期 / 包括: details of the sentence before */
  continuation: boolean;
  isHeading: boolean;
  rejected: boolean;
  /** the due year the sentence itself names, else the one it continues */
  deadline: number | null;
}

/** 目前,项目已全部竣工: the sentences before it described work now finished. */
const COMPLETION_REPORT =
  /^(?:目前|现在?|截至目前|至此)?[,\s]*(?:该|上述|以上)?(?:项目|工程)?(?:均|都)?已(?:经)?(?:全部|全面)?(?:竣工|完工|建成|完成|投入使用|通过验收)/;
/** 2021年工作计划:, 2024年工作打算: the year of a work plan, which dates its items. */
const WORK_PLAN = /(?:工作)?(?:计划|打算|安排|要点|思路)\s*[:：]?\s*$/;
/** A time frame opening a passage stands alone in the sentence's first, short clause. */
const MAX_FRAME_CLAUSE = 14;
const FRAME_WORDS = /到|至|前|(?:19|20)\d{2}/;
const CONTINUATION = /^(?:其中|包括|包含|第一期|一期|首期|分别|具体为|具体包括)/;

function withTimeWords(cues: ClauseCues, words: TimeWord[], clauseStart: number): ClauseCues {
  if (words.length === 0) return cues;
  const pastWord = words.find((w) => w.past);
  const pastWordAt = pastWord ? pastWord.start - clauseStart : -1;
  return {
    ...cues,
    past: cues.past || words.some((w) => w.past),
    softPastOnly: cues.softPastOnly && !words.some((w) => w.past),
    weakFuture: cues.weakFuture || words.some((w) => w.future),
    pastFrame: cues.pastFrame || pastWord !== undefined,
    pastFrameAt:
      cues.pastFrameAt >= 0 && pastWordAt >= 0
        ? Math.min(cues.pastFrameAt, pastWordAt)
        : Math.max(cues.pastFrameAt, pastWordAt),
    futureFrame: words.some((w) => w.future),
  };
}

export const isDueWord = (w: TimeWord): boolean => !w.past && w.year !== null;

/** The time words of each clause; both lists are in text order, so one pass suffices. */
function wordsPerClause(sentence: Sentence, words: TimeWord[]): TimeWord[][] {
  const perClause: TimeWord[][] = sentence.clauses.map(() => []);
  let c = 0;
  for (const word of words) {
    while (c < sentence.clauses.length && word.start >= sentence.clauses[c]!.end) c++;
    if (c < sentence.clauses.length && word.start >= sentence.clauses[c]!.start) perClause[c]!.push(word);
  }
  return perClause;
}

/** For each clause, the index of the next clause with a cue of its own, or -1. */
function nextCuedClause(cues: readonly ClauseCues[]): number[] {
  const next = new Array<number>(cues.length).fill(-1);
  let following = -1;
  for (let i = cues.length - 1; i >= 0; i--) {
    next[i] = following;
    if (ownTense(cues[i]!, 'neutral') !== null) following = i;
  }
  return next;
}

function ownDeadline(words: TimeWord[]): number | null {
  const usable = words.filter(isDueWord);
  return (usable.find((w) => w.future) ?? usable[0])?.year ?? null;
}

export function readSentences(
  plain: string,
  from: number,
  to: number,
  letterYear: number | null,
  headings: readonly Heading[],
): SentenceReading[] {
  const readings: SentenceReading[] = [];
  let mode: Tense = 'neutral';
  let previous: SentenceReading | null = null;
  let previousState: Tense = 'neutral';
  const headingAt = new Map(headings.map((h) => [h.start, h]));
  // 到2025年,… dates the rest of its paragraph; 2021年工作计划: dates its items up to the next heading
  let passage: { paragraph: number; year: number } | null = null;
  let planYear: number | null = null;
  for (const sentence of splitSentences(plain, from, to)) {
    const heading = headingAt.get(sentence.start);
    const timeWords = findTimeWords(plain, sentence.start, sentence.end, letterYear);
    if (heading) {
      if (heading.kind === 'report') mode = 'past';
      else if (heading.kind === 'plan') mode = 'future';
      // a heading opens its section: nothing carries over from the text above it
      previous = null;
      passage = null;
      // the numbered items of a work plan are headings too: only a report ends the plan
      if (heading.kind === 'report') planYear = null;
    }
    const sameParagraph = previous !== null && previous.sentence.paragraph === sentence.paragraph;
    const initial: Tense = sameParagraph ? previousState : mode;
    const clauseWords = wordsPerClause(sentence, timeWords);
    const cues = sentence.clauses.map((c, i) =>
      withTimeWords(clauseCues(plain.slice(c.start, c.end)), clauseWords[i]!, c.start),
    );
    const tenses = clauseTenses(cues, initial);
    const clauses: ClauseReading[] = sentence.clauses.map((clause, i) => ({
      start: clause.start,
      end: clause.end,
      tense: tenses[i]!,
      cues: cues[i]!,
      timeWords: clauseWords[i]!,
    }));
    const state: Tense = tenses[tenses.length - 1] ?? initial;
    const text = plain.slice(sentence.start, sentence.end);
    const chained = sameParagraph && cues.every((c) => ownTense(c, 'neutral') === null);
    const continuation = CONTINUATION.test(text);
    const inherited =
      continuation && previous
        ? previous.deadline
        : passage?.paragraph === sentence.paragraph
          ? passage.year
          : planYear;
    const reading: SentenceReading = {
      sentence,
      clauses,
      dueWords: timeWords.filter(isDueWord),
      chained,
      continuation,
      isHeading: heading !== undefined,
      rejected: cues.some((c) => c.rejected),
      deadline: ownDeadline(timeWords) ?? inherited,
    };
    // 原计划今年新建泳池2个。因资金原因,暂缓实施。: the rejection turns down the plan before it
    if (
      reading.rejected &&
      sameParagraph &&
      FORMER_PLAN.test(plain.slice(previous!.sentence.start, previous!.sentence.end))
    )
      previous!.rejected = true;
    readings.push(reading);
    const frame = passageFrame(plain, sentence, timeWords);
    if (frame !== null) passage = { paragraph: sentence.paragraph, year: frame };
    const planWord = timeWords.find((w) => isDueWord(w) && w.start === sentence.start);
    if (planWord && WORK_PLAN.test(plain.slice(planWord.end, sentence.clauses[0]!.end + 1))) {
      planYear = planWord.year;
      mode = 'future';
    }
    previous = reading;
    previousState = state;
    if (PLAN_MODE_MARKER.test(text) && !COURTESY.test(text)) mode = 'future';
    if (COMPLETION_REPORT.test(text)) markFinishedWork(readings);
  }
  return readings;
}

/** The year of a time frame that opens the sentence as a clause of its own (到2025年,…). */
function passageFrame(plain: string, sentence: Sentence, words: readonly TimeWord[]): number | null {
  const first = sentence.clauses[0];
  if (!first || sentence.clauses.length < 2 || first.end - first.start > MAX_FRAME_CLAUSE) return null;
  // a target year (到2025年, 2025年底前), not the 今年 that opens many a sentence of news
  if (!FRAME_WORDS.test(plain.slice(first.start, first.end))) return null;
  const word = words.find((w) => isDueWord(w) && w.future && w.start < first.end);
  return word?.year ?? null;
}

/**
 * The tense of each clause of a sentence that opens in tense `initial`. A past time frame
 * (近年来, 2021年以来, “十三五”时期) holds to the end of the sentence unless an explicit modal
 * (将, 计划, 拟) in a later clause breaks it; outside one, a clause without cues leans on the
 * next clause that has one, else continues the clause before.
 */
function clauseTenses(written: readonly ClauseCues[], initial: Tense): Tense[] {
  const cues = withinFutureFrames(written);
  const nextCued = nextCuedClause(cues);
  const tenses: Tense[] = [];
  let state: Tense = initial;
  let pastFrame = false;
  cues.forEach((own, i) => {
    // 力争到2018年 aims at a year; 2019年以来…争取 reports since a year
    const opensFrame = own.pastFrame && (own.strongFutureAt < 0 || own.pastFrameAt < own.strongFutureAt);
    if (opensFrame) pastFrame = true;
    else if (own.futureFrame) pastFrame = false;
    if (pastFrame) {
      state = own.strongFuture && !opensFrame ? 'future' : 'past';
    } else {
      const ahead = nextCued[i]! >= 0 ? cues[nextCued[i]!] : undefined;
      const aheadTense = ahead ? ownTense(ahead, 'neutral') : null;
      const aheadLeansForward =
        aheadTense === 'future' && (state !== 'past' || ahead!.strongFuture || ahead!.futureFrame);
      // a subject clause reported on by the next one (盛庄等4个村…,也已进行了规划布置)
      const aheadReports = aheadTense === 'past' && nextCued[i] === i + 1;
      state = ownTense(own, state) ?? (aheadLeansForward ? 'future' : aheadReports ? 'past' : state);
    }
    tenses.push(state);
  });
  // 已申请路灯40盏,正准备安装: what was obtained is still to be put in place
  for (let i = 0; i + 1 < cues.length; i++) {
    const next = cues[i + 1]!;
    if (tenses[i] === 'past' && cues[i]!.secured && next.strongFuture && !next.past) tenses[i] = 'future';
  }
  return tenses;
}

/** After a time word from the letter on, 累计 and 共有 state targets: 到2024年,全市累计建成5G基站1万个. */
function withinFutureFrames(cues: readonly ClauseCues[]): ClauseCues[] {
  let inFrame = false;
  return cues.map((cue) => {
    if (cue.futureFrame) inFrame = true;
    return inFrame && cue.softPastOnly ? { ...cue, past: false } : cue;
  });
}

/** Walks back from a completion report over the sentences that described the finished work. */
function markFinishedWork(readings: SentenceReading[]): void {
  const report = readings[readings.length - 1]!;
  for (let j = readings.length - 2; j >= Math.max(0, readings.length - 4); j--) {
    const earlier = readings[j]!;
    if (earlier.isHeading || earlier.sentence.paragraph !== report.sentence.paragraph) return;
    if (earlier.clauses.some((c) => c.cues.strongFuture)) return;
    for (const clause of earlier.clauses) clause.tense = 'past';
    if (!earlier.chained) return;
  }
}
