/** The targets an agency reports on in bulk: what the export lists and what an import is checked against. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface SheetTargetRow {
  commitmentId: number;
  districtId: number | null;
  districtName: string | null;
  agencyId: number | null;
  agencyName: string | null;
  letterRef: string | null;
  object: string | null;
  quote: string;
  unit: string | null;
  min: number;
  max: number | null;
  deadlineYear: number | null;
  kind: 'quantified' | 'milestone';
  reviewStatus: 'unverified' | 'confirmed' | 'rejected';
  withdrawnAt: string | null;
  letterDate: string | null;
}

export async function listSheetTargets(
  db: Kysely<Database>,
  filter: { agencyId?: number | null; commitmentIds?: readonly number[] },
): Promise<SheetTargetRow[]> {
  let query = db
    .selectFrom('commitment_targets')
    .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .leftJoin('suggestions', 'suggestions.id', 'letters.suggestion_id')
    .leftJoin('districts', 'districts.id', 'commitment_targets.district_id')
    .select([
      'commitments.id as commitmentId',
      'commitment_targets.district_id as districtId',
      'districts.name as districtName',
      'letters.agency_id as agencyId',
      'agencies.name as agencyName',
      'suggestions.ref as suggestionRef',
      'letters.doc_number as docNumber',
      'commitments.object',
      'commitments.quote',
      'commitments.unit',
      'commitment_targets.target_min as min',
      'commitment_targets.target_max as max',
      'commitments.deadline_year as deadlineYear',
      'commitments.kind',
      'commitments.review_status as reviewStatus',
      'commitments.withdrawn_at as withdrawnAt',
      'letters.letter_date as letterDate',
    ])
    .orderBy('commitments.id')
    .orderBy('districts.sort_order');
  if (filter.agencyId != null) query = query.where('letters.agency_id', '=', filter.agencyId);
  if (filter.commitmentIds) {
    if (filter.commitmentIds.length === 0) return [];
    query = query.where('commitments.id', 'in', filter.commitmentIds);
  }
  const rows = await query.execute();
  return rows.map(({ suggestionRef, docNumber, ...row }) => ({
    ...row,
    letterRef: suggestionRef ?? docNumber,
  }));
}
