/** Progress updates (进度): cumulative values as of a date, with evidence; corrections supersede. */
import { z } from 'zod';
import { MILESTONE_STATES, REASON_CODES } from '../commitments';
import {
  AmountSchema,
  base64Of,
  HttpUrlSchema,
  IsoDateSchema,
  idOf,
  optionalText,
  text,
  VersionSchema,
} from './common';

/** Evidence files: photos, scans and PDFs of a few megabytes. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const AttachmentSchema = z.object({
  fileName: text('文件名', 200),
  contentBase64: base64Of('附件内容', '附件内容不是有效的 base64 编码。')
    .min(1, '附件为空。')
    .max(
      Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4,
      `附件过大(上限 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB)。`,
    ),
});

const evidence = {
  evidenceText: optionalText('佐证说明', 2000, { multiline: true }),
  evidenceUrl: HttpUrlSchema.optional(),
  attachment: AttachmentSchema.optional(),
};

export const RecordProgressSchema = z.object({
  commitmentId: idOf('承诺事项'),
  /** null: the city-level target */
  districtId: idOf('区').nullable(),
  value: AmountSchema,
  asOf: IsoDateSchema,
  ...evidence,
});

export const CorrectProgressSchema = z.object({
  supersedesId: idOf('进度记录'),
  value: AmountSchema,
  asOf: IsoDateSchema,
  reason: text('更正理由', 500, { multiline: true }),
  ...evidence,
});

const ReasonSchema = z.object({
  id: idOf('承诺事项'),
  reasonCode: z.enum(REASON_CODES, { error: '请选择原因类别。' }),
  reasonText: optionalText('原因说明', 1000, { multiline: true }),
});

export const WithdrawSchema = ReasonSchema.extend({ version: VersionSchema });

export const OutcomeReasonSchema = WithdrawSchema;

export const MilestoneStateSchema = z.object({
  id: idOf('节点事项'),
  state: z.enum(MILESTONE_STATES, { error: '状态无效。' }),
  doneOn: IsoDateSchema.optional(),
  version: VersionSchema,
});

export type RecordProgressInput = z.infer<typeof RecordProgressSchema>;

/** A filled-in progress spreadsheet (the exported XLSX or CSV). */
export const PROGRESS_SHEET_MAX_BYTES = 10 * 1024 * 1024;

export const ImportSheetSchema = z.object({
  fileName: text('文件名', 200).regex(/\.(xlsx|csv)$/i, '只支持 .xlsx 或 .csv 文件(请用导出的填报表)。'),
  contentBase64: base64Of('文件内容', '文件内容不是有效的 base64 编码。')
    .min(1, '文件为空。')
    .max(
      Math.ceil(PROGRESS_SHEET_MAX_BYTES / 3) * 4,
      `文件过大(上限 ${PROGRESS_SHEET_MAX_BYTES / 1024 / 1024} MB)。`,
    ),
});
