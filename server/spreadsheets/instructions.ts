/**
 * The text of the 填报说明 sheet. Built from the column list and the limits the import enforces,
 * so the instructions cannot promise what the import refuses.
 */
import { EARLIEST_AS_OF } from './cells';
import { MAX_PROGRESS_FILE_BYTES, MAX_PROGRESS_ROWS } from './errors';
import { CITY_LEVEL_LABEL, PROGRESS_COLUMNS } from './progress-columns';
import { MAX_EVIDENCE_CHARS } from './row-rules';

export interface InstructionLine {
  kind: 'title' | 'heading' | 'text' | 'table';
  cells: string[];
}

const ROLE_LABEL = { key: '识别用,勿改', context: '只读', fill: '由单位填写' } as const;

export function instructionLines(meta: {
  agencyName: string | null;
  generatedOn: string;
}): InstructionLine[] {
  const text = (s: string): InstructionLine => ({ kind: 'text', cells: [s] });
  const title = meta.agencyName === null ? '承诺事项进度填报表' : `${meta.agencyName} 承诺事项进度填报表`;
  return [
    { kind: 'title', cells: [`${title} · 填报说明`] },
    text(`导出日期:${meta.generatedOn}`),
    text(''),
    { kind: 'heading', cells: ['填写步骤'] },
    text('1. 在「进度填报」工作表中,每行是一个目标:一项承诺在某个区,或在全市(区域为“全市”)的目标。'),
    text('2. 只填写黄色表头的四列:本期累计完成值、截至日期、佐证说明、佐证链接。灰色列为只读,不要修改。'),
    text('3. 完成值是截至该日期的累计数,不是本期新增数。例如去年底已建成 12 个、今年又建成 3 个,填 15。'),
    text('4. 没有新进度的行保持空白即可,上传时会自动跳过;同一目标在一个文件中只填一行。'),
    text(
      '5. 可以调整列的顺序或增加备注列,系统按表头名称识别;不要删除或改名「目标编号」「本期累计完成值」「截至日期」列。',
    ),
    text('6. 保存为 .xlsx 上传;也可以另存为 CSV(UTF-8 或 Excel 默认的 GBK 编码均可)。'),
    text('7. 上传后系统逐行检查,任何一行有误时整个文件都不会导入,请按提示的行号修改后重新上传。'),
    text(''),
    { kind: 'heading', cells: ['列说明'] },
    { kind: 'table', cells: ['列名', '英文键', '类别', '说明'] },
    ...PROGRESS_COLUMNS.map(
      (c): InstructionLine => ({ kind: 'table', cells: [c.header, c.id, ROLE_LABEL[c.role], c.description] }),
    ),
    text(''),
    { kind: 'heading', cells: ['上传时的检查'] },
    text('· 填写了完成值的行必须填写截至日期;只填了日期或佐证、没填完成值的行也会被指出。'),
    text('· 完成值须为 0 或正数,只填数字(可带千分位逗号),不超过 1 万亿。'),
    text(`· 截至日期须在 ${EARLIEST_AS_OF} 与今天之间,且不早于答复函日期。`),
    text('· 累计值不应小于上次填报值;同一截至日期已填报过的,请在系统中提交更正并说明原因。'),
    text(`· 佐证链接须以 http:// 或 https:// 开头;佐证说明不超过 ${MAX_EVIDENCE_CHARS} 字。`),
    text(`· 目标编号须为本单位导出的编号;${CITY_LEVEL_LABEL}目标的编号只有数字。`),
    text(`· 文件不超过 ${MAX_PROGRESS_FILE_BYTES / 1024 / 1024} MB,不超过 ${MAX_PROGRESS_ROWS} 行。`),
  ];
}
