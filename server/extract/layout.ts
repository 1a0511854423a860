/**
 * Where the letter proper lies inside the page: it opens with the salutation (苏辉明代表:) and
 * closes with the signature date. Numbers outside — page headers, view counters, copy counts
 * in the CC line, footers with phone and licence numbers — are never promises.
 */
import { type CalendarDate, CHINESE_DATE, parseChineseDate, parseRunTogetherDate, validDate } from './dates';
import { splitLines } from './segments';

export interface LetterLayout {
  /** plain index where the body starts (after the salutation), 0 when there is none */
  bodyStart: number;
  /** plain index where the body ends (the signature date line), text length when none */
  bodyEnd: number;
  /** the addressees as written in the salutation, without 尊敬的 and 代表 */
  deputy: string | null;
  signatureDate: CalendarDate | null;
  /** the line holding the signature date, or -1 */
  dateLineStart: number;
}

const SALUTATION =
  /(?:^|\n|[ \t])(?:尊敬的)?([^\s:,，。!?;；:《》“”]{1,60}?)(?:等\s*\d*\s*位)?(?:代表|委员)(?:们)?\s*[:：]/;
const GREETING = /(?:^|\n)\s*(?:你好|您好|尊敬的[^\n:]{1,30})\s*[:：]/;
const DATE_LABEL =
  /(?:答复|答復|复函|復函|办理|辦理|签发|簽發|办复|辦復)日期\s*[:：]?\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

function dateOnLine(line: string): CalendarDate | null {
  const labelled = DATE_LABEL.exec(line);
  if (labelled) return validDate(Number(labelled[1]), Number(labelled[2]), Number(labelled[3]));
  const runTogether = parseRunTogetherDate(line);
  if (runTogether) return runTogether;
  CHINESE_DATE.lastIndex = 0;
  const match = CHINESE_DATE.exec(line);
  if (!match) return null;
  // the date must stand alone, or follow the signing agency on the same line
  const rest = (line.slice(0, match.index) + line.slice(match.index + match[0].length)).replace(
    /[\s•·()（）]/g,
    '',
  );
  if (rest.length > 30 || /[,，。:：;；!?]/.test(rest)) return null;
  return parseChineseDate(match[1]!, match[2]!, match[3]!);
}

export function findLayout(plain: string): LetterLayout {
  let bodyStart = 0;
  let deputy: string | null = null;
  const salutation = SALUTATION.exec(plain.slice(0, 20000));
  if (salutation) {
    bodyStart = salutation.index + salutation[0].length;
    deputy = salutation[1]!.replace(/^尊敬的/, '').replace(/[(（]等?\d*位?[)）]?$/, '') || null;
  } else {
    const greeting = GREETING.exec(plain.slice(0, 20000));
    if (greeting) bodyStart = greeting.index + greeting[0].length;
  }

  let signatureDate: CalendarDate | null = null;
  let dateLineStart = -1;
  const lines = splitLines(plain);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.text === '' || line.text.length > 60) continue;
    const date = dateOnLine(line.text);
    if (date) {
      signatureDate = date;
      dateLineStart = line.start;
      break;
    }
  }
  if (!signatureDate) {
    // pages that run the letter into one line: the date right after the closing courtesy
    let last: RegExpExecArray | null = null;
    CHINESE_DATE.lastIndex = 0;
    for (let m = CHINESE_DATE.exec(plain); m !== null; m = CHINESE_DATE.exec(plain)) {
      const before = plain.slice(Math.max(0, m.index - 3), m.index);
      const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (/[!！。]\s*$/.test(before) && /^(?:\s|$)/.test(after)) last = m;
    }
    if (last) {
      signatureDate = parseChineseDate(last[1]!, last[2]!, last[3]!);
      dateLineStart = signatureDate ? last.index : -1;
    }
  }
  const bodyEnd = dateLineStart > bodyStart ? dateLineStart : plain.length;
  return { bodyStart, bodyEnd, deputy, signatureDate, dateLineStart };
}
