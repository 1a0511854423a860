/**
 * Traditional → simplified, character by character, through OpenCC's traditional-to-simplified
 * character dictionary (TSCharacters, as opencc-js bundles it), plus half-width forms. Letters
 * from mirror sites are in traditional script; with a one-to-one map of UTF-16 units a single
 * set of simplified rules reads both without moving any offset. OpenCC's phrase dictionaries are
 * left out on purpose: a phrase may change length (and offsets must hold), and the rules match
 * words, not idioms, so the character reading is enough.
 */
import { to } from 'opencc-js/preset/t2cn';

/**
 * `trad simp [alternatives]|…` entries of an OpenCC dictionary, kept when both sides are one
 * UTF-16 unit (the first, most common reading; characters outside the BMP stay as written).
 */
function characterPairs(dictionary: unknown): Map<number, number> {
  const pairs = new Map<number, number>();
  if (typeof dictionary !== 'string') return pairs;
  for (const entry of dictionary.split('|')) {
    const [from, simplified] = entry.split(' ');
    if (from?.length === 1 && simplified?.length === 1 && from !== simplified)
      pairs.set(from.charCodeAt(0), simplified.charCodeAt(0));
  }
  return pairs;
}

/** the character dictionary is the last of the conversion group (phrases first, then characters) */
const toSimplified = to.cn?.[0];
const SIMPLIFIED = characterPairs(toSimplified?.[toSimplified.length - 1]);

/** Full-width forms, dash and tilde variants and exotic spaces, each to one ASCII character. */
function halfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    return ascii === '~' ? '-' : ascii;
  }
  switch (ch) {
    case '\u00a0':
    case '\u3000':
    case '\u2002':
    case '\u2003':
    case '\u2009':
    case '\t':
      return ' ';
    case '—':
    case '–':
    case '―':
    case '‒':
    case '〜':
    case '~':
    case '－':
    case '‐':
    case '‑':
      return '-';
    default:
      return ch;
  }
}

/**
 * Each UTF-16 unit as the rules read it (simplified, half-width), always one unit for one, as
 * a table: letters are read character by character.
 */
export const PLAIN_CODE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (const [from, simplified] of SIMPLIFIED) table[from] = simplified;
  for (let code = 0; code < 0x3100; code++) {
    if (!SIMPLIFIED.has(code)) table[code] = halfWidth(String.fromCharCode(code)).charCodeAt(0);
  }
  for (let code = 0xff00; code < 0x10000; code++)
    table[code] = halfWidth(String.fromCharCode(code)).charCodeAt(0);
  return table;
})();

/** The number of traditional characters the table converts (a guard against a changed dictionary format). */
export const SIMPLIFIED_CHARACTERS = SIMPLIFIED.size;
