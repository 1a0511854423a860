/**
 * The typed shape of the database, written by hand because the same schema must type-check
 * against SQLite and PostgreSQL (codegen would differ per dialect). Mirrors db/migrations/.
 * @see https://kysely.dev/docs/getting-started#types
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { MilestoneState, ReasonCode } from '../shared/commitments';

/** ISO-8601 text: `YYYY-MM-DD` for dates, full timestamps for `*_at` columns. */
type IsoText = string;
/** 0 or 1: portable boolean. */
type Flag = number;

export interface AgencyTable {
  id: Generated<number>;
  name: string;
  created_at: IsoText;
}

export interface DeputyTable {
  id: Generated<number>;
  name: string;
  created_at: IsoText;
}

export interface SuggestionTable {
  id: Generated<number>;
  ref: string | null;
  title: string | null;
  year: number | null;
  created_at: IsoText;
}

export interface SuggestionDeputyTable {
  suggestion_id: number;
  deputy_id: number;
  is_lead: Generated<Flag>;
}

export interface SuggestionAgencyTable {
  suggestion_id: number;
  agency_id: number;
  role: 'lead' | 'co';
}

export interface LetterTable {
  id: Generated<number>;
  suggestion_id: number | null;
  agency_id: number | null;
  doc_number: string | null;
  letter_date: IsoText | null;
  result_grade: 'A' | 'B' | 'C' | 'D' | null;
  title: string | null;
  deputy_names: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  /** JSON array of 抄送 recipients */
  cc: string | null;
  /** the decoded text every span offset points into */
  text: string;
  content_hash: string;
  source_name: string | null;
  source_encoding: string | null;
  raw_bytes: Uint8Array | null;
  is_demo: Generated<Flag>;
  created_at: IsoText;
}

export interface SatisfactionRatingTable {
  id: Generated<number>;
  letter_id: number;
  level: 'satisfied' | 'basically' | 'unsatisfied';
  comment: string | null;
  recorded_by: number | null;
  created_at: IsoText;
}

export interface DistrictTable {
  id: Generated<number>;
  city: string;
  name: string;
  sort_order: Generated<number>;
  valid_from: number;
  valid_to: number | null;
  /** first day valid, ISO date (YYYY-MM-DD) */
  from_date: string;
  /** last day valid; null while still valid */
  to_date: string | null;
  source: string | null;
}

export interface StreetTable {
  id: Generated<number>;
  district_id: number;
  name: string;
  kind: 'street' | 'town';
  valid_from: number;
  valid_to: number | null;
  /** first day valid, ISO date (YYYY-MM-DD) */
  from_date: string;
  /** last day valid; null while still valid */
  to_date: string | null;
  source: string | null;
}

export type CommitmentKind = 'quantified' | 'milestone';
export type ReviewStatus = 'unverified' | 'confirmed' | 'rejected';

export interface CommitmentTable {
  id: Generated<number>;
  letter_id: number;
  kind: CommitmentKind;
  quote: string;
  span_start: number;
  span_end: number;
  target_min: number | null;
  target_max: number | null;
  unit: string | null;
  object: string | null;
  per_scope: string | null;
  deadline_year: number | null;
  section: string | null;
  origin: 'extracted' | 'manual';
  /** the extractor's 0..1 certainty that this is a promise; null for manual and pre-0005 items */
  confidence: number | null;
  review_status: Generated<ReviewStatus>;
  review_note: string | null;
  reviewed_by: number | null;
  reviewed_at: IsoText | null;
  withdrawn_at: IsoText | null;
  reason_code: ReasonCode | null;
  reason_text: string | null;
  milestone_state: Generated<MilestoneState>;
  milestone_done_on: IsoText | null;
  /** raised by one on every change to the row or its targets: the optimistic-concurrency check */
  version: Generated<number>;
  created_at: IsoText;
  updated_at: IsoText;
}

export interface CommitmentTargetTable {
  id: Generated<number>;
  commitment_id: number;
  /** null: the city-level target */
  district_id: number | null;
  target_min: number;
  target_max: number | null;
  allocation: 'per_unit' | 'split' | 'city';
  created_at: IsoText;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'office' | 'agency' | 'deputy';
  agency_id: number | null;
  deputy_id: number | null;
  password_hash: string;
  disabled: Generated<Flag>;
  created_at: IsoText;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  created_at: IsoText;
  expires_at: IsoText;
}

export interface AttachmentTable {
  id: Generated<number>;
  file_name: string;
  mime_type: string;
  byte_size: number;
  sha256: string;
  storage_path: string | null;
  content: Uint8Array | null;
  created_at: IsoText;
}

export interface ProgressUpdateTable {
  id: Generated<number>;
  commitment_id: number;
  /** null: reported for the whole city */
  district_id: number | null;
  /** cumulative value as of `as_of` */
  value: number;
  as_of: IsoText;
  evidence_text: string | null;
  evidence_url: string | null;
  attachment_id: number | null;
  reporter_user_id: number | null;
  reporter_name: string;
  supersedes_id: number | null;
  correction_reason: string | null;
  is_demo: Generated<Flag>;
  created_at: IsoText;
}

export interface FollowUpTable {
  id: Generated<number>;
  commitment_id: number;
  request: string;
  due_date: IsoText | null;
  requested_by: number | null;
  response: string | null;
  responded_by: number | null;
  responded_at: IsoText | null;
  created_at: IsoText;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: IsoText;
  user_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export type ReviewOutcome = 'confirmed' | 'corrected' | 'rejected' | 'added';

/** What the office's review made of one commitment (db/migrations/0007_review_outcomes.ts). */
export interface ReviewOutcomeTable {
  commitment_id: number;
  letter_id: number;
  agency_key: number;
  kind: CommitmentKind;
  outcome: ReviewOutcome;
  changed_fields: string;
  value_kept: Flag;
  extracted_json: string | null;
  decided_month: string;
  decided_at: IsoText;
}

/** Figures kept ready per agency (db/migrations/0003_outcome_tallies.ts). */
export type TallyScope = 'all' | 'real' | 'demo';

export interface OutcomeTallyTable {
  /** the letter's agency id, 0 for letters without one */
  agency_key: number;
  year: number;
  /** null: whole commitments; else the commitment's part in that district */
  district_id: number | null;
  scope: TallyScope;
  status: string;
  items: number;
  due: number;
  kept: number;
  kept_on_time: number;
  /** sum over the items of min(1, value ÷ target) */
  completion: number;
}

/** outcome_tallies summed over agencies; district_key 0: whole commitments. */
export interface OutcomeTotalTable {
  year: number;
  district_key: number;
  scope: TallyScope;
  status: string;
  items: number;
  due: number;
  kept: number;
  kept_on_time: number;
  completion: number;
}

export interface OverdueOutcomeTable {
  agency_key: number;
  year: number;
  scope: TallyScope;
  commitment_id: number;
  target_min: number | null;
  value: number | null;
}

export interface OutcomeTallyStateTable {
  agency_key: number;
  /** bumped by every write that can change the agency's figures */
  stale_version: Generated<number>;
  /** the stale_version the tallies were computed from */
  computed_version: Generated<number>;
  /** the day (YYYY-MM-DD) the current year's figures were computed as of */
  computed_on: Generated<string>;
  /** the first year the agency has counted commitments in */
  first_year: number | null;
  /** the latest letter or deadline year of the agency's counted commitments */
  last_year: number | null;
}

export interface FiguresRevisionTable {
  id: number;
  revision: number;
}

export interface Database {
  agencies: AgencyTable;
  deputies: DeputyTable;
  suggestions: SuggestionTable;
  suggestion_deputies: SuggestionDeputyTable;
  suggestion_agencies: SuggestionAgencyTable;
  letters: LetterTable;
  satisfaction_ratings: SatisfactionRatingTable;
  districts: DistrictTable;
  streets: StreetTable;
  commitments: CommitmentTable;
  commitment_targets: CommitmentTargetTable;
  users: UserTable;
  user_sessions: UserSessionTable;
  attachments: AttachmentTable;
  progress_updates: ProgressUpdateTable;
  follow_ups: FollowUpTable;
  audit_log: AuditLogTable;
  review_outcomes: ReviewOutcomeTable;
  outcome_tallies: OutcomeTallyTable;
  outcome_totals: OutcomeTotalTable;
  overdue_outcomes: OverdueOutcomeTable;
  outcome_tally_state: OutcomeTallyStateTable;
  figures_revision: FiguresRevisionTable;
}

export type LetterRow = Selectable<LetterTable>;
export type NewLetter = Insertable<LetterTable>;
export type CommitmentRow = Selectable<CommitmentTable>;
export type NewCommitment = Insertable<CommitmentTable>;
export type DistrictRow = Selectable<DistrictTable>;
export type ProgressUpdateRow = Selectable<ProgressUpdateTable>;
export type NewProgressUpdate = Insertable<ProgressUpdateTable>;
