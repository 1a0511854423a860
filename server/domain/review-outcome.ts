/**
 * What the office's review made of an extracted commitment, compared with what the extractor
 * said: the ground truth behind the extraction quality page and `npm run export-gold`.
 * `valueKept` follows the shared scorer's match rule (same min and max, overlapping span), so the
 * page's precision and recall are the ones the scorer prints for the exported letters.
 */
export type ReviewOutcome = 'confirmed' | 'corrected' | 'rejected' | 'added';

/** The extractor's item as it was stored at ingest. */
export interface ExtractedItem {
  start: number;
  end: number;
  min: number | null;
  max: number | null;
  unit: string | null;
  object: string | null;
  per: string | null;
  deadlineYear: number | null;
}

export const REVIEW_FIELDS = ['span', 'target', 'unit', 'object', 'per', 'deadline'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

export interface ReviewVerdict {
  outcome: ReviewOutcome;
  changedFields: ReviewField[];
  valueKept: boolean;
}

/** A commitment after the decision, in the names the reads use (repositories/commitment-rows toCommitment). */
export interface ReviewedItem extends ExtractedItem {
  kind: 'quantified' | 'milestone';
  reviewStatus: string;
}

/** The extractor's part of a commitment: what a later correction is compared with. */
export const extractedItemOf = ({
  start,
  end,
  min,
  max,
  unit,
  object,
  per,
  deadlineYear,
}: ExtractedItem) => ({
  start,
  end,
  min,
  max,
  unit,
  object,
  per,
  deadlineYear,
});

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** The verdict on an extracted item once the office has decided on it (`now` is the item after). */
export function judgeExtracted(extracted: ExtractedItem, now: ReviewedItem): ReviewVerdict {
  if (now.reviewStatus === 'rejected') return { outcome: 'rejected', changedFields: [], valueKept: false };
  const changed: ReviewField[] = [];
  if (now.start !== extracted.start || now.end !== extracted.end) changed.push('span');
  if (now.min !== extracted.min || now.max !== extracted.max) changed.push('target');
  if ((now.unit ?? null) !== (extracted.unit ?? null)) changed.push('unit');
  if ((now.object ?? null) !== (extracted.object ?? null)) changed.push('object');
  if ((now.per ?? null) !== (extracted.per ?? null)) changed.push('per');
  if ((now.deadlineYear ?? null) !== (extracted.deadlineYear ?? null)) changed.push('deadline');
  const sameTarget = now.kind === 'milestone' || !changed.includes('target');
  return {
    outcome: changed.length === 0 ? 'confirmed' : 'corrected',
    changedFields: changed,
    valueKept: sameTarget && overlaps(now, extracted),
  };
}

/** Shares of one group of decisions; null rates when nothing was decided there. */
export interface QualityCounts {
  confirmed: number;
  corrected: number;
  rejected: number;
  added: number;
  /** extracted quantified items decided (the scorer's predictions) */
  extractedQuantified: number;
  /** of those, the ones the scorer would count as matches */
  matchedQuantified: number;
  /** reviewed quantified items that stand (confirmed, corrected or added: the scorer's gold) */
  goldQuantified: number;
  /** how often each field was corrected */
  fields: Record<ReviewField, number>;
}

export interface QualityRates {
  precision: number | null;
  recall: number | null;
  /** share of decided extracted items confirmed without a change */
  unchangedShare: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function qualityRates(counts: QualityCounts): QualityRates {
  const decided = counts.confirmed + counts.corrected + counts.rejected;
  return {
    precision: share(counts.matchedQuantified, counts.extractedQuantified),
    recall: share(counts.matchedQuantified, counts.goldQuantified),
    unchangedShare: share(counts.confirmed, decided),
  };
}

export function emptyCounts(): QualityCounts {
  return {
    confirmed: 0,
    corrected: 0,
    rejected: 0,
    added: 0,
    extractedQuantified: 0,
    matchedQuantified: 0,
    goldQuantified: 0,
    fields: Object.fromEntries(REVIEW_FIELDS.map((field) => [field, 0])) as Record<ReviewField, number>,
  };
}
