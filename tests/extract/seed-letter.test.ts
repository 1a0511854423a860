/**
 * The seed letter (厦门市民政局, 第260号建议) is the product's reference: its commitments must be
 * found exactly — no miss, no extra — with the annotated scope, deadline and unit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLetter, extractLetter } from '../../server/extract/index';

const text = readFileSync(join(__dirname, '../fixtures/reply-260.txt'), 'utf8');
const result = extractLetter(text);

/** [a substring the quote must overlap, min, max, unit, object fragment, per, deadlineYear] */
const EXPECTED: Array<[string, number, number | null, string, string, string | null, number | null]> = [
  ['49个城市社区综合用房', 49, 49, '个', '城市社区综合用房', null, 2018],
  ['80多个农村社区综合服务站', 80, null, '个', '农村社区综合服务站', null, 2018],
  ['每个街(镇)建成3—5个“智慧社区”', 3, 5, '个', '智慧社区', 'street', null],
  ['各区选取1—2个镇(街)', 1, 2, '个', '镇(街)', 'district', null],
  ['入驻孵化30个公益慈善类社会组织', 30, 30, '个', '公益慈善类社会组织', null, 2015],
  ['各区至少建立一个社会组织孵化园区', 1, null, '个', '社会组织孵化园区', 'district', null],
  ['8个市级购买试点项目', 8, 8, '个', '市级购买试点项目', null, null],
  ['每个区要确定1个村居作为试点', 1, 1, '个', '村居', 'district', null],
  ['30个“农村幸福院”', 30, 30, '个', '农村幸福院', null, null],
  ['6个“社区老年日间照料服务中心”', 6, 6, '个', '社区老年日间照料服务中心', null, null],
  ['80多个典范社区(村)', 80, null, '个', '典范社区(村)', null, null],
];

describe('seed letter 260', () => {
  it('reads the metadata', () => {
    expect(result.letter).toMatchObject({
      agency: '厦门市民政局',
      letterDate: '2015-03-19',
      suggestionRef: '市十四届人大四次会议第260号',
      resultGrade: 'B',
      docNumber: '厦民函〔2015〕8号',
      deputy: '苏辉明',
      contactPerson: '岳世洲',
    });
    expect(result.letter.cc).toEqual(['市人大常委会人事代表工作室', '市政府督查室']);
  });

  it('finds exactly the annotated commitments', () => {
    expect(result.commitments).toHaveLength(EXPECTED.length);
    for (const [fragment, min, max, unit, object, per, deadlineYear] of EXPECTED) {
      const at = text.indexOf(fragment);
      expect(at, fragment).toBeGreaterThanOrEqual(0);
      const match = result.commitments.find(
        (c) => c.start < at + fragment.length && c.end > at && c.min === min && c.max === max,
      );
      expect(match, fragment).toBeDefined();
      expect(match).toMatchObject({ unit, per, deadlineYear });
      expect(match!.object).toContain(object);
    }
  });

  it('quotes the text it points at', () => {
    for (const c of [...result.commitments, ...result.milestones]) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it('finds the same commitments when the letter arrives as a web page', () => {
    const paragraphs = text
      .split('\n')
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('');
    const page = `<!DOCTYPE html><html><head><title>答复函</title><script>var n = 4884094;</script></head><body><nav>首页 建议回复函</nav>${paragraphs}</body></html>`;
    const decoded = decodeLetter(new TextEncoder().encode(page));
    expect(decoded.html).toBe(true);
    const fromPage = extractLetter(decoded.text);
    expect(fromPage.commitments.map((c) => [c.min, c.max, c.object])).toEqual(
      result.commitments.map((c) => [c.min, c.max, c.object]),
    );
    for (const c of fromPage.commitments) expect(decoded.text.slice(c.start, c.end)).toBe(c.quote);
    expect(fromPage.letter.letterDate).toBe('2015-03-19');
  });

  it('keeps the dated promise without a number as a milestone', () => {
    expect(result.milestones.some((m) => m.quote.includes('职能清单') && m.deadlineYear === 2015)).toBe(true);
  });
});
