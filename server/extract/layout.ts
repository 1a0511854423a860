/**
 * Where the letter proper lies inside the page: it opens with the salutation (苏辉明代表:) and
 * closes with the signature date. Numbers outside — page headers, view counters, copy counts
 * in the CC line, footers with phone and licence numbers — are never promises.
 */
import { type CalendarDate, CHINESE_DATE, parseChineseDate, parseRunTogetherDate, validDate } from './dates';
import { isOrganisationName } from './organisations';
import { type Line, splitLines } from './segments';

export interface LetterLayout {
  /** plain index where the body starts (after the salutation), 0 when there is none */
  bodyStart: number;
  /** plain index where the body ends (the signature date line), text length when none */
  bodyEnd: number;
  /** where the addressees stand in the salutation (plain/clean indices), or null */
  deputy: { start: number; end: number } | null;
  signatureDate: CalendarDate | null;
  /** the line holding the signature date, or -1 */
  dateLineStart: number;
}

const SALUTATION =
  /(?:^|\n|[ \t])(?:尊敬的)?([^\s:,，。!?;；:《》“”]{1,60}?)(?:等\s*\d*\s*位)?(?:代表|委员|同志|先生|女士)(?:们)?\s*[:：]/;
const GREETING = /(?:^|\n)\s*(?:你好|您好|尊敬的[^\n:]{1,30})\s*[:：]/;
const DATE_LABEL =
  /(?:答复|答復|复函|復函|办理|辦理|签发|簽發|办复|辦復|办结|辦結|回复)(?:日期|时间|時間)\s*[:：]?\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

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

/**
 * Pages that print the suggestion before the reply (建议内容: … 办理复文: …): the suggestion's
 * own figures are the deputy's, so the reply starts at its label.
 */
const SUGGESTION_LABEL = /(?:建议|提案|诉求|问题|留言)?(?:\/提案)?内容\s*(?:[(（]摘要[)）])?\s*[:：]/;
const REPLY_LABEL =
  /(?:办理复文|答复内容|答复正文|办理情况|答复意见|回复内容|最终回复意见|问题答复|官方回复)\s*(?:[(（]摘要[)）])?\s*[:：]?/;

function replyStart(plain: string): number {
  const suggestion = SUGGESTION_LABEL.exec(plain);
  if (!suggestion) return 0;
  const rest = plain.slice(suggestion.index);
  const reply = REPLY_LABEL.exec(rest);
  return reply ? suggestion.index + reply.index + reply[0].length : 0;
}

/** 2023.5.5 alone on the line after the signing organisation. */
function isoDateUnderSignature(lines: readonly Line[], index: number): CalendarDate | null {
  const iso = /^((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})$/.exec(lines[index]!.text);
  if (!iso) return null;
  let previous = index - 1;
  while (previous >= 0 && lines[previous]!.text === '') previous--;
  const signer = previous >= 0 ? lines[previous]!.text.replace(/\s+/g, '') : '';
  if (!isOrganisationName(signer)) return null;
  return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
}

export function findLayout(plain: string): LetterLayout {
  const reply = replyStart(plain);
  let bodyStart = reply;
  let deputy: LetterLayout['deputy'] = null;
  const salutation = SALUTATION.exec(plain.slice(reply, reply + 20000));
  if (salutation) {
    bodyStart = reply + salutation.index + salutation[0].length;
    const start = reply + salutation.index + salutation[0].indexOf(salutation[1]!);
    deputy = { start, end: start + salutation[1]!.length };
  } else {
    const greeting = GREETING.exec(plain.slice(reply, reply + 20000));
    if (greeting) bodyStart = reply + greeting.index + greeting[0].length;
  }

  let signatureDate: CalendarDate | null = null;
  let dateLineStart = -1;
  const lines = splitLines(plain);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.text === '' || line.text.length > 60) continue;
    const date = dateOnLine(line.text) ?? isoDateUnderSignature(lines, i);
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
