/**
 * Agency scorecards (承办单位): the status of the commitments in each responding agency's replies,
 * kept rate, overdue items, follow-ups answered late and the reasons given for promises withdrawn
 * or not kept. Aggregated here; the browser gets the figures.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { REASON_CODES } from '../../shared/commitments';
import { projectedLate } from '../../shared/completion-projection';
import { answeredLate } from '../domain/follow-up-timeliness';
import { keptRate, tallyStatuses } from '../domain/status-tally';
import { listAgencies, listFollowUpsByAgency } from '../repositories/agency-scorecard';
import { listCommitments } from '../repositories/commitments';
import { withStatuses } from './statuses';

export interface ScorecardOptions {
  includeDemo: boolean;
  /** YYYY-MM-DD in the configured zone (the context's clock) */
  today: string;
}

async function loadAll(db: Kysely<Database>, options: ScorecardOptions) {
  const { today } = options;
  const [agencies, confirmed, followUps] = await Promise.all([
    listAgencies(db),
    listCommitments(db, { reviewStatus: 'confirmed' }),
    listFollowUpsByAgency(db),
  ]);
  const tracked = await withStatuses(db, confirmed, { ...options, today });
  const late = followUps.filter((f) => answeredLate(f, today));
  return { agencies, tracked, late };
}

type Loaded = Awaited<ReturnType<typeof loadAll>>;

function summarize(name: string, letters: number, { tracked, late }: Loaded) {
  const own = tracked.filter((c) => c.agency === name);
  const counts = tallyStatuses(own.map((c) => c.status));
  return {
    name,
    letters,
    counts,
    keptRate: keptRate(counts),
    lateFollowUps: late.filter((f) => f.agency === name).length,
  };
}

export async function agencyScorecards(db: Kysely<Database>, options: ScorecardOptions) {
  const loaded = await loadAll(db, options);
  return loaded.agencies.map((a) => summarize(a.name, a.letters, loaded));
}

export async function agencyScorecard(db: Kysely<Database>, name: string, options: ScorecardOptions) {
  const loaded = await loadAll(db, options);
  const agency = loaded.agencies.find((a) => a.name === name);
  if (!agency) return null;
  const own = loaded.tracked.filter((c) => c.agency === name);
  const item = (c: (typeof own)[number]) => ({
    id: c.id,
    letterId: c.letterId,
    kind: c.kind,
    quote: c.quote,
    object: c.object,
    unit: c.unit,
    min: c.min,
    max: c.max,
    deadlineYear: c.deadlineYear,
    targetTotal: c.targetTotal,
    value: c.value,
    status: c.status,
    reasonCode: c.reasonCode,
    projection: c.projection,
  });
  // A reason code is recorded only when a promise is withdrawn or explained as not kept.
  const reasons = REASON_CODES.map((code) => ({
    code,
    count: own.filter((c) => c.reasonCode === code).length,
  }));
  return {
    ...summarize(agency.name, agency.letters, loaded),
    commitments: own.map(item),
    overdue: own.filter((c) => c.status === 'overdue').map(item),
    /** not overdue yet, but the recent pace misses the deadline: the ones to chase now */
    projectedLate: own.filter((c) => projectedLate(c.projection, c.status, c.deadlineYear)).map(item),
    lateFollowUps: loaded.late
      .filter((f) => f.agency === name)
      .map((f) => ({
        id: f.id,
        commitmentId: f.commitmentId,
        object: f.object,
        request: f.request,
        dueDate: f.dueDate,
        respondedAt: f.respondedAt,
      })),
    reasons,
  };
}
