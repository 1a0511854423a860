/**
 * What the extractor finds in one reply letter (答复函). This is the contract between
 * `server/extract/` (pure functions), the `npm run extract` command fixed in DESIGN.md,
 * the ingest path that stores it, and the client that shows it.
 */

/** The level a per-unit target applies to: 每个区 → district, 每个街(镇) → street … */
export const PER_SCOPES = ['district', 'street', 'town', 'community', 'village', 'school', 'other'] as const;
export type PerScope = (typeof PER_SCOPES)[number];

/** 办理结果 / 答复类别; 甲乙丙 are normalised to A B C. */
export const RESULT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type ResultGrade = (typeof RESULT_GRADES)[number];

export interface LetterMetadata {
  /** 承办单位 that signed the letter, e.g. 厦门市民政局 */
  agency: string | null;
  /** ISO date (YYYY-MM-DD) of the letter */
  letterDate: string | null;
  /** e.g. 市十四届人大四次会议第260号 */
  suggestionRef: string | null;
  resultGrade: ResultGrade | null;
  /** e.g. 厦民函〔2015〕8号 */
  docNumber: string | null;
  /** deputy name(s) as addressed, joined with 、 when several */
  deputy: string | null;
  /** suggestion title, without 《》 */
  title: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  /** 抄送 recipients */
  cc: string[];
  /**
   * How sure the evidence makes the extractor of each field, in [0, 1]: a labelled line or a
   * signature near 1, a guess (a short name completed, the page's publication date) lower,
   * 0 when the field is null.
   */
  confidence: MetadataConfidence;
}

export type MetadataField = Exclude<keyof LetterMetadata, 'confidence'>;
export type MetadataConfidence = Record<MetadataField, number>;

export interface TextSpan {
  /** `text.slice(start, end) === quote`, JavaScript string indices into the decoded text */
  quote: string;
  start: number;
  end: number;
}

export interface ExtractedCommitment extends TextSpan {
  min: number;
  /** null = open-ended (至少, 80多个, 以上) */
  max: number | null;
  unit: string;
  object: string;
  per: PerScope | null;
  deadlineYear: number | null;
  section: string | null;
  /** 0..1, how sure the evidence of its clause makes the extractor that this is a promise */
  confidence: number;
  /** index of the total in the same `commitments` array when this is a part of a breakdown */
  partOf: number | null;
  /** the district, street or town the item names (其中甲区40个), else null */
  place: string | null;
}

/** A dated promise without a number (年内…印发职能清单): tracked as done / not done. */
export interface ExtractedMilestone extends TextSpan {
  deadlineYear: number | null;
  section: string | null;
  /** 0..1, as for commitments */
  confidence: number;
}

export interface LetterExtraction {
  letter: LetterMetadata;
  commitments: ExtractedCommitment[];
  milestones: ExtractedMilestone[];
}
