/**
 * The overview's session, deputy and status filters (issue 5). A session or a deputy narrows the
 * figures to the suggestions made at that session or by that deputy, the letters answering them
 * and those letters' commitments; a status keeps the commitments in that status on the cut-off
 * day. dashboard.summary (through buildSummary), the heat map, the trend and the commitments list
 * all narrow with these same functions, so a figure and the list it opens cannot disagree.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TrackedStatus } from '../../shared/commitments';
import { sessionOfRef } from '../../shared/sessions';
import type { ItemOutcome, TrackedItem } from '../domain/commitment-metrics';
import { NotFound } from '../domain/errors';
import {
  letterIdsAnswering,
  listSuggestionRefs,
  suggestionIdsOfDeputy,
} from '../repositories/suggestion-scope';

export interface SuggestionScope {
  suggestionIds: ReadonlySet<number>;
  letterIds: ReadonlySet<number>;
}

/**
 * The suggestions of the session and/or the deputy (both: those of the deputy at that session);
 * null when neither is given. A name nothing carries is NOT_FOUND, as unknown districts and
 * agencies are in dashboard.summary.
 */
export async function resolveScope(
  db: Kysely<Database>,
  names: { session?: string | undefined; deputy?: string | undefined },
): Promise<SuggestionScope | null> {
  const suggestionIds = await resolveSuggestionIds(db, names);
  if (suggestionIds === null) return null;
  return { suggestionIds, letterIds: new Set(await letterIdsAnswering(db, suggestionIds)) };
}

/** The scope's suggestions only, for a query that narrows its letters in SQL (the letters list). */
export async function resolveSuggestionIds(
  db: Kysely<Database>,
  names: { session?: string | undefined; deputy?: string | undefined },
): Promise<ReadonlySet<number> | null> {
  if (names.session === undefined && names.deputy === undefined) return null;
  let ids: Set<number> | null = null;
  if (names.session !== undefined) {
    const refs = await listSuggestionRefs(db);
    ids = new Set(refs.filter((r) => sessionOfRef(r.ref) === names.session).map((r) => r.id));
    if (ids.size === 0) throw new NotFound('notFound.session', `找不到会议“${names.session}”的代表建议。`);
  }
  if (names.deputy !== undefined) {
    const ofDeputy = await suggestionIdsOfDeputy(db, names.deputy);
    if (ofDeputy === null) throw new NotFound('notFound.deputyName', `找不到代表“${names.deputy}”。`);
    ids = ids === null ? new Set(ofDeputy) : new Set(ofDeputy.filter((id) => ids?.has(id)));
  }
  return ids ?? new Set<number>();
}

/** Rows of letters in the scope (all when there is none): commitments, letter facts. */
export function inLetterScope<T>(
  rows: readonly T[],
  letterIdOf: (row: T) => number,
  scope: SuggestionScope | null | undefined,
): T[] {
  if (!scope) return [...rows];
  return rows.filter((row) => scope.letterIds.has(letterIdOf(row)));
}

/** Suggestion rows in the scope (all when there is none). */
export function inSuggestionScope<T extends { id: number }>(
  rows: readonly T[],
  scope: SuggestionScope | null | undefined,
): T[] {
  if (!scope) return [...rows];
  return rows.filter((row) => scope.suggestionIds.has(row.id));
}

/** Outcomes in the status (all when none is chosen). */
export function withStatus<T extends { outcome: ItemOutcome }>(
  outcomes: readonly T[],
  status: TrackedStatus | null | undefined,
): T[] {
  if (!status) return [...outcomes];
  return outcomes.filter((o) => o.outcome.status === status);
}

export type ScopedOutcome = { item: TrackedItem; outcome: ItemOutcome };

/** Sessions with at least one suggestion, the latest first (by the suggestions' year), then by name. */
export async function listSessions(db: Kysely<Database>): Promise<string[]> {
  const latest = new Map<string, number>();
  for (const r of await listSuggestionRefs(db)) {
    const session = sessionOfRef(r.ref);
    if (session === null) continue;
    latest.set(session, Math.max(latest.get(session) ?? 0, r.year ?? 0));
  }
  return [...latest]
    .sort(([a, ya], [b, yb]) => yb - ya || a.localeCompare(b, 'zh-CN'))
    .map(([session]) => session);
}
