/**
 * The extraction quality page (识别质量): the office's decisions on extracted items, per month and
 * per agency, and the extractor's real precision and recall on the product's own letters. The
 * headline figures are over fully reviewed letters only, the set `npm run export-gold` writes, so
 * the shared scorer run on that export prints the same precision and recall.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  emptyCounts,
  type QualityCounts,
  type QualityRates,
  qualityRates,
  REVIEW_FIELDS,
  type ReviewField,
} from '../domain/review-outcome';
import {
  countFullyReviewedLetters,
  type VerdictGroup,
  verdictGroups,
  verdictYears,
} from '../repositories/review-outcomes';

export interface QualityFigures extends QualityCounts, QualityRates {}

const isField = (name: string): name is ReviewField => (REVIEW_FIELDS as readonly string[]).includes(name);

function addGroup(counts: QualityCounts, group: VerdictGroup): void {
  const n = group.count;
  const quantified = group.kind === 'quantified';
  if (group.manual) {
    // an added item the office later rejected is neither an addition nor gold
    if (group.outcome === 'rejected') return;
    counts.added += n;
    if (quantified) counts.goldQuantified += n;
    return;
  }
  if (group.outcome === 'confirmed') counts.confirmed += n;
  else if (group.outcome === 'corrected') counts.corrected += n;
  else if (group.outcome === 'rejected') counts.rejected += n;
  for (const field of group.changedFields.split(',')) if (isField(field)) counts.fields[field] += n;
  if (!quantified) return;
  counts.extractedQuantified += n;
  if (group.valueKept) counts.matchedQuantified += n;
  if (group.outcome !== 'rejected') counts.goldQuantified += n;
}

function figuresOf(groups: readonly VerdictGroup[]): QualityFigures {
  const counts = emptyCounts();
  for (const group of groups) addGroup(counts, group);
  return { ...counts, ...qualityRates(counts) };
}

function byKey<K>(groups: readonly VerdictGroup[], key: (g: VerdictGroup) => K): Map<K, VerdictGroup[]> {
  const out = new Map<K, VerdictGroup[]>();
  for (const group of groups) {
    const k = key(group);
    const list = out.get(k);
    if (list) list.push(group);
    else out.set(k, [group]);
  }
  return out;
}

export async function extractionQuality(db: Kysely<Database>, year: number | undefined) {
  const [groups, reviewedGroups, reviewedLetters, years] = await Promise.all([
    verdictGroups(db, { year }),
    verdictGroups(db, { fullyReviewedOnly: true }),
    countFullyReviewedLetters(db),
    verdictYears(db),
  ]);
  const months = [...byKey(groups, (g) => g.month)]
    .map(([month, list]) => ({ month, ...figuresOf(list) }))
    .sort((a, b) => b.month.localeCompare(a.month));
  const agencies = [...byKey(groups, (g) => g.agencyKey)]
    .map(([agencyKey, list]) => ({ agencyKey, agency: list[0]?.agency ?? null, ...figuresOf(list) }))
    .sort((a, b) => b.confirmed + b.corrected + b.rejected - (a.confirmed + a.corrected + a.rejected));
  return {
    year: year ?? null,
    years,
    total: figuresOf(groups),
    months,
    agencies,
    /** the export-gold set: what the shared scorer would print for it */
    fullyReviewed: { letters: reviewedLetters, ...figuresOf(reviewedGroups) },
  };
}

export type ExtractionQuality = Awaited<ReturnType<typeof extractionQuality>>;
