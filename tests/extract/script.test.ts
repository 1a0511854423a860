/** The plain reading: OpenCC's traditional characters to simplified, one UTF-16 unit for one. */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../server/extract/index';
import { SIMPLIFIED_CHARACTERS } from '../../server/extract/script';
import { buildView } from '../../server/extract/view';

describe('plain reading of traditional script', () => {
  it('converts through the whole OpenCC character dictionary, not a few hundred pairs', () => {
    // the hand-kept map it replaces had 612 pairs
    expect(SIMPLIFIED_CHARACTERS).toBeGreaterThan(2500);
  });

  it('converts characters the old hand map did not have, keeping the length', () => {
    // 佈 癒 廬 嶺 鬱 礙 滬 were outside the hand-kept map
    const text = '發佈時間:2022-06-30 廬山嶺下病癒鬱積礙滬';
    const { plain, clean } = buildView(text);
    expect(plain).toBe('发布时间:2022-06-30 庐山岭下病愈郁积碍沪');
    expect(plain.length).toBe(clean.length);
    expect(clean).toBe(text);
  });

  it('keeps offsets into a traditional letter while the rules read it simplified', () => {
    const text = '張三代表:\n今年將新建農村幸福院30個,佈設監控點位5處。\n紅河縣交通運輸局\n2021年6月22日';
    const view = buildView(text);
    expect(view.plain.length).toBe(text.length);
    const { letter, commitments } = extractLetter(text);
    expect(letter.agency).toBe('紅河縣交通運輸局');
    expect(letter.letterDate).toBe('2021-06-22');
    expect(commitments.length).toBeGreaterThan(0);
    for (const c of commitments) expect(text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('leaves simplified text and characters outside the BMP as written', () => {
    const text = '今年新建公园3个𠀋';
    expect(buildView(text).plain).toBe(text);
  });
});
