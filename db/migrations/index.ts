/**
 * The ordered list of migrations. Listed explicitly rather than read from the folder by
 * FileMigrationProvider: its runtime `import()` of .ts files bypasses tsx/vitest transforms.
 * Add each new numbered migration here.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_search';
import * as m0003 from './0003_outcome_tallies';
import * as m0004 from './0004_gazetteer_dates';
import * as m0005 from './0005_commitment_confidence';
import * as m0006 from './0006_commitment_version';
import * as m0007 from './0007_review_outcomes';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_search': m0002,
  '0003_outcome_tallies': m0003,
  '0004_gazetteer_dates': m0004,
  '0005_commitment_confidence': m0005,
  '0006_commitment_version': m0006,
  '0007_review_outcomes': m0007,
};
