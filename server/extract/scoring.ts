/**
 * Scoring extraction output against a gold corpus, the same rules as the shared scorer
 * (../shared/tools/score-extraction.mjs) so that `npm run eval:extract` prints the same figures
 * in a clone that has only the carried copy of the corpus. Pure: the letters, their gold and
 * the predictions come in, the figures and the per-letter misses and extras go out.
 */

/** One hand-annotated letter: gold/NAME.json of a corpus. */
export interface GoldLetter {
  agency?: string | null;
  letterDate?: string | null;
  suggestionRef?: string | null;
  resultGrade?: string | null;
  commitments: GoldCommitment[];
}

export interface GoldCommitment {
  quote: string;
  min: number;
  max: number | null;
  unit: string;
  object: string;
  per: string | null;
  deadlineYear: number | null;
}

/**
 * What the extractor said about one letter, loosely typed on purpose: the scorer reads the
 * contract's JSON line, and a missing or malformed field must cost the score, not crash it.
 */
export interface PredictedLetter {
  letter?: Record<string, unknown>;
  commitments?: unknown;
}

export interface ScoredLetter {
  name: string;
  gold: number;
  predicted: number;
  matched: number;
  misses: string[];
  extra: string[];
}

export interface Score {
  F1: number;
  P: number;
  R: number;
  attr: number;
  meta: number;
  tp: number;
  nPred: number;
  nGold: number;
  badSpans: number;
  perLetter: ScoredLetter[];
}

export interface ScoringInput {
  name: string;
  /** the letter text the extractor was given (after the `# source:` header) */
  body: string;
  gold: GoldLetter;
  /** undefined when the extractor gave nothing (or an error line) for the letter */
  prediction: PredictedLetter | undefined;
}

/** The metadata fields `meta` counts, in the shared scorer's order. */
export const SCORED_METADATA = ['agency', 'letterDate', 'suggestionRef', 'resultGrade'] as const;

interface Predicted {
  quote?: unknown;
  start?: unknown;
  end?: unknown;
  min?: unknown;
  max?: unknown;
  unit?: unknown;
  object?: unknown;
  per?: unknown;
  deadlineYear?: unknown;
  confidence?: unknown;
}

/** quote marks and spacing do not count against a value */
function norm(value: unknown): string {
  return String(value ?? '').replace(/[\s“”"'‘’「」『』《》]/g, '');
}

function occurrences(text: string, quote: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push([i, i + quote.length]);
  return out;
}

/** the body of a corpus letter file: the text after `# source: URL` and its blank line */
export function letterBody(raw: string): string {
  return raw.startsWith('# source:') ? raw.replace(/^# source:[^\n]*\n\n?/, '') : raw;
}

/**
 * A prediction matches a gold commitment when min and max are equal and its span overlaps an
 * occurrence of the gold quote, one to one; `attr` counts unit, per, deadlineYear and object
 * among the matches, `meta` the four identity fields over the gold that states them. With
 * `minConfidence` only the commitments at or above it are scored.
 */
export function scoreCorpus(letters: readonly ScoringInput[], minConfidence: number | null = null): Score {
  let tp = 0;
  let nPred = 0;
  let nGold = 0;
  let attrOk = 0;
  let attrAll = 0;
  let metaOk = 0;
  let metaAll = 0;
  let badSpans = 0;
  const perLetter: ScoredLetter[] = [];
  for (const { name, body, gold, prediction } of letters) {
    const all = (Array.isArray(prediction?.commitments) ? prediction.commitments : []) as Predicted[];
    const preds =
      minConfidence === null
        ? all
        : all.filter((p) => typeof p.confidence === 'number' && p.confidence >= minConfidence);
    const used = new Set<number>();
    let hit = 0;
    const misses: string[] = [];
    for (const g of gold.commitments) {
      const spans = occurrences(body, g.quote);
      const j = preds.findIndex(
        (p, k) =>
          !used.has(k) &&
          p.min === g.min &&
          (p.max ?? null) === (g.max ?? null) &&
          spans.some(([s, e]) => (p.start as number) < e && s < (p.end as number)),
      );
      if (j < 0) {
        misses.push(g.quote);
        continue;
      }
      used.add(j);
      hit++;
      const p = preds[j]!;
      const checks = [
        norm(p.unit) === norm(g.unit),
        (p.per ?? null) === (g.per ?? null),
        (p.deadlineYear ?? null) === (g.deadlineYear ?? null),
        !!norm(p.object) &&
          (norm(p.object).includes(norm(g.object)) || norm(g.object).includes(norm(p.object))),
      ];
      attrAll += checks.length;
      attrOk += checks.filter(Boolean).length;
    }
    for (const p of preds) {
      if (typeof p.start !== 'number' || typeof p.end !== 'number' || body.slice(p.start, p.end) !== p.quote)
        badSpans++;
    }
    for (const key of SCORED_METADATA) {
      if (gold[key] == null) continue;
      metaAll++;
      if (norm(prediction?.letter?.[key] ?? '') === norm(gold[key])) metaOk++;
    }
    tp += hit;
    nPred += preds.length;
    nGold += gold.commitments.length;
    const extra = preds.filter((_, k) => !used.has(k)).map((p) => String(p.quote));
    perLetter.push({
      name,
      gold: gold.commitments.length,
      predicted: preds.length,
      matched: hit,
      misses,
      extra,
    });
  }
  const P = nPred ? tp / nPred : 0;
  const R = nGold ? tp / nGold : 0;
  const F1 = P + R ? (2 * P * R) / (P + R) : 0;
  return {
    F1,
    P,
    R,
    attr: attrAll ? attrOk / attrAll : 0,
    meta: metaAll ? metaOk / metaAll : 0,
    tp,
    nPred,
    nGold,
    badSpans,
    perLetter,
  };
}

/** The line bars read, word for word the shared scorer's last line. */
export function summaryLine(score: Score, letterCount: number): string {
  const f = (x: number) => x.toFixed(3);
  return `F1 ${f(score.F1)} P ${f(score.P)} R ${f(score.R)} attr ${f(score.attr)} meta ${f(score.meta)} (${score.tp}/${score.nGold} gold matched, ${score.nPred} predicted, ${letterCount} letters)`;
}

/** The report before the summary: each letter with a miss or an extra (every letter if verbose). */
export function reportLines(score: Score, verbose = false): string[] {
  const lines: string[] = [];
  for (const l of score.perLetter) {
    if (!verbose && l.misses.length === 0 && l.extra.length === 0) continue;
    lines.push(`${l.name}: gold ${l.gold} predicted ${l.predicted} matched ${l.matched}`);
    for (const m of l.misses) lines.push(`  missed: ${m}`);
    for (const x of l.extra) lines.push(`  extra:  ${x}`);
  }
  if (score.badSpans) lines.push(`${score.badSpans} predicted spans do not equal their quote`);
  return lines;
}
