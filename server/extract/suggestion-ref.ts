/**
 * The suggestion a letter answers (市十四届人大四次会议第260号), and how sure the letter makes it.
 * A session (…届…次会议) with its number is the strongest form; a session alone, a bare number
 * or a labelled number are weaker. Numbers keep their hyphenated parts (第05-2号, 第6-3-041号).
 */
import type { Found } from './agency';
import { compactClean, type LetterView } from './view';

export const REF_CONFIDENCE = {
  sessionAndNumber: 0.9,
  /** the number stands apart from the session (会议上提出的…建议(第088号)) */
  sessionThenNumber: 0.8,
  labelled: 0.7,
  sessionOnly: 0.5,
  congressOnly: 0.4,
  bareNumber: 0.5,
} as const;

/** 届 then sitting; the committee may carry its place (第十一届花都区委员会第三次会议) */
const SESSION =
  /第?[一二三四五六七八九十百\d]{1,4}届\s*(?:人大常委会|人民代表大会|人大|政协|[\u4e00-\u9fff]{2,8}?委员会|委员会)?\s*第?[一二三四五六七八九十\d]{1,3}次\s*(?:全体)?会议/g;
/**
 * Where the walk back from a session over its place and body (市, 政协泸州市) stops: function
 * words and the ends of the words before a reference (答复, 复函, the agency's 局).
 */
const REF_STOP = /[于对在的和与及年、,，。:：;；\s《》“”"()（）复函局号]/;
/** 6-3-041: hyphen, full-width hyphen or dash between the parts */
const NUMBER = '(?:[A-Z]{0,4}\\d+(?:\\s*[-－‐—–]\\s*\\d+)*|[一二三四五六七八九十百]+)';
/** the number right after the session, as written even when a site left a word in it (第来信号) */
const DIRECT = new RegExp(
  `^\\s*(?:代表建议|建议|提案)?\\s*(?:第?\\s*${NUMBER}|第[\\u4e00-\\u9fff]{1,3}?)\\s*号`,
);
const LATER =
  /[(（]\s*第\s*(\d+(?:\s*[-－‐—–]\s*\d+)*)\s*号|第\s*(\d+(?:\s*[-－‐—–]\s*\d+)*)\s*号?(?:建议|提案)/;
/** 人大建议第1972号: a numbered suggestion of a body without its session */
const BODY_NUMBER = /(?:人大|政协)(?:代表)?(?:建议|提案)第\s*\d+(?:\s*[-－‐—–]\s*\d+)*\s*号/;
const BARE =
  /[(（]\s*第\s*(\d+(?:[-－‐—–]\d+)*)\s*号\s*(?:建议|提案)?\s*[)）]|第\s*(\d+(?:[-－‐—–]\d+)*)\s*号(?:建议|提案)|(?:建议|提案)\s*第\s*(\d+(?:[-－‐—–]\d+)*)\s*号/;

/** Walks back from `at` over the place and body written before a session or congress. */
function prefixStart(plain: string, at: number, limit: number): number {
  let from = at;
  while (
    from > 0 &&
    at - from < limit &&
    /[\u4e00-\u9fff]/.test(plain[from - 1]!) &&
    !REF_STOP.test(plain[from - 1]!)
  )
    from--;
  return from;
}

/** What may stand before a session: a place, its committee and the body (市, 政协泸州市, 泸西县委员会). */
const SESSION_PREFIX =
  /^(?:中国人民政治协商会议|政治协商会议|政协|人大)?(?:[\u4e00-\u9fff]{0,8}?(?:省|市|州|县|区|旗|盟|镇|乡))?(?:委员会|人大常委会|人民代表大会|人大|政协)?$/;

/**
 * The longest tail of the walked-back text that reads as place and body: a mirror's spam before
 * the body (中国体育彩票人大第十七届…) is left out.
 */
function prefixTail(plain: string, from: number, at: number): number {
  for (let start = from; start < at; start++) if (SESSION_PREFIX.test(plain.slice(start, at))) return start;
  return at;
}

/** 中国人民政治协商会议泸西县委员会 is written 政协泸西县委员会 in references */
function shortForm(session: string): string {
  return session.replace(/^(?:中国人民)?政治协商会议/, '政协').replace(/^中國人民政治協商會議/, '政協');
}

export function findSuggestionRef(view: LetterView): Found<string | null> {
  const { plain } = view;
  SESSION.lastIndex = 0;
  let sessionOnly: string | null = null;
  for (let m = SESSION.exec(plain); m !== null; m = SESSION.exec(plain)) {
    const from = prefixTail(plain, prefixStart(plain, m.index, 16), m.index);
    const sessionEnd = m.index + m[0].length;
    const session = shortForm(compactClean(view, from, sessionEnd));
    const direct = DIRECT.exec(plain.slice(sessionEnd, sessionEnd + 40));
    if (direct) {
      // 市十一届人大一次会议代表建议 第106号 → …会议第106号
      const number = compactClean(view, sessionEnd, sessionEnd + direct[0].length).replace(
        /^(?:代表建议|建议|提案|代表建議|建議)/,
        '',
      );
      return { value: session + number, confidence: REF_CONFIDENCE.sessionAndNumber };
    }
    const later = LATER.exec(plain.slice(sessionEnd, sessionEnd + 300));
    if (later) {
      const laterAt = sessionEnd + later.index;
      const numberSign = /[号號]/.exec(view.clean.slice(laterAt, laterAt + later[0].length))?.[0] ?? '号';
      const number = (later[1] ?? later[2])!.replace(/\s+/g, '');
      return { value: `${session}第${number}${numberSign}`, confidence: REF_CONFIDENCE.sessionThenNumber };
    }
    sessionOnly ??= session;
  }
  if (sessionOnly) return { value: sessionOnly, confidence: REF_CONFIDENCE.sessionOnly };
  // 龙陵县第十七届人民代表大会 without its sitting
  const congress = /第[一二三四五六七八九十]{1,3}届(?:人民代表大会|人大)/.exec(plain);
  if (congress) {
    const from = prefixStart(plain, congress.index, 8);
    return {
      value: compactClean(view, from, congress.index + congress[0].length),
      confidence: REF_CONFIDENCE.congressOnly,
    };
  }
  const body = BODY_NUMBER.exec(plain);
  if (body) {
    return {
      value: compactClean(view, body.index, body.index + body[0].length),
      confidence: REF_CONFIDENCE.bareNumber,
    };
  }
  const bare = BARE.exec(plain);
  if (bare) {
    const written = /第\s*[\d\-－‐—–]+\s*[号號]/.exec(
      view.clean.slice(bare.index, bare.index + bare[0].length),
    );
    return {
      value: written ? written[0].replace(/\s+/g, '') : `第${bare[1] ?? bare[2] ?? bare[3]}号`,
      confidence: REF_CONFIDENCE.bareNumber,
    };
  }
  const labelled = /(?:建议|提案|建议\/提案)(?:编)?号\s*[:：]\s*([\w-]+)/.exec(plain);
  return labelled
    ? { value: labelled[1]!, confidence: REF_CONFIDENCE.labelled }
    : { value: null, confidence: 0 };
}
