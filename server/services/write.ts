/**
 * The write door: every mutation of the product runs through `runWrite` (ADR 0006). One call opens
 * the transaction, checks the caller's right on the subject, runs the write, writes the audit row
 * with the record before and after, and brings the figures of what it touched current — all or
 * nothing. The handle procedures get refuses writes made any other way (repositories/write-guard.ts).
 *
 * Figures: a write names the commitments or letters whose counted items it changed (`touched`);
 * their agencies' tallies are recomputed before commit, so a read right after sees them. A write
 * to letters, suggestions, ratings or the gazetteer raises the figures revision by itself (the
 * door sees the tables). Writing the commitment tables without naming a subject is refused, unless
 * the write says nothing it wrote is counted yet (`uncounted`: a new letter's commitments wait for
 * review) — that keeps ingest as cheap as a revision bump.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import { recordAudit } from '../repositories/audit';
import { bumpFiguresRevision } from '../repositories/outcome-tallies';
import { type DoorState, insideDoor } from '../repositories/write-guard';
import { bringAgenciesCurrent } from './outcome-tallies';

type Trx = Transaction<Database>;

/** Who made the change, as the audit log names them: a user, or 'system' / 'cli' without an id. */
export interface WriteActor {
  userId: number | null;
  name: string;
}

/** The signed-in user under the name most of the log uses (accounts and sessions use the username). */
export const userActor = (user: Pick<SessionUser, 'id' | 'displayName'>): WriteActor => ({
  userId: user.id,
  name: user.displayName,
});

export interface Door {
  trx: Trx;
  /** the write's time, ISO: the same in its rows and its audit entry */
  at: string;
  /** the write's date of record in the clock's zone (APP_TIME_ZONE), YYYY-MM-DD: never `at`'s UTC date */
  today: string;
  /** Counted items of these commitments or letters changed: their agencies are recomputed before commit. */
  touched: (subject: { commitmentIds?: readonly number[]; letterIds?: readonly number[] }) => void;
  /** The commitment rows written are not counted yet (unconfirmed): only the revision moves. */
  uncounted: () => void;
  /** Nothing changed after all (disabling a disabled account): no audit entry. */
  unchanged: () => void;
}

/**
 * When the write happens. A write from a request or a start-up step brings the clock of the
 * configured zone (ctx.clock), so its dates of record and the figures' "today" are that zone's; a
 * write that changes no figures and stores no date (accounts, sessions) may name just the instant.
 */
type WriteTime = { clock: Clock; now?: Date } | { clock?: undefined; now: Date };

interface WriteSteps<T> {
  actor: WriteActor;
  /** the audit action, `commitment.confirm` */
  action: string;
  entity: string;
  /** the subject's id for the audit; from the result when the write creates it */
  entityId: number | null | ((result: T) => number | null);
  /** The caller's right on the subject, checked in the transaction before anything is written. */
  authorize?: (trx: Trx) => Promise<void>;
  /** The record before, for the audit. */
  before?: (trx: Trx) => Promise<unknown>;
  write: (door: Door) => Promise<T>;
  /** The record after, for the audit; the result itself when left out, nothing when null. */
  after?: ((result: T, trx: Trx) => unknown) | null;
}

export type WriteSpec<T> = WriteSteps<T> & WriteTime;

/** Tables whose rows count in the tallies: writing them must say whose figures changed. */
const COUNTED_TABLES = new Set(['commitments', 'commitment_targets', 'progress_updates']);
/** Tables the reply figures and the lists behind them read: writing them raises the revision. */
const FIGURE_TABLES = new Set([
  ...COUNTED_TABLES,
  'letters',
  'suggestions',
  'suggestion_agencies',
  'suggestion_deputies',
  'satisfaction_ratings',
  'agencies',
  'deputies',
  'districts',
  'streets',
  // the agency pages count follow-ups and their answers
  'follow_ups',
  'raw',
]);

export class UndeclaredFigures extends Error {
  constructor(action: string, tables: readonly string[]) {
    super(`${action} wrote ${tables.join(', ')} without saying whose figures changed (door.touched)`);
    this.name = 'UndeclaredFigures';
  }
}

export async function runWrite<T>(db: Kysely<Database>, spec: WriteSpec<T>): Promise<T> {
  const now = spec.now ?? spec.clock?.now() ?? new Date();
  const at = now.toISOString();
  // a write without a clock has no zone: it may not store a date or move the figures
  const dateOf = () => {
    if (!spec.clock)
      throw new Error(`${spec.action} needs the clock of the configured zone (WriteSpec.clock)`);
    return spec.clock.dateOf(now);
  };
  const state: DoorState = { tables: new Set() };
  return insideDoor(state, () =>
    db.transaction().execute(async (trx) => {
      const subject = { commitmentIds: [] as number[], letterIds: [] as number[] };
      let uncounted = false;
      let unchanged = false;
      await spec.authorize?.(trx);
      const before = spec.before ? await spec.before(trx) : undefined;
      const result = await spec.write({
        trx,
        at,
        get today() {
          return dateOf();
        },
        touched: (s) => {
          subject.commitmentIds.push(...(s.commitmentIds ?? []));
          subject.letterIds.push(...(s.letterIds ?? []));
        },
        uncounted: () => {
          uncounted = true;
        },
        unchanged: () => {
          unchanged = true;
        },
      });
      const written = [...state.tables];
      const declared = subject.commitmentIds.length + subject.letterIds.length > 0;
      const counted = written.filter((t) => COUNTED_TABLES.has(t));
      if (counted.length && !declared && !uncounted) throw new UndeclaredFigures(spec.action, counted);
      if (declared) await bringAgenciesCurrent(trx, subject, dateOf());
      else if (written.some((t) => FIGURE_TABLES.has(t))) await bumpFiguresRevision(trx);
      if (!unchanged) {
        const after = spec.after === null ? undefined : spec.after ? await spec.after(result, trx) : result;
        await recordAudit(
          trx,
          {
            actor: spec.actor.name,
            userId: spec.actor.userId,
            action: spec.action,
            entity: spec.entity,
            entityId: typeof spec.entityId === 'function' ? spec.entityId(result) : spec.entityId,
            before,
            after,
          },
          at,
        );
      }
      return result;
    }),
  );
}
