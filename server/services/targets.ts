/**
 * Per-district targets of a commitment: derived from the gazetteer when a letter is stored or a
 * commitment corrected, or split by the office. The city total is always the sum of the rows.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import {
  type AllocatedTarget,
  allocateTargets,
  type GazetteerDistrict,
  type TargetSpec,
} from '../domain/allocate-targets';
import { splitTotal } from '../domain/breakdown-targets';
import { Invalid, notFound, PreconditionFailed } from '../domain/errors';
import { cityOfLetter } from '../domain/letter-city';
import {
  countDistricts,
  findLetterOfCommitment,
  findTargetTotal,
  listTargetRows,
  replaceTargetRows,
} from '../repositories/district-targets';
import { districtsOnDate, listCities } from '../repositories/gazetteer';
import { claimVersion } from './commitment-version';
import { runWrite, userActor } from './write';

type Trx = Transaction<Database>;

/**
 * The districts a letter's per-unit targets expand over: its city's, as they were on its date
 * (ISO day). The day, not the year: streets and towns change within a year.
 */
export async function gazetteerForLetter(
  trx: Trx | Kysely<Database>,
  letter: { agency: string | null; text: string; date: string },
): Promise<GazetteerDistrict[]> {
  const city = cityOfLetter(letter.agency, letter.text, await listCities(trx));
  return city ? districtsOnDate(trx, city, letter.date) : [];
}

export async function writeTargets(
  trx: Trx,
  commitmentId: number,
  targets: readonly AllocatedTarget[],
  at: string,
) {
  await replaceTargetRows(
    trx,
    commitmentId,
    targets.map((t) => ({
      commitment_id: commitmentId,
      district_id: t.districtId,
      target_min: t.min,
      target_max: t.max,
      allocation: t.allocation,
      created_at: at,
    })),
  );
}

export async function reallocateTargets(trx: Trx, commitmentId: number, spec: TargetSpec, at: string) {
  const districts = await districtsForCommitment(trx, commitmentId);
  await writeTargets(trx, commitmentId, allocateTargets(spec, districts), at);
}

/**
 * The districts a commitment's targets expand over, or a city-wide target may be split over: its
 * letter's city, as it was on the letter's date (the day it was stored, when undated).
 */
export async function districtsForCommitment(
  db: Trx | Kysely<Database>,
  commitmentId: number,
): Promise<GazetteerDistrict[]> {
  const letter = await findLetterOfCommitment(db, commitmentId);
  if (!letter) return [];
  const date = (letter.letter_date ?? letter.created_at).slice(0, 10);
  return gazetteerForLetter(db, { agency: letter.agency, text: letter.text, date });
}

/**
 * The office splits a city-wide total across districts. The split may be partial: what the named
 * districts leave stays one city-wide target of the same commitment (as a breakdown in a letter
 * does); the shares may not exceed the total.
 */
export function splitTargets(
  db: Kysely<Database>,
  user: SessionUser,
  input: {
    commitmentId: number;
    version: number;
    parts: { districtId: number; min: number; max?: number | null | undefined }[];
  },
  clock: Clock,
) {
  let targets: AllocatedTarget[] = [];
  return runWrite<{ parts: AllocatedTarget[] }>(db, {
    actor: userActor(user),
    clock,
    action: 'targets.split',
    entity: 'commitment',
    entityId: input.commitmentId,
    authorize: async (trx) => {
      if (!(await findTargetTotal(trx, input.commitmentId))) throw notFound('quantified', input.commitmentId);
      // the split is checked against the total the caller saw: refused when it has changed since;
      // read once the row is held, so a correction committed meanwhile is the total checked
      await claimVersion(trx, input.commitmentId, input.version, clock);
      const commitment = await findTargetTotal(trx, input.commitmentId);
      if (commitment?.kind !== 'quantified' || commitment.target_min === null)
        throw notFound('quantified', input.commitmentId);
      if (commitment.per_scope !== null)
        throw new PreconditionFailed('targets.perScope', '按单位计的目标已按区划自动分解,无需手工分配。');
      const ids = input.parts.map((p) => p.districtId);
      if ((await countDistricts(trx, [...new Set(ids)])) !== new Set(ids).size)
        throw new Invalid('targets.unknownDistrict', '分配中包含未知的区。');
      const open = commitment.target_max === null;
      const split = splitTotal(
        { min: commitment.target_min, max: commitment.target_max },
        input.parts.map((p) => ({
          districtId: p.districtId,
          min: p.min,
          max: open ? null : (p.max ?? p.min),
        })),
      );
      if (!split.ok) {
        if (split.reason === 'district-twice')
          throw new Invalid('targets.districtTwice', '同一个区只能分配一次。');
        throw new Invalid(
          split.reason === 'over-min' ? 'targets.minSum' : 'targets.maxSum',
          split.reason === 'over-min'
            ? `各区目标之和(${split.assigned})不能超过全市目标(${split.total});未分配的部分保留为全市目标。`
            : `各区目标上限之和(${split.assigned})不能超过全市目标上限(${split.total})。`,
        );
      }
      targets = split.targets;
    },
    before: (trx) => listTargetRows(trx, input.commitmentId),
    after: (result) => result.parts,
    write: async ({ trx, at, touched }) => {
      await writeTargets(trx, input.commitmentId, targets, at);
      touched({ commitmentIds: [input.commitmentId] });
      return { parts: targets };
    },
  }).then(({ parts }) => ({ parts: parts.filter((p) => p.districtId !== null).length }));
}

/** Back to one city-wide target of the commitment's total. */
export function mergeTargetsToCity(
  db: Kysely<Database>,
  user: SessionUser,
  commitmentId: number,
  version: number,
  clock: Clock,
) {
  return runWrite<{ after: AllocatedTarget[] }>(db, {
    actor: userActor(user),
    clock,
    action: 'targets.merge',
    entity: 'commitment',
    entityId: commitmentId,
    authorize: async (trx) => {
      if (!(await findTargetTotal(trx, commitmentId))) throw notFound('quantified', commitmentId);
      await claimVersion(trx, commitmentId, version, clock);
    },
    before: (trx) => listTargetRows(trx, commitmentId),
    after: (result) => result.after,
    write: async ({ trx, at, touched }) => {
      const commitment = await findTargetTotal(trx, commitmentId);
      if (!commitment || commitment.target_min === null) throw notFound('quantified', commitmentId);
      if (commitment.per_scope !== null)
        throw new PreconditionFailed(
          'targets.perScopeMerge',
          '按单位计的目标由区划决定,不能合并为全市目标。',
        );
      const after = [
        {
          districtId: null,
          min: commitment.target_min,
          max: commitment.target_max,
          allocation: 'city' as const,
        },
      ];
      await writeTargets(trx, commitmentId, after, at);
      touched({ commitmentIds: [commitmentId] });
      return { after };
    },
  }).then(() => ({ parts: 1 }));
}
