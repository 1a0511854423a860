/** Reading commitments with their per-district targets and progress history. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { counted } from './counted';

const commitmentColumns = [
  'commitments.id',
  'commitments.letter_id as letterId',
  'commitments.kind',
  'commitments.quote',
  'commitments.span_start as start',
  'commitments.span_end as end',
  'commitments.target_min as min',
  'commitments.target_max as max',
  'commitments.unit',
  'commitments.object',
  'commitments.per_scope as per',
  'commitments.deadline_year as deadlineYear',
  'commitments.section',
  'commitments.origin',
  'commitments.review_status as reviewStatus',
  'commitments.review_note as reviewNote',
  'commitments.withdrawn_at as withdrawnAt',
  'commitments.reason_code as reasonCode',
  'commitments.reason_text as reasonText',
  'commitments.milestone_state as milestoneState',
  'commitments.milestone_done_on as milestoneDoneOn',
  // sent back with an edit: a stale one is refused (optimistic concurrency)
  'commitments.version',
] as const;

export interface CommitmentFilter {
  letterId?: number | undefined;
  reviewStatus?: 'unverified' | 'confirmed' | 'rejected' | undefined;
}

export async function listCommitments(db: Kysely<Database>, filter: CommitmentFilter) {
  let query = db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([...commitmentColumns, 'agencies.name as agency', 'letters.letter_date as letterDate']);
  if (filter.letterId !== undefined) query = query.where('commitments.letter_id', '=', filter.letterId);
  if (filter.reviewStatus !== undefined)
    query = query.where('commitments.review_status', '=', filter.reviewStatus);
  return query.orderBy('commitments.letter_id').orderBy('commitments.span_start').execute();
}

export async function findCommitment(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      ...commitmentColumns,
      'agencies.name as agency',
      'letters.letter_date as letterDate',
      'letters.title as letterTitle',
    ])
    .where('commitments.id', '=', id)
    .executeTakeFirst();
}

export interface TargetFilter {
  commitmentIds?: readonly number[];
  /** only what charts and reports count: confirmed, not withdrawn */
  countedOnly?: boolean;
}

export async function listTargets(
  db: Kysely<Database>,
  { commitmentIds, countedOnly = false }: TargetFilter = {},
) {
  let query = db
    .selectFrom('commitment_targets')
    .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
    .leftJoin('districts', 'districts.id', 'commitment_targets.district_id')
    .select([
      'commitment_targets.commitment_id as commitmentId',
      'commitment_targets.district_id as districtId',
      'commitment_targets.target_min as min',
      'commitment_targets.target_max as max',
      'commitment_targets.allocation',
      'districts.name as districtName',
      'districts.sort_order as districtOrder',
      'commitments.deadline_year as deadlineYear',
    ])
    .where('commitments.review_status', '!=', 'rejected');
  if (countedOnly) {
    query = query.where(counted);
  }
  if (commitmentIds) {
    if (commitmentIds.length === 0) return [];
    query = query.where('commitment_targets.commitment_id', 'in', commitmentIds);
  }
  return query.orderBy('districts.sort_order').execute();
}

export interface ProgressFilter {
  includeDemo: boolean;
  commitmentIds?: readonly number[];
}

export async function listProgress(db: Kysely<Database>, { includeDemo, commitmentIds }: ProgressFilter) {
  let query = db
    .selectFrom('progress_updates')
    .leftJoin('districts', 'districts.id', 'progress_updates.district_id')
    .select([
      'progress_updates.id',
      'progress_updates.commitment_id as commitmentId',
      'progress_updates.district_id as districtId',
      'districts.name as districtName',
      'progress_updates.value',
      'progress_updates.as_of as asOf',
      'progress_updates.evidence_text as evidenceText',
      'progress_updates.evidence_url as evidenceUrl',
      'progress_updates.reporter_name as reporterName',
      'progress_updates.supersedes_id as supersedesId',
      'progress_updates.correction_reason as correctionReason',
      'progress_updates.is_demo as isDemo',
      'progress_updates.attachment_id as attachmentId',
      'progress_updates.created_at as createdAt',
    ]);
  if (!includeDemo) query = query.where('progress_updates.is_demo', '=', 0);
  if (commitmentIds) {
    if (commitmentIds.length === 0) return [];
    query = query.where('progress_updates.commitment_id', 'in', commitmentIds);
  }
  return query.orderBy('progress_updates.as_of').orderBy('progress_updates.id').execute();
}

/** What a list row shows of each letter: title, document number, the suggestion it answers. */
export async function listLetterLabels(db: Kysely<Database>, letterIds: readonly number[]) {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('letters')
    .leftJoin('suggestions', 'suggestions.id', 'letters.suggestion_id')
    .select([
      'letters.id',
      'letters.title',
      'letters.doc_number as docNumber',
      'letters.deputy_names as deputyNames',
      'suggestions.ref as suggestionRef',
    ])
    .where('letters.id', 'in', letterIds)
    .execute();
}
