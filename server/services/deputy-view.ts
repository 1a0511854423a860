/**
 * 代表视角: every suggestion a deputy made, the replies to it, and for each promise in them
 * whether it was kept — what a deputy prints and brings to the next session.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { tallyStatuses } from '../domain/status-tally';
import { listCommitments } from '../repositories/commitments';
import { findDeputy, latestRatings, repliesTo, suggestionsOfDeputy } from '../repositories/deputy-view';
import { withStatuses } from './statuses';

export async function deputyView(
  db: Kysely<Database>,
  name: string,
  options: { includeDemo: boolean; today: string },
) {
  const deputy = await findDeputy(db, name);
  if (!deputy) return null;
  const suggestions = await suggestionsOfDeputy(db, deputy.id);
  const letters = await repliesTo(
    db,
    suggestions.map((s) => s.id),
  );
  const [ratings, items] = await Promise.all([
    latestRatings(
      db,
      letters.map((l) => l.id),
    ),
    Promise.all(letters.map((l) => listCommitments(db, { letterId: l.id }))).then((lists) => lists.flat()),
  ]);
  // Rejected extractions are not promises at all.
  const promises = await withStatuses(
    db,
    items.filter((c) => c.reviewStatus !== 'rejected'),
    options,
  );
  return {
    name: deputy.name,
    counts: tallyStatuses(promises.map((p) => p.status)),
    suggestions: suggestions.map((s) => ({
      id: s.id,
      ref: s.ref,
      title: s.title,
      year: s.year,
      lead: s.isLead === 1,
      replies: letters
        .filter((l) => l.suggestionId === s.id)
        .map((l) => ({
          ...l,
          satisfaction: ratings.get(l.id) ?? null,
          promises: promises
            .filter((p) => p.letterId === l.id)
            .map((p) => ({
              id: p.id,
              kind: p.kind,
              quote: p.quote,
              object: p.object,
              unit: p.unit,
              min: p.min,
              max: p.max,
              deadlineYear: p.deadlineYear,
              targetTotal: p.targetTotal,
              value: p.value,
              status: p.status,
            })),
        })),
    })),
  };
}
