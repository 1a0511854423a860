/**
 * How sure the evidence makes the extractor that a kept quantity is a promise. Each kind of
 * evidence moves the score by a fixed weight, so the figure can be read back as reasons: an
 * explicit plan or future cue in the clause itself (计划, 将, 力争, 年内, 确保), a deadline, a
 * named object and a clean number raise it; a tense only inherited from the text around it,
 * past markers in the sentence, description or standard words (全长, 现有, 标准, 不低于) and a
 * bare figure in a list lower it. The weights are few and round on purpose: they rank items
 * for the review queue, they are not fitted to the letters.
 */
import type { ClauseReading, SentenceReading } from './analysis';
import type { Quantity } from './quantities';

export interface CommitmentEvidence {
  /** the clause itself carries a plan or modal word (计划, 将, 力争, 确保, 拟) or a forward
   * time word with a year (年内, 到2025年) */
  clauseCue: boolean;
  /** another clause of the same sentence carries one, so the tense is near at hand */
  sentenceCue: boolean;
  /** only a leaning word in the clause (规划, 推进, 实现, 继续) */
  weakCue: boolean;
  deadline: boolean;
  /** the object is written out, not stood in for by the unit */
  object: boolean;
  /** not a lone Chinese 一, which is as often an article (一所, 建设一栋) as a count */
  cleanNumber: boolean;
  /** a past marker (已, 截至, 了) in the clause itself, outweighed there by a plan word */
  pastInClause: boolean;
  /** a past marker in another clause of the sentence */
  pastInSentence: boolean;
  /** the clause describes what exists or sets a standard (全长, 现有, 标准, 不低于) */
  descriptive: boolean;
  /** a bare figure in a 、 list, with neither verb nor object of its own */
  bareListItem: boolean;
}

/** Words of a description or a standard rather than of a deliverable. */
const DESCRIPTIVE =
  /全长|总长|长约|宽约|现有|现状|目前|(?<!高)标准|不高于|不超过|规模为|规模达|服务人口|需求|需要/;
const LIST_BEFORE = /、[^、,，。;；]{0,12}$/;
const ACTION_VERB = /建|修|改|增|配|设|装|铺|购|安排|投入|完成|实施|打造|培育|培训|开展|落实|提升|新/;
const hardPast = (c: ClauseReading) => c.cues.past && !c.cues.softPastOnly;

/** What the sentence around a clause says, counted once per sentence: sentences can be huge. */
export interface SentenceEvidence {
  pastClauses: number;
  cuedClauses: number;
}

export function sentenceEvidence(reading: SentenceReading): SentenceEvidence {
  let pastClauses = 0;
  let cuedClauses = 0;
  for (const c of reading.clauses) {
    if (hardPast(c)) pastClauses++;
    if (c.tense === 'future' && c.cues.strongFuture) cuedClauses++;
  }
  return { pastClauses, cuedClauses };
}

/** What the clause says, read once per clause. */
export interface ClauseEvidence {
  cue: boolean;
  leaning: boolean;
  past: boolean;
  descriptive: boolean;
}

export function clauseEvidence(plain: string, clause: ClauseReading): ClauseEvidence {
  const cue = clause.cues.strongFuture || clause.timeWords.some((w) => w.future && w.year !== null);
  return {
    cue,
    leaning: clause.cues.weakFuture || clause.cues.continuing,
    past: hardPast(clause),
    descriptive: DESCRIPTIVE.test(plain.slice(clause.start, clause.end)),
  };
}

/** How far back a list item is looked for: a list item is short. */
const LIST_ITEM_REACH = 14;

export function commitmentEvidence(
  plain: string,
  sentence: SentenceEvidence,
  clause: ClauseEvidence,
  clauseStart: number,
  q: Quantity,
  deadlineYear: number | null,
  objectNamed: boolean,
): CommitmentEvidence {
  const lead = plain.slice(Math.max(clauseStart, q.qualifierStart - LIST_ITEM_REACH), q.qualifierStart);
  const item = lead.slice(lead.lastIndexOf('、') + 1);
  return {
    clauseCue: clause.cue,
    // the clause's own cue, when it is one, is counted in the sentence's too
    sentenceCue: !clause.cue && sentence.cuedClauses > 0,
    weakCue: !clause.cue && clause.leaning,
    deadline: deadlineYear !== null,
    object: objectNamed,
    cleanNumber: !q.bareChineseOne,
    pastInClause: clause.past,
    pastInSentence: !clause.past && sentence.pastClauses > 0,
    descriptive: clause.descriptive,
    bareListItem: !objectNamed && LIST_BEFORE.test(lead) && !ACTION_VERB.test(item),
  };
}

/**
 * The base is what a kept quantity in a clause read as a plan earns: the tense decision is
 * itself evidence. What the clause says for itself then moves it up or down.
 */
const BASE = 0.65;
const WEIGHTS: Record<keyof CommitmentEvidence, number> = {
  clauseCue: 0.2,
  sentenceCue: 0.1,
  weakCue: 0.05,
  deadline: 0.1,
  object: 0.05,
  cleanNumber: 0.05,
  pastInClause: -0.3,
  pastInSentence: -0.05,
  descriptive: -0.3,
  bareListItem: -0.1,
};

export function confidenceOf(evidence: CommitmentEvidence): number {
  let score = BASE;
  for (const key of Object.keys(WEIGHTS) as Array<keyof CommitmentEvidence>) {
    if (evidence[key]) score += WEIGHTS[key];
  }
  return clamp(score);
}

/** A milestone rests on its time word alone; a plan word in its clause makes it firmer. */
export function milestoneConfidence(strongCue: boolean, pastNearby: boolean): number {
  return clamp(0.7 + (strongCue ? 0.15 : 0) - (pastNearby ? 0.2 : 0));
}

function clamp(score: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100;
}
