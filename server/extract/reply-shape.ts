/**
 * Is this text a reply letter at all? Decoding and extraction accept anything readable, so junk
 * was stored as a letter with an empty suggestion: high-byte binary that GB18030 turns into a page
 * of rare characters, a saved page holding only its site's menus, or prose with none of a reply's
 * parts. Each is refused with the reason, in Chinese; the office can override explicitly
 * (`acceptUnusual`), since a real letter may be oddly laid out. Pure: text and extraction in.
 */

import type { LetterExtraction } from '../../shared/extraction';
import { Invalid } from '../domain/errors';

export type UnusualLetterCode = 'MOJIBAKE' | 'NO_SENTENCES' | 'NO_REPLY_PARTS';

const MESSAGES: Record<UnusualLetterCode, string> = {
  MOJIBAKE:
    '内容像是乱码:大量字符不是常用汉字或标点,文件可能不是文本,或编码无法识别。请另存为 UTF-8 文本后重试。',
  NO_SENTENCES:
    '内容只有菜单、标题等短行,没有成句的正文,不像答复函。请粘贴答复函正文,或上传答复函所在的网页。',
  NO_REPLY_PARTS:
    '内容不像答复函:没有称呼(如“××代表:”“××委员:”)、答复用语(如“现答复如下”),也没有落款单位或日期。请确认粘贴的是答复函全文。',
};

/** Why the text was refused; `code` for programs, `message` shown to the user as is. */
export class UnusualLetterError extends Invalid {
  readonly code: UnusualLetterCode;

  constructor(code: UnusualLetterCode) {
    super(
      `letter.unusual.${code}`,
      `${MESSAGES[code]}如确认是答复函,可选择仍然录入:录入页勾选“内容不像答复函时仍然录入”,批量录入加 --accept-unusual。`,
    );
    this.code = code;
  }
}

/**
 * The characters a Chinese letter is written in: every character GB2312 encodes (its 6,763
 * simplified hanzi and symbols) and Big5's common traditional hanzi, decoded from their byte
 * ranges once. Bytes that were never text, decoded as GB18030, land mostly on GBK's rare hanzi,
 * private-use and compatibility characters instead.
 */
function commonCharacters(): Set<string> {
  const set = new Set<string>();
  const add = (encoding: string, leads: [number, number], trails: [number, number][]) => {
    const decoder = new TextDecoder(encoding);
    for (let lead = leads[0]; lead <= leads[1]; lead++) {
      for (const [from, to] of trails) {
        for (let trail = from; trail <= to; trail++) {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && ch !== '\ufffd') set.add(ch);
        }
      }
    }
  };
  add('gb18030', [0xa1, 0xf7], [[0xa1, 0xfe]]);
  // Big5 level 1 (A440–C67E): the common traditional hanzi of mirrored pages
  add(
    'big5',
    [0xa4, 0xc6],
    [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ],
  );
  return set;
}

let common: Set<string> | null = null;

/** Share of the text's visible characters that no Chinese letter would use. */
export function implausibleShare(text: string): number {
  common ??= commonCharacters();
  let visible = 0;
  let odd = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (/\s/u.test(ch)) continue;
    visible++;
    // ASCII, general punctuation and full-width forms are everyday letter text
    if (code < 0x7f || (code >= 0x2000 && code <= 0x206f) || (code >= 0xff01 && code <= 0xff5e)) continue;
    if (!common.has(ch)) odd++;
  }
  return visible === 0 ? 0 : odd / visible;
}

/**
 * Above this share of implausible characters the text is mojibake: the dev corpus's worst letter
 * (a traditional-script mirror with conversion debris) has 0.6 %, high-byte binary about 45 %.
 */
export const MOJIBAKE_SHARE = 0.1;

/** A sentence: a run of hanzi ending in 。！？； or their ASCII forms (menus and headings have none). */
const SENTENCE = /[\p{Script=Han}][^。\uff01\uff1f\uff1b!?;\n]{0,400}?[。\uff01\uff1f\uff1b!?;]/gu;
const MIN_SENTENCE_HANZI = 8;

export function sentenceCount(text: string): number {
  let count = 0;
  for (const match of text.matchAll(SENTENCE)) {
    const hanzi = match[0].match(/\p{Script=Han}/gu)?.length ?? 0;
    if (hanzi >= MIN_SENTENCE_HANZI) count++;
  }
  return count;
}

/** 尊敬的…代表 / …委员: / …代表们: — how a reply letter addresses the deputy or member. */
const SALUTATION = /(?:尊敬的[^\n]{0,30}(?:代表|委员)|(?:代表|委员)(?:们)?\s*[\uff1a\uff0c:,])/u;
/**
 * The reply's own opening or heading, in simplified or traditional script: “建议收悉”, “现答复如下”,
 * “答复内容:”, “关于……提案的答复”. Pages that drop the salutation and signature keep these.
 */
const REPLY_WORDS = /收悉|答[复復]如下|答[复復]内容|答[复復]意[见見]|的答[复復]|[现現][将將].{0,20}答[复復]/u;

/** The first reason `text` is not a reply letter, or null when it looks like one. */
export function unusualLetterProblem(text: string, extraction: LetterExtraction): UnusualLetterCode | null {
  if (implausibleShare(text) > MOJIBAKE_SHARE) return 'MOJIBAKE';
  if (sentenceCount(text) < 2) return 'NO_SENTENCES';
  const { letter } = extraction;
  const parts = [
    SALUTATION.test(text) || letter.deputy !== null,
    REPLY_WORDS.test(text) || letter.suggestionRef !== null || letter.docNumber !== null,
    letter.agency !== null || letter.letterDate !== null,
  ];
  return parts.some(Boolean) ? null : 'NO_REPLY_PARTS';
}
