/**
 * The start page of each signed-in role: what that person has to do today, in one answer.
 * - agency clerk: targets due for this month's progress report, open 督办 (overdue first),
 *   commitments behind pace or overdue, and reports the office corrected;
 * - deputy: their suggestions and the replies, each promise's achieved / target per district,
 *   the evidence and the progress timeline, and their rating;
 * - office: the review queue least certain first, follow-ups due within a week or overdue,
 *   agencies without a report this month, and letters rated 不满意.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { CommitmentStatus } from '../../shared/commitments';
import { progressKey, standingEntries } from '../domain/progress-summary';
import { listProgress, listTargets } from '../repositories/commitments';
import {
  agenciesWithoutReport,
  commitmentsOfAgency,
  deputyName,
  lastReportDates,
  officeCorrections,
  openFollowUps,
  reviewQueueByCertainty,
  unsatisfiedLetters,
} from '../repositories/start';
import { deputyView } from './deputy-view';
import { withStatuses } from './statuses';

export interface StartOptions {
  includeDemo: boolean;
  /** YYYY-MM-DD */
  today: string;
}

/** Statuses that still need reports: confirmed, not withdrawn, not yet achieved or overdue. */
const ACTIVE: readonly CommitmentStatus[] = ['not_started', 'on_track', 'behind'];
/** How far ahead the office sees follow-ups coming due. */
const DUE_SOON_DAYS = 7;
const REVIEW_ITEMS = 10;
const CORRECTIONS = 20;

const monthStart = (today: string) => `${today.slice(0, 7)}-01`;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function startPage(db: Kysely<Database>, user: SessionUser, options: StartOptions) {
  if (user.role === 'agency')
    return { role: 'agency' as const, ...(await clerkStart(db, user.agencyId, options)) };
  if (user.role === 'deputy')
    return { role: 'deputy' as const, ...(await deputyStart(db, user.deputyId, options)) };
  return { role: 'office' as const, ...(await officeStart(db, options)) };
}

async function clerkStart(db: Kysely<Database>, agencyId: number | null, options: StartOptions) {
  if (agencyId === null) return { dueThisMonth: [], followUps: [], atRisk: [], corrections: [] };
  const rows = await commitmentsOfAgency(db, agencyId);
  const [tracked, lastReports, followUps, corrections] = await Promise.all([
    withStatuses(db, rows, options),
    lastReportDates(
      db,
      rows.map((r) => r.id),
      options.includeDemo,
    ),
    openFollowUps(db, { agencyId }),
    officeCorrections(db, agencyId, CORRECTIONS),
  ]);
  const since = monthStart(options.today);
  const item = (c: (typeof tracked)[number]) => ({
    id: c.id,
    letterId: c.letterId,
    kind: c.kind,
    quote: c.quote,
    object: c.object,
    unit: c.unit,
    deadlineYear: c.deadlineYear,
    status: c.status,
    value: c.value,
    targetTotal: c.targetTotal,
    lastReportedOn: lastReports.get(c.id) ?? null,
  });
  const statusOrder = (s: CommitmentStatus) => (s === 'overdue' ? 0 : 1);
  return {
    dueThisMonth: tracked
      .filter((c) => ACTIVE.includes(c.status) && !((lastReports.get(c.id) ?? '') >= since))
      .map(item),
    followUps: followUps.map((f) => ({ ...f, overdue: f.dueDate !== null && f.dueDate < options.today })),
    atRisk: tracked
      .filter((c) => c.status === 'behind' || c.status === 'overdue')
      .sort((a, b) => statusOrder(a.status) - statusOrder(b.status))
      .map(item),
    corrections,
  };
}

async function deputyStart(db: Kysely<Database>, deputyId: number | null, options: StartOptions) {
  const name = deputyId === null ? null : await deputyName(db, deputyId);
  const view = name === null ? null : await deputyView(db, name, options);
  if (!view) return { deputy: null, suggestions: [] };
  const ids = view.suggestions.flatMap((s) => s.replies.flatMap((r) => r.promises.map((p) => p.id)));
  const [targets, progress] = await Promise.all([
    listTargets(db, { commitmentIds: ids }),
    listProgress(db, { includeDemo: options.includeDemo, commitmentIds: ids }),
  ]);
  const standing = standingEntries(progress);
  const superseded = new Set(progress.flatMap((p) => (p.supersedesId === null ? [] : [p.supersedesId])));
  return {
    deputy: view.name,
    suggestions: view.suggestions.map((s) => ({
      ...s,
      replies: s.replies.map((r) => ({
        ...r,
        promises: r.promises.map((p) => ({
          ...p,
          /** achieved / target per district (one row, districtName null, for a city-wide target) */
          districts: targets
            .filter((t) => t.commitmentId === p.id)
            .map((t) => ({
              districtName: t.districtName,
              target: t.min,
              achieved: standing.get(progressKey(p.id, t.districtId))?.value ?? null,
            })),
          /** every entry, oldest first; corrected entries stay, marked, so the history is honest */
          timeline: progress
            .filter((e) => e.commitmentId === p.id)
            .map((e) => ({
              id: e.id,
              asOf: e.asOf,
              districtName: e.districtName,
              value: e.value,
              evidenceText: e.evidenceText,
              evidenceUrl: e.evidenceUrl,
              attachmentId: e.attachmentId,
              isDemo: e.isDemo === 1,
              superseded: superseded.has(e.id),
            })),
        })),
      })),
    })),
  };
}

async function officeStart(db: Kysely<Database>, options: StartOptions) {
  const [review, dueFollowUps, silentAgencies, unsatisfied] = await Promise.all([
    reviewQueueByCertainty(db, REVIEW_ITEMS),
    openFollowUps(db, { dueBy: addDays(options.today, DUE_SOON_DAYS) }),
    agenciesWithoutReport(db, {
      since: monthStart(options.today),
      sinceYear: Number(options.today.slice(0, 4)),
      includeDemo: options.includeDemo,
    }),
    unsatisfiedLetters(db),
  ]);
  return {
    review,
    followUps: dueFollowUps.map((f) => ({ ...f, overdue: f.dueDate !== null && f.dueDate < options.today })),
    silentAgencies,
    unsatisfied,
  };
}
