/**
 * The three readings of one letter. `original` is what the user sees and where offsets point;
 * `clean` drops debris that mirror sites insert (pinyin glosses such as 會(huì)議, doubled
 * punctuation ",、") so that words are whole again; `plain` is `clean` character for character
 * in simplified script and half-width forms, for the rules to match. Objects are cut from
 * `clean` (the letter's own script), quotes and offsets from `original`.
 */
import { plainChar } from './script';

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

export function buildView(original: string): LetterView {
  const cleanChars: string[] = [];
  const plainChars: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const ch = original[i]!;
    if ((ch === '(' || ch === '（' || ch === '?' || ch === '？') && i > 0 && CJK.test(original[i - 1]!)) {
      const gloss = PINYIN_GLOSS.exec(original.slice(i, i + 10));
      if (gloss) {
        i += gloss[0].length;
        continue;
      }
    }
    if ((ch === ',' || ch === '，') && DOUBLED_PUNCTUATION.test(original.slice(i, i + 2))) {
      i++;
      continue;
    }
    if (INVISIBLE.test(ch)) {
      i++;
      continue;
    }
    cleanChars.push(ch);
    plainChars.push(plainChar(ch));
    map.push(i);
    i++;
  }
  return {
    original,
    clean: cleanChars.join(''),
    plain: plainChars.join(''),
    toOriginal: Int32Array.from(map),
  };
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
