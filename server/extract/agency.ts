/**
 * The answering agency (承办单位) and how sure the letter makes it. The rules run from the
 * strongest evidence to the weakest: the signature above the date, the letter's own heading,
 * the line that names the body to contact, a labelled 承办单位, then the page's publisher. The
 * site's footer (主办单位) names whoever runs the website and is never used. A short name
 * (市发改委, 县教育局) is expanded with the place the letter names for that level, and a letter
 * that only says 我局 gets its name from its own words about itself when they are clear.
 */
import type { LetterLayout } from './layout';
import { isOrganisationName, ORG_SUFFIX } from './organisations';
import { splitLines } from './segments';
import { compactClean, type LetterView } from './view';

export interface Found<T> {
  value: T;
  confidence: number;
}

/**
 * Confidence by evidence. Measured on the tuning letters: signatures and labelled 承办单位 are
 * almost always right; a page's publisher is often a parent body or a short name; names put
 * together from the letter's own words are guesses.
 */
export const AGENCY_CONFIDENCE = {
  signature: 0.95,
  heading: 0.9,
  labelled: 0.9,
  contact: 0.85,
  title: 0.85,
  publisher: 0.65,
  /** a short name completed with the place the letter names: one step of inference more */
  expanded: 0.15,
  selfReference: 0.4,
} as const;

const TITLE_AGENCY = new RegExp(`^[\\s\\S]{0,4}?([\\u4e00-\\u9fff]{2,30}?${ORG_SUFFIX})(?:关于对|关于|对)`);
const NAME = `[\\u4e00-\\u9fff]{1,30}?${ORG_SUFFIX}(?:[(（][\\u4e00-\\u9fff]{2,12}[)）])?`;
const LABELLED_AGENCY = new RegExp(
  `(?:承办单位|答复单位|联系单位|办理单位|承办部门|答复部门|主办部门|主办单位)\\s*[:：\\s|]\\s*(?:主办\\s*[:：]\\s*)?(${NAME})(?![\\u4e00-\\u9fff])`,
);
/** the page's 发布机构 or 来源: the publisher, often the agency itself, sometimes its parent */
const PUBLISHER_AGENCY = new RegExp(
  `(?:发布机构|发文机关|发布单位|发文单位|信息来源|所属机构|来源)\\s*[:：\\s|]\\s*(${NAME})(?![\\u4e00-\\u9fff])`,
);
/** …第8号议事原案的答复(水利局) */
const TITLE_SUFFIX_AGENCY = new RegExp(
  `(?:答复|复函|答复函|办理意见)\\s*[(（]([\\u4e00-\\u9fff]{2,30}?${ORG_SUFFIX})[)）]`,
);
/** 如有不同意见,请与同江市住房和城乡建设局联系 */
const CONTACT_AGENCY = new RegExp(`请与([\\u4e00-\\u9fff]{2,30}?${ORG_SUFFIX})联系`);
const SIGNATURE_DATE = /\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年.*$/;
/** 2023年度 before a name in a page title belongs to the title, not to the agency */
const YEAR_PREFIX = /^[\d〇○零一二三四五六七八九]{0,4}年度?/;
/** names that say nothing about who answered: a bare 人民政府, or a site's own name */
const NOT_A_NAME = /^(?:人民政府|政府|本局|我局|本单位|办公室)$|网站|网页|官网/;
/** 市发改委, 县教育局: the level alone stands for the place */
const SHORT_NAME = /^([市县区州旗])(?=[\u4e00-\u9fff]{2})/;

function acceptable(name: string): boolean {
  return !NOT_A_NAME.test(name) && name.length >= 3;
}

/** What a site's footer says around its labels: whoever runs the site, not who answered. */
const FOOTER = /版权所有|备案|ICP|技术支持|网站标识码|公网安备|网站地图|网站主办|承办\s*[:：]|运维/;

function inFooter(plain: string, at: number): boolean {
  return FOOTER.test(plain.slice(Math.max(0, at - 100), at + 100));
}

/** The first group of a match on `plain[from…]`, cut from the clean reading. */
function captured(view: LetterView, match: RegExpExecArray, from: number): string {
  const offset = from + match.index + match[0].lastIndexOf(match[1]!);
  return compactClean(view, offset, offset + match[1]!.length);
}

/** Characters after which a place name may start in running text (欢迎访问广德市, 在淮南市). */
const PLACE_START = /[^\u4e00-\u9fff]|[在对于和与及由向为是的据经按从访问到入至往]/;
/** Words that end like a place but are not one (社区, 园区). */
const NOT_A_PLACE = /^(?:社区|园区|景区|辖区|片区|小区|城区|新区|校区|地区|山区|矿区)$/;
/** 关于市, 对县, 我市, 全区: function words before a bare level, not a place */
const FUNCTION_CHARACTER =
  /[到入至往答复函议案关于对在的和与及由向为是我本全该各此其将已从按经据访问迎城省市县区两三四五六七八九十]/;

/**
 * The place of a level (市, 县, 区) the letter names most often, when it names one: 广德市 in
 * 欢迎访问广德市政府网站. Two or three characters before the level, starting a word; on a tie
 * the shorter, as most place names have two characters.
 */
export function placeOf(plain: string, level: string): string | null {
  const counts = new Map<string, number>();
  for (let i = plain.indexOf(level); i >= 0; i = plain.indexOf(level, i + 1)) {
    for (const length of [2, 3]) {
      const from = i - length;
      if (from < 0) continue;
      const name = plain.slice(from, i);
      if (!/^[\u4e00-\u9fff]+$/.test(name) || FUNCTION_CHARACTER.test(name)) continue;
      if (from > 0 && !PLACE_START.test(plain[from - 1]!)) continue;
      const place = name + level;
      if (NOT_A_PLACE.test(place)) continue;
      counts.set(place, (counts.get(place) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [place, count] of counts) {
    const bestCount = best === null ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && best !== null && place.length < best.length))
      best = place;
  }
  return best;
}

/** 市发改委(市粮储局) → 广德市发改委(市粮储局) when the letter names 广德市; else unchanged. */
function expanded(plain: string, found: Found<string>): Found<string> {
  const short = SHORT_NAME.exec(found.value);
  if (!short) return found;
  const place = placeOf(plain, short[1]!);
  if (!place) return found;
  return {
    value: place + found.value.slice(1),
    confidence: Math.max(0, found.confidence - AGENCY_CONFIDENCE.expanded),
  };
}

/**
 * 我局 and no name: the letter's thanks name its field (感谢您对我市交通运输事业的关心) and the
 * place it speaks for; together they give 淮南市交通运输局, a guess with a low confidence.
 */
function selfNamed(plain: string): Found<string> | null {
  if (!/我局|我单位/.test(plain)) return null;
  const field = /对我([市县区])([\u4e00-\u9fff]{2,8}?)(?:工作|事业)的?(?:关心|关注|支持)/.exec(plain);
  if (!field || /^(?:各项|相关|我们|这项|此项)/.test(field[2]!)) return null;
  const place = placeOf(plain, field[1]!);
  return place ? { value: `${place}${field[2]}局`, confidence: AGENCY_CONFIDENCE.selfReference } : null;
}

/** 某某县教育局（盖章） 2023年…: the name on a signature line, without its seal note and date */
function signerOf(line: string): string {
  return line
    .replace(SIGNATURE_DATE, '')
    .replace(/[(（]\s*(?:盖章|章|印|公章|签章)\s*[)）]/g, '')
    .replace(/\s+/g, '');
}

function signed(view: LetterView, layout: LetterLayout): Found<string> | null {
  if (layout.signer) {
    const value = compactClean(view, layout.signer.start, layout.signer.end);
    if (acceptable(value)) return { value, confidence: AGENCY_CONFIDENCE.signature };
  }
  if (layout.dateLineStart < 0) return null;
  const lines = splitLines(view.plain);
  const dateLine = lines.findIndex((l) => l.start <= layout.dateLineStart && layout.dateLineStart <= l.end);
  let seen = 0;
  for (let i = dateLine; i >= 0 && seen <= 3; i--) {
    const line = lines[i]!;
    if (line.text.trim() === '') continue;
    seen++;
    const candidate = signerOf(line.text);
    if (isOrganisationName(candidate)) {
      const value = withoutYear(signerOf(view.clean.slice(line.start, line.end)));
      if (acceptable(value)) return { value, confidence: AGENCY_CONFIDENCE.signature };
    }
  }
  return null;
}

/** 关于… next, maybe after the document number line (某体函〔2023〕5号) */
function headingFollows(lines: readonly { text: string }[], i: number): boolean {
  for (const next of lines.slice(i + 1, i + 3)) {
    if (/^\s*关于/.test(next.text)) return true;
    if (!/[〔[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号/.test(next.text)) return false;
  }
  return false;
}

/** The head of the page: a name line over the heading (柳林县城市管理服务中心 / 关于对…的答复), or the heading itself. */
function headed(view: LetterView, layout: LetterLayout): Found<string> | null {
  const lines = splitLines(view.plain)
    .slice(0, 40)
    .filter((l) => l.text.trim() !== '');
  for (const [i, line] of lines.entries()) {
    if (line.start >= layout.bodyStart && layout.bodyStart > 0) break;
    const alone = line.text.replace(/\s+/g, '').replace(/文件$/, '');
    if (isOrganisationName(alone) && headingFollows(lines, i)) {
      const value = withoutYear(compactClean(view, line.start, line.end).replace(/文件$/, ''));
      if (acceptable(value)) return { value, confidence: AGENCY_CONFIDENCE.heading };
    }
    const match = TITLE_AGENCY.exec(line.text);
    if (!match || /^关于/.test(match[1]!)) continue;
    const value = withoutYear(captured(view, match, line.start));
    if (acceptable(value) && isOrganisationName(value)) return { value, confidence: AGENCY_CONFIDENCE.title };
  }
  return null;
}

/** The first match of `rule` outside the site's footer whose name is acceptable. */
function matched(view: LetterView, rule: RegExp, confidence: number): Found<string> | null {
  for (const match of view.plain.matchAll(new RegExp(rule.source, 'g'))) {
    if (inFooter(view.plain, match.index)) continue;
    const value = withoutYear(captured(view, match, 0));
    if (acceptable(value)) return { value, confidence };
  }
  return null;
}

/** 2023年度某某局 → 某某局: a page title's year is not part of the name */
function withoutYear(name: string): string {
  return name.replace(YEAR_PREFIX, '');
}

export function findAgency(view: LetterView, layout: LetterLayout): Found<string | null> {
  const { plain } = view;
  const head = Math.max(layout.bodyStart, 400);
  const found =
    signed(view, layout) ??
    headed(view, layout) ??
    (TITLE_SUFFIX_AGENCY.test(plain.slice(0, head))
      ? matched(view, TITLE_SUFFIX_AGENCY, AGENCY_CONFIDENCE.title)
      : null) ??
    matched(view, CONTACT_AGENCY, AGENCY_CONFIDENCE.contact) ??
    matched(view, LABELLED_AGENCY, AGENCY_CONFIDENCE.labelled) ??
    matched(view, PUBLISHER_AGENCY, AGENCY_CONFIDENCE.publisher);
  if (found) return expanded(plain, found);
  return selfNamed(plain) ?? { value: null, confidence: 0 };
}
