/**
 * The three readings of one letter. `original` is what the user sees and where offsets point;
 * `clean` drops debris that mirror sites insert (pinyin glosses such as 會(huì)議, doubled
 * punctuation ",、") so that words are whole again; `plain` is `clean` character for character
 * in simplified script and half-width forms, for the rules to match. Objects are cut from
 * `clean` (the letter's own script), quotes and offsets from `original`.
 */
import { PLAIN_CODE } from './script';

export interface LetterView {
  original: string;
  clean: string;
  plain: string;
  /** index in `clean` → index of the same character in `original` */
  toOriginal: Int32Array;
}

export interface Span {
  quote: string;
  start: number;
  end: number;
}

/** 會(huì)議; some mirrors lose the opening bracket to a question mark: 府?dāng) */
const PINYIN_GLOSS = /^[(（?？][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[)）]/;
const CJK = /[\u3400-\u9fff]/;
const DOUBLED_PUNCTUATION = /^[,，][,，、;；。:：!?！？]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;

/** Characters that may start debris; every other character is kept as it is. */
const MAYBE_DEBRIS = new Set([
  '(',
  '（',
  '?',
  '？',
  ',',
  '，',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
]);

/** Length of the debris starting at `i`, or 0 when the character there is text. */
function debrisAt(original: string, i: number): number {
  const ch = original[i]!;
  if (!MAYBE_DEBRIS.has(ch)) return 0;
  if (INVISIBLE.test(ch)) return 1;
  if (ch === ',' || ch === '，') return DOUBLED_PUNCTUATION.test(original.slice(i, i + 2)) ? 1 : 0;
  if (i > 0 && CJK.test(original[i - 1]!))
    return PINYIN_GLOSS.exec(original.slice(i, i + 10))?.[0].length ?? 0;
  return 0;
}

export function buildView(original: string): LetterView {
  const clean = new Uint16Array(original.length);
  const plain = new Uint16Array(original.length);
  const map = new Int32Array(original.length);
  let n = 0;
  for (let i = 0; i < original.length; ) {
    const skip = debrisAt(original, i);
    if (skip > 0) {
      i += skip;
      continue;
    }
    const code = original.charCodeAt(i);
    clean[n] = code;
    plain[n] = PLAIN_CODE[code]!;
    map[n] = i;
    n++;
    i++;
  }
  return {
    original,
    clean: unitsToString(clean, n),
    plain: unitsToString(plain, n),
    toOriginal: map.slice(0, n),
  };
}

function unitsToString(units: Uint16Array, length: number): string {
  const chunks: string[] = [];
  for (let from = 0; from < length; from += 8192) {
    chunks.push(String.fromCharCode(...units.subarray(from, Math.min(length, from + 8192))));
  }
  return chunks.join('');
}

/** The original-text span covering clean characters [start, end). */
export function originalSpan(view: LetterView, start: number, end: number): Span {
  if (end <= start || start >= view.toOriginal.length) return { quote: '', start: 0, end: 0 };
  const from = view.toOriginal[start]!;
  const to = view.toOriginal[Math.min(end, view.toOriginal.length) - 1]! + 1;
  return { quote: view.original.slice(from, to), start: from, end: to };
}

/** Clean text of [start, end) with line breaks and spaces removed, for metadata values. */
export function compactClean(view: LetterView, start: number, end: number): string {
  return view.clean.slice(start, end).replace(/\s+/g, '');
}
