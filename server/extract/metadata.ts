/**
 * The letter's identity: responding agency, date, the suggestion it answers, its document
 * number, result grade (办理结果 A–D, 甲乙丙), deputy, title, contact and CC list. Matching
 * runs on the plain reading; values are cut from the clean reading so they keep the letter's
 * own script (紅河縣交通運輸局) without mirror debris.
 */
import type { LetterMetadata, ResultGrade } from '../../shared/extraction';
import { isoDate } from './dates';
import type { LetterLayout } from './layout';
import { isOrganisationName, ORG_SUFFIX } from './organisations';
import { splitLines } from './segments';
import { compactClean, type LetterView } from './view';

const TITLE_AGENCY = new RegExp(`^[\\s\\S]{0,4}?([\\u4e00-\\u9fff]{2,30}?${ORG_SUFFIX})(?:关于对|关于|对)`);
const LABELLED_AGENCY = new RegExp(
  `(?:联系单位|承办单位|答复单位|发布机构|来源)\\s*[:：\\s|]\\s*(?:主办\\s*[:：]\\s*)?([\\u4e00-\\u9fff]{1,30}?${ORG_SUFFIX}(?:[(（][\\u4e00-\\u9fff]{2,12}[)）])?)(?![\\u4e00-\\u9fff])`,
);

/** last resort: the page's 主办单位, which on reply pages is often the answering agency */
const HOST_AGENCY = new RegExp(
  `主办单位\\s*[:：]\\s*([\\u4e00-\\u9fff]{2,30}?${ORG_SUFFIX})(?![\\u4e00-\\u9fff])`,
);
/** …第8号议事原案的答复(水利局) */
const TITLE_SUFFIX_AGENCY = new RegExp(
  `(?:答复|复函|答复函|办理意见)\\s*[(（]([\\u4e00-\\u9fff]{2,30}?${ORG_SUFFIX})[)）]`,
);
/** 如有不同意见,请与同江市住房和城乡建设局联系 */
const CONTACT_AGENCY = new RegExp(`请与([\\u4e00-\\u9fff]{2,30}?${ORG_SUFFIX})联系`);

const SESSION =
  /第?[一二三四五六七八九十百\d]{1,4}届\s*(?:人大常委会|人民代表大会|人大|政协|委员会)?\s*第?[一二三四五六七八九十\d]{1,3}次\s*(?:全体)?会议/g;
const REF_STOP = /[于对在的和与及年、,，。:：;；\s《》“”"()（）]/;

const SIGNATURE_DATE = /\s*(?:\d{4}|[〇○零一二]{4})\s*年.*$/;

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
  /(?:办理结果|办复类别|答复类别|办理类别|办复结果|结果类别|分类标识|办理类型|答复类型|(?<![\u4e00-\u9fff])类别)\s*[:：]?\s*[(（]?\s*([A-D甲乙丙丁])(?![A-Za-z])/;

function findAgency(view: LetterView, layout: LetterLayout): string | null {
  const { plain } = view;
  const lines = splitLines(plain);
  if (layout.dateLineStart >= 0) {
    const dateLine = lines.findIndex((l) => l.start === layout.dateLineStart);
    for (let i = dateLine; i >= Math.max(0, dateLine - 3); i--) {
      const line = lines[i]!;
      const candidate = line.text.replace(SIGNATURE_DATE, '').replace(/\s+/g, '');
      if (isOrganisationName(candidate)) {
        return view.clean.slice(line.start, line.end).replace(SIGNATURE_DATE, '').replace(/\s+/g, '');
      }
    }
  }
  for (const line of lines.slice(0, 40)) {
    if (line.start >= layout.bodyStart && layout.bodyStart > 0) break;
    const match = TITLE_AGENCY.exec(line.text);
    if (match && !/^关于/.test(match[1]!)) return capturedName(view, match, line.start);
  }
  const head = plain.slice(0, Math.max(layout.bodyStart, 400));
  const named = TITLE_SUFFIX_AGENCY.exec(head);
  if (named) return capturedName(view, named, 0);
  // the remaining rules, most reliable first, over the whole page
  for (const rule of [CONTACT_AGENCY, LABELLED_AGENCY, HOST_AGENCY]) {
    const match = rule.exec(plain);
    if (match) return capturedName(view, match, 0);
  }
  return null;
}

/** The first group of a match on `plain[from…]`, cut from the clean reading. */
function capturedName(view: LetterView, match: RegExpExecArray, from: number): string {
  const offset = from + match.index + match[0].lastIndexOf(match[1]!);
  return compactClean(view, offset, offset + match[1]!.length);
}

function findSuggestionRef(view: LetterView): string | null {
  const { plain } = view;
  SESSION.lastIndex = 0;
  let sessionOnly: string | null = null;
  for (let m = SESSION.exec(plain); m !== null; m = SESSION.exec(plain)) {
    let from = m.index;
    while (
      from > 0 &&
      m.index - from < 12 &&
      /[\u4e00-\u9fff]/.test(plain[from - 1]!) &&
      !REF_STOP.test(plain[from - 1]!)
    )
      from--;
    const sessionEnd = m.index + m[0].length;
    const session = compactClean(view, from, sessionEnd);
    const direct = /^\s*(?:代表建议|建议|提案)?\s*第?\s*([A-Z]{0,4}\d+|[一二三四五六七八九十百]+)\s*号/.exec(
      plain.slice(sessionEnd, sessionEnd + 40),
    );
    if (direct) {
      // 市十一届人大一次会议代表建议 第106号 → …会议第106号
      const number = compactClean(view, sessionEnd, sessionEnd + direct[0].length).replace(
        /^(?:代表建议|建议|提案|代表建議|建議)/,
        '',
      );
      return session + number;
    }
    const later = /[(（]\s*第\s*(\d+)\s*号|第\s*(\d+)\s*号?(?:建议|提案)/.exec(
      plain.slice(sessionEnd, sessionEnd + 300),
    );
    if (later) {
      const laterAt = sessionEnd + later.index;
      const numberSign = /[号號]/.exec(view.clean.slice(laterAt, laterAt + later[0].length))?.[0] ?? '号';
      return `${session}第${later[1] ?? later[2]}${numberSign}`;
    }
    sessionOnly ??= session;
  }
  if (sessionOnly) return sessionOnly;
  // 龙陵县第十七届人民代表大会 without its sitting
  const congress = /第[一二三四五六七八九十]{1,3}届(?:人民代表大会|人大)/.exec(plain);
  if (congress) {
    let from = congress.index;
    while (
      from > 0 &&
      congress.index - from < 8 &&
      /[\u4e00-\u9fff]/.test(plain[from - 1]!) &&
      !REF_STOP.test(plain[from - 1]!)
    )
      from--;
    return compactClean(view, from, congress.index + congress[0].length);
  }
  const bare = /[(（]\s*第\s*(\d+)\s*号\s*(?:建议|提案)?\s*[)）]|第\s*(\d+)\s*号(?:建议|提案)/.exec(plain);
  if (bare) {
    const written = /第\s*\d+\s*[号號]/.exec(view.clean.slice(bare.index, bare.index + bare[0].length));
    return written ? written[0].replace(/\s+/g, '') : `第${bare[1] ?? bare[2]}号`;
  }
  const labelled = /(?:建议|提案|建议\/提案)(?:编)?号\s*[:：]\s*([\w-]+)/.exec(plain);
  return labelled ? labelled[1]! : null;
}

function findResultGrade(plain: string, layout: LetterLayout): ResultGrade | null {
  const labelled = GRADE_LABEL.exec(plain);
  if (labelled) return GRADE_LETTER[labelled[1]!] ?? null;
  const head = plain.slice(0, layout.bodyStart);
  const bare =
    /(?:^|\n)\s*[(（]?([A-D])\s*类?[)）]?\s*(?:\n|$)/.exec(head) ??
    /[(（]([A-D甲乙丙])类[)）]/.exec(head) ??
    /(?<![A-Za-z])([A-D])\d?\s*类(?![别型])/.exec(head);
  return bare ? (GRADE_LETTER[bare[1]!] ?? null) : null;
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

export function readMetadata(view: LetterView, layout: LetterLayout): LetterMetadata {
  return {
    agency: findAgency(view, layout),
    letterDate: layout.signatureDate ? isoDate(layout.signatureDate) : null,
    suggestionRef: findSuggestionRef(view),
    resultGrade: findResultGrade(view.plain, layout),
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
}

/**
 * The year the letter's relative time words (今年, 明年, 三年内) count from: its date, else the
 * year of its document number, else the page's publication date, else the latest year it
 * names.
 */
export function letterYearOf(view: LetterView, metadata: LetterMetadata): number | null {
  if (metadata.letterDate) return Number(metadata.letterDate.slice(0, 4));
  const docYear = metadata.docNumber ? /(?:19|20)\d{2}/.exec(metadata.docNumber) : null;
  if (docYear) return Number(docYear[0]);
  const published = /(?:发布|生成|发文)(?:日期|时间)\s*[:：]?\s*((?:19|20)\d{2})[-/年]/.exec(view.plain);
  if (published) return Number(published[1]);
  let latest: number | null = null;
  for (const m of view.plain.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)) {
    const year = Number(m[1]);
    if (year <= 2100 && (latest === null || year > latest)) latest = year;
  }
  return latest;
}
