/**
 * Where the letter proper lies inside the page: it opens with the salutation (苏辉明代表:) and
 * closes with the signature date. Numbers outside — page headers, view counters, copy counts
 * in the CC line, footers with phone and licence numbers — are never promises.
 */
import { type CalendarDate, CHINESE_DATE, parseChineseDate, parseRunTogetherDate, validDate } from './dates';
import { isOrganisationName, ORG_SUFFIX } from './organisations';
import { type Line, splitLines } from './segments';

export interface LetterLayout {
  /** plain index where the body starts (after the salutation), 0 when there is none */
  bodyStart: number;
  /** plain index where the body ends (the signature date line), text length when none */
  bodyEnd: number;
  /** where the addressees stand in the salutation (plain/clean indices), or null */
  deputy: { start: number; end: number } | null;
  signatureDate: CalendarDate | null;
  /** what the signature date was read from, for its confidence */
  dateEvidence: DateEvidence | null;
  /** the line holding the signature date, or -1 */
  dateLineStart: number;
  /** in a page run into one line, the signing body written just before the date (plain indices) */
  signer: { start: number; end: number } | null;
}

/** the closing courtesy's end, then maybe the signing body, right before a date */
const CLOSED_BEFORE_DATE = new RegExp(`[!！。]\\s*(?:([\\u4e00-\\u9fff()（）]{2,30}${ORG_SUFFIX})\\s*)?$`);

/**
 * labelled: 答复日期: 2021-06-22; signed: a date alone on its line or after the signing body;
 * runTogether: digits whose 年 and 月 the site dropped (2022524日); closing: in a page run into
 * one line, the date after the closing courtesy.
 */
export type DateEvidence = 'labelled' | 'signed' | 'runTogether' | 'closing';

const SALUTATION =
  /(?:^|\n|[ \t])(?:尊敬的)?([^\s:,，。!?;；:《》“”]{1,60}?)(?:等\s*\d*\s*位)?(?:代表|委员|同志|先生|女士)(?:们)?\s*[:：]/;
const GREETING = /(?:^|\n)\s*(?:你好|您好|尊敬的[^\n:]{1,30})\s*[:：]/;
const DATE_LABEL_WORD =
  '(?:答复|答復|复函|復函|办理|辦理|签发|簽發|办复|辦復|办结|辦結|回复)(?:日期|时间|時間)\\s*[:：]?\\s*';
const DATE_LABEL = new RegExp(`${DATE_LABEL_WORD}((?:19|20)\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})`);
/** 办结时间:2023821 — the site dropped 年 and 月 after the label */
const DATE_LABEL_RUN = new RegExp(`${DATE_LABEL_WORD}((?:19|20)\\d{4,6})日?(?!\\d)`);

/** A long line counts only when it opens with the signing body and its date. */
function signedLongLine(line: string): DatedLine | null {
  CHINESE_DATE.lastIndex = 0;
  const match = CHINESE_DATE.exec(line);
  if (!match || match.index > 40) return null;
  const before = line.slice(0, match.index).replace(/[\s•·]/g, '');
  if (!before || !isOrganisationName(before)) return null;
  return dated(parseChineseDate(match[1]!, match[2]!, match[3]!), 'signed');
}

interface DatedLine {
  date: CalendarDate;
  evidence: DateEvidence;
}

function dated(date: CalendarDate | null, evidence: DateEvidence): DatedLine | null {
  return date ? { date, evidence } : null;
}

/** 今天是2023年12月20日 星期三: the site's clock, not the letter's date */
const SITE_CLOCK = /今天是|今日是|当前时间|现在时间|星期[一二三四五六日天]|礼拜[一二三四五六日天]/;

function dateOnLine(line: string): DatedLine | null {
  if (SITE_CLOCK.test(line)) return null;
  if (line.length > 60) return signedLongLine(line);
  const labelled = DATE_LABEL.exec(line);
  if (labelled)
    return dated(validDate(Number(labelled[1]), Number(labelled[2]), Number(labelled[3])), 'labelled');
  const labelledRun = DATE_LABEL_RUN.exec(line);
  if (labelledRun) return dated(parseRunTogetherDate(labelledRun[1]!), 'labelled');
  const runTogether = parseRunTogetherDate(line);
  if (runTogether) return { date: runTogether, evidence: 'runTogether' };
  CHINESE_DATE.lastIndex = 0;
  const match = CHINESE_DATE.exec(line);
  if (!match) return null;
  const before = line.slice(0, match.index).replace(/[\s•·]/g, '');
  // the signing body and its date on one line, whatever follows them (联系人, 电话)
  if (before && isOrganisationName(before))
    return dated(parseChineseDate(match[1]!, match[2]!, match[3]!), 'signed');
  // else the date must stand alone, or follow the signing agency on the same line
  const rest = (before + line.slice(match.index + match[0].length)).replace(/[\s•·()（）]/g, '');
  if (rest.length > 30 || /[,，。:：;；!?]/.test(rest)) return null;
  return dated(parseChineseDate(match[1]!, match[2]!, match[3]!), 'signed');
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
  let dateEvidence: DateEvidence | null = null;
  let dateLineStart = -1;
  let signer: LetterLayout['signer'] = null;
  const lines = splitLines(plain);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.text === '') continue;
    const found = dateOnLine(line.text) ?? dated(isoDateUnderSignature(lines, i), 'signed');
    if (found) {
      signatureDate = found.date;
      dateEvidence = found.evidence;
      dateLineStart = line.start;
      break;
    }
  }
  if (!signatureDate) {
    // pages that run the letter into one line: the date right after the closing courtesy
    // (…支持! 2022年7月1日), or after the signing body between them (…支持! 某某县财政局 2022年7月1日)
    let last: RegExpExecArray | null = null;
    let lastSigner: LetterLayout['signer'] = null;
    CHINESE_DATE.lastIndex = 0;
    for (let m = CHINESE_DATE.exec(plain); m !== null; m = CHINESE_DATE.exec(plain)) {
      const from = Math.max(0, m.index - 40);
      const before = CLOSED_BEFORE_DATE.exec(plain.slice(from, m.index));
      const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (before && /^(?:\s|$)/.test(after)) {
        last = m;
        const name = before[1];
        const at = name ? from + before.index + before[0].indexOf(name) : -1;
        lastSigner = name && isOrganisationName(name) ? { start: at, end: at + name.length } : null;
      }
    }
    if (last) {
      signatureDate = parseChineseDate(last[1]!, last[2]!, last[3]!);
      dateLineStart = signatureDate ? last.index : -1;
      dateEvidence = signatureDate ? 'closing' : null;
      signer = signatureDate ? lastSigner : null;
    }
  }
  // a labelled date above the first paragraph is the page's head (交办时间 … 办结时间), not the end
  const inHead =
    dateEvidence === 'labelled' && !lines.some((l) => l.start < dateLineStart && l.text.length > 60);
  const bodyEnd = dateLineStart > bodyStart && !inHead ? dateLineStart : plain.length;
  return { bodyStart, bodyEnd, deputy, signatureDate, dateEvidence, dateLineStart, signer };
}
