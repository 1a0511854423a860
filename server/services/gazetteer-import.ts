/** The office's gazetteer import: every row checked first, nothing stored if any district exists already. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import { Conflict, Invalid } from '../domain/errors';
import { parseGazetteerCsv } from '../domain/gazetteer-csv';
import { importGazetteer } from '../repositories/gazetteer';
import { runWrite, userActor } from './write';

export async function importGazetteerCsv(db: Kysely<Database>, user: SessionUser, csv: string, clock: Clock) {
  const parsed = parseGazetteerCsv(csv);
  if (parsed.errors.length) {
    throw new Invalid(
      'gazetteer.rows',
      parsed.errors
        .slice(0, 20)
        .map((e) => e.message)
        .join('\n'),
    );
  }
  return runWrite(db, {
    actor: userActor(user),
    clock,
    action: 'gazetteer.import',
    entity: 'gazetteer',
    entityId: null,
    after: (outcome: { districts: number; units: number }) => ({
      districts: outcome.districts,
      units: outcome.units,
    }),
    write: async ({ trx }) => {
      const outcome = await importGazetteer(trx, parsed.rows);
      if (outcome.conflicts.length) {
        throw new Conflict(
          'gazetteer.exists',
          `以下区划已存在,未导入任何数据:${outcome.conflicts.slice(0, 10).join('、')}${outcome.conflicts.length > 10 ? ' 等' : ''}。`,
        );
      }
      return outcome;
    },
  });
}
