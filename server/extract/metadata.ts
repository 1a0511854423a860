/**
 * The letter's identity: responding agency, date, the suggestion it answers, its document
 * number, result grade (办理结果 A–D, 甲乙丙), deputy, title, contact and CC list. Matching
 * runs on the plain reading; values are cut from the clean reading so they keep the letter's
 * own script (紅河縣交通運輸局) without mirror debris.
 */
import type { LetterMetadata, MetadataConfidence, ResultGrade } from '../../shared/extraction';
import { type Found, findAgency } from './agency';
import { type CalendarDate, CHINESE_DATE, isoDate, parseChineseDate, validDate } from './dates';
import type { DateEvidence, LetterLayout } from './layout';
import { parseNumber } from './numerals';
import { isOrganisationName } from './organisations';
import { splitLines } from './segments';
import { findSuggestionRef } from './suggestion-ref';
import { compactClean, type LetterView } from './view';

const GRADE_LETTER: Readonly<Record<string, ResultGrade>> = {
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  甲: 'A',
  乙: 'B',
  丙: 'C',
  丁: 'D',
};
const GRADE_LABEL =
  /(?:办理结果|办复类别|答复类别|办理类别|办复结果|结果类别|分类标识|办理类型|答复类型|办复类型|答复结果|处理结果|(?<![\u4e00-\u9fff])类别)\s*[:：]?\s*(?:为|是|属于?)?\s*[(（]?\s*([A-D甲乙丙丁])(?![A-Za-z])/;
/** 本建议按A类办理, 属B类件, 列为C类: the grade said in a sentence */
const GRADE_SENTENCE = /(?:按|属于?|列为|确定为|作为)\s*[“"]?([A-D甲乙丙丁])\s*[”"]?\s*类/;

function findResultGrade(plain: string, layout: LetterLayout): Found<ResultGrade | null> {
  const labelled = GRADE_LABEL.exec(plain);
  const grade = labelled ? GRADE_LETTER[labelled[1]!] : undefined;
  if (grade) return { value: grade, confidence: 0.95 };
  const head = plain.slice(0, layout.bodyStart);
  const bare =
    /(?:^|\n)\s*[(（]?([A-D])\s*类?[)）]?\s*(?:\n|$)/.exec(head) ??
    /[(（]([A-D甲乙丙])类[)）]/.exec(head) ??
    /(?<![A-Za-z])([A-D])\d?\s*类(?![别型])/.exec(head);
  const said = bare ? null : GRADE_SENTENCE.exec(plain);
  const saidGrade = said ? GRADE_LETTER[said[1]!] : undefined;
  if (saidGrade) return { value: saidGrade, confidence: 0.8 };
  const bareGrade = bare ? GRADE_LETTER[bare[1]!] : undefined;
  // a lone letter in the page head is a grade only by its place: less sure than a label
  return bareGrade ? { value: bareGrade, confidence: 0.7 } : { value: null, confidence: 0 };
}

/** Confidence of the letter date by what it was read from (measured on the tuning letters). */
const DATE_CONFIDENCE: Readonly<Record<DateEvidence | 'published', number>> = {
  labelled: 0.95,
  signed: 0.95,
  runTogether: 0.85,
  closing: 0.85,
  published: 0.6,
};

const PUBLISHED_LABEL =
  /(?:(?:发布|公开|生成|发文|成文|发表|更新|印发|信息)(?:日期|时间)|(?<![\u4e00-\u9fff])(?:日期|时间))\s*[:：]?\s*/g;
const NUMERIC_DATE = /^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const NUMERAL_DATE = new RegExp(`^${CHINESE_DATE.source}`);

/** 发布时间：2022-06-30 08:39, 发布日期：二〇二二年六月三十日 */
function publishedDate(plain: string): CalendarDate | null {
  for (const label of plain.matchAll(PUBLISHED_LABEL)) {
    const rest = plain.slice(label.index + label[0].length, label.index + label[0].length + 24);
    const numeric = NUMERIC_DATE.exec(rest);
    if (numeric) return validDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
    const written = NUMERAL_DATE.exec(rest);
    if (written) return parseChineseDate(written[1]!, written[2]!, written[3]!);
  }
  return null;
}
/** The courtesies that close a reply: the letter on the page is whole, only its date is missing. */
const CLOSING =
  /此复|特此(?:答复|函复|回复)|感谢[您你]?们?对[^。\n]{0,40}(?:关心|关注|支持|理解)|专此函复|以上答复|如有(?:不同)?意见|再次感谢|此致|联\s*系\s*人\s*[:：]|联系电话\s*[:：]/;

/**
 * The signature's date; when the letter closes without one, the date the page published it
 * (发布时间：2022-06-30), a stand-in with a lower confidence. A page fragment without a
 * closing is not taken to be dated by its page.
 */
function findLetterDate(plain: string, layout: LetterLayout): Found<string | null> {
  if (layout.signatureDate && layout.dateEvidence)
    return { value: isoDate(layout.signatureDate), confidence: DATE_CONFIDENCE[layout.dateEvidence] };
  const date = publishedDate(plain);
  if (date && isWhole(plain, layout)) return { value: isoDate(date), confidence: DATE_CONFIDENCE.published };
  return { value: null, confidence: 0 };
}

/** The letter on the page closes (a courtesy, or a line that is the signing body's name). */
function isWhole(plain: string, layout: LetterLayout): boolean {
  const body = plain.slice(layout.bodyStart);
  return (
    CLOSING.test(body) || splitLines(body).some((line) => isOrganisationName(line.text.replace(/\s+/g, '')))
  );
}

/** 厦民函〔2015〕8号: found by its bracketed year, then extended left over the issuer's short name. */
function findDocNumber(view: LetterView): string | null {
  const { plain } = view;
  for (const m of plain.matchAll(/[〔[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d+\s*号/g)) {
    let end = m.index;
    while (end > 0 && /\s/.test(plain[end - 1]!) && m.index - end < 3) end--;
    let from = end;
    while (
      from > 0 &&
      end - from < 10 &&
      /[\u4e00-\u9fff]/.test(plain[from - 1]!) &&
      plain[from - 1] !== '的'
    )
      from--;
    if (from < end) return compactClean(view, from, m.index + m[0].length);
  }
  return null;
}

/** The first group of a match on `plain[from…]`, cut from the clean reading. */
function capturedName(view: LetterView, match: RegExpExecArray, from: number): string {
  const offset = from + match.index + match[0].lastIndexOf(match[1]!);
  return compactClean(view, offset, offset + match[1]!.length);
}

function labelledValue(view: LetterView, label: RegExp): string | null {
  const match = label.exec(view.plain);
  if (!match?.[1]) return null;
  const offset = match.index + match[0].length - match[1].length;
  const value = view.clean.slice(offset, offset + match[1].length).trim();
  return value || null;
}

function findCc(view: LetterView): string[] {
  const match = /抄\s*[送报]\s*[:：]\s*([^\n]+)/.exec(view.plain);
  if (!match?.[1]) return [];
  const offset = match.index + match[0].length - match[1].length;
  return view.clean
    .slice(offset, offset + match[1].length)
    .split(/[,，、;；]|\s{2,}|\s(?=\S)/)
    .map((part) =>
      part
        .replace(/[(（]\s*\d+\s*份\s*[)）]/g, '')
        .replace(/[。.\s]+$/g, '')
        .trim(),
    )
    .filter((part) => /[\u4e00-\u9fff]/.test(part));
}

/** 尊敬的李晓林、周志勋等 → 李晓林、周志勋 */
function addressees(written: string): string | null {
  const names = written
    .replace(/^尊敬的?/, '')
    .replace(/[(（]?等?\s*\d*\s*位?[)）]?$/, '')
    .replace(/等$/, '')
    .trim();
  return names || null;
}

/** The suggestion's title: the first 《…》 of the body, else 提出的“关于…的建议”. */
function findTitle(view: LetterView, layout: LetterLayout): string | null {
  const body = view.plain.slice(layout.bodyStart, layout.bodyStart + 600);
  const marked = /《([^《》\n]{2,120})》/.exec(body);
  if (marked) return capturedName(view, marked, layout.bodyStart);
  const quoted = /提出(?:的)?[“"]?(关于[^“”"\n]{2,80}?的(?:建议|提案|议案))/.exec(body);
  if (quoted) return capturedName(view, quoted, layout.bodyStart);
  const anywhere = /《([^《》\n]{2,120})》/.exec(view.plain);
  return anywhere ? capturedName(view, anywhere, 0) : null;
}

/** Fields read from a label or a fixed place (文号, salutation, 联系人): sure when present. */
const LABELLED_CONFIDENCE = 0.9;

export function readMetadata(view: LetterView, layout: LetterLayout): LetterMetadata {
  const agency = findAgency(view, layout);
  const letterDate = findLetterDate(view.plain, layout);
  const suggestionRef = findSuggestionRef(view);
  const resultGrade = findResultGrade(view.plain, layout);
  const metadata = {
    agency: agency.value,
    letterDate: letterDate.value,
    suggestionRef: suggestionRef.value,
    resultGrade: resultGrade.value,
    docNumber: findDocNumber(view),
    deputy: layout.deputy ? addressees(view.clean.slice(layout.deputy.start, layout.deputy.end)) : null,
    title: findTitle(view, layout),
    contactPerson: labelledValue(
      view,
      /联\s*系\s*人\s*[:：]\s*([\u4e00-\u9fff·]{1,4}(?: ?(?!联|电)[\u4e00-\u9fff]{1,3})?)/,
    ),
    contactPhone: labelledValue(view, /(?:联系|咨询)?电\s*话\s*[:：]\s*([\d\-()（） ]{6,24}\d)/),
    cc: findCc(view),
  };
  const present = (value: unknown) =>
    value === null || (Array.isArray(value) && value.length === 0) ? 0 : 1;
  const confidence: MetadataConfidence = {
    agency: agency.confidence,
    letterDate: letterDate.confidence,
    suggestionRef: suggestionRef.confidence,
    resultGrade: resultGrade.confidence,
    docNumber: present(metadata.docNumber) * LABELLED_CONFIDENCE,
    deputy: present(metadata.deputy) * LABELLED_CONFIDENCE,
    // the first 《…》 of the body is the suggestion's title in most letters, not all
    title: present(metadata.title) * 0.8,
    contactPerson: present(metadata.contactPerson) * LABELLED_CONFIDENCE,
    contactPhone: present(metadata.contactPhone) * LABELLED_CONFIDENCE,
    cc: present(metadata.cc) * LABELLED_CONFIDENCE,
  };
  return { ...metadata, confidence };
}

/**
 * The year the letter's relative time words (今年, 明年, 三年内) count from: its date, else the
 * year of its document number, else the page's publication date, else the latest year it
 * names.
 */
export function letterYearOf(view: LetterView, metadata: LetterMetadata): number | null {
  // a publication date standing in for the letter's own comes after the document number's year
  if (metadata.letterDate && metadata.confidence.letterDate > DATE_CONFIDENCE.published)
    return Number(metadata.letterDate.slice(0, 4));
  const docYear = metadata.docNumber ? /(?:19|20)\d{2}/.exec(metadata.docNumber) : null;
  if (docYear) return Number(docYear[0]);
  const published = /(?:发布|生成|发文)(?:日期|时间)\s*[:：]?\s*((?:19|20)\d{2})[-/年]/.exec(view.plain);
  if (published) return Number(published[1]);
  let latest: number | null = null;
  for (const m of view.plain.matchAll(
    /(?<![\d〇○零一二三四五六七八九])((?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})\s*年/g,
  )) {
    const year = parseNumber(m[1]!) ?? 0;
    if (year >= 1949 && year <= 2100 && (latest === null || year > latest)) latest = year;
  }
  return latest;
}
