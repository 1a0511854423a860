/**
 * Promises the rules used to miss, one written form each (made-up sentences): plain plans,
 * rare measure words and 各, traditional script read through the plain view, 至少有 and 建有
 * per place, spaced qualifiers, money and goods obtained for work still to do, and the second
 * target of a coordinated clause.
 */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../server/extract/index';

const HEAD = '张三代表:\n您提出的建议收悉,现答复如下:\n';
const TAIL = '\n某某市住房和城乡建设局\n2021年5月12日\n';
const found = (body: string) =>
  extractLetter(HEAD + body + TAIL).commitments.map((c) => ({
    min: c.min,
    max: c.max,
    unit: c.unit,
    object: c.object,
    per: c.per,
  }));

describe('found', () => {
  it('plain plans, with 高标准 not read as a standard', () => {
    expect(found('计划建设停车场5处。')).toMatchObject([{ min: 5, unit: '处', object: '停车场' }]);
    const [farmland] = extractLetter(`${HEAD}计划新建高标准农田面积2万亩。${TAIL}`).commitments;
    expect(farmland).toMatchObject({ min: 2, unit: '万亩' });
    expect(farmland!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('rare measure words and 各, without the places where', () => {
    expect(found('今年将在两个村新建厕所各一座。')).toMatchObject([{ min: 1, unit: '座', object: '厕所' }]);
    expect(found('明年将改造两条道路。')).toMatchObject([{ min: 2, unit: '条' }]);
    expect(found('计划新增5路监控点位。')).toMatchObject([{ min: 5, unit: '路', object: '监控点位' }]);
    expect(found('计划开通5路公交。')).toEqual([]);
    expect(found('计划更换818杆路灯。')).toMatchObject([{ min: 818, unit: '杆', object: '路灯' }]);
  });

  it('traditional script with 約, 張, 億', () => {
    expect(found('計劃新建床位約90張,投資約12.5億元。').map((c) => [c.min, c.unit])).toEqual([
      [90, '張'],
      [12.5, '億元'],
    ]);
  });

  it('至少有 and 建有 one per place', () => {
    expect(found('明年每个乡镇至少有1个文化站。')).toMatchObject([{ min: 1, max: null, per: 'town' }]);
    expect(found('到2025年,各县(区)原则上建有一个体育公园。')).toMatchObject([
      { min: 1, max: 1, object: '体育公园', per: 'district' },
    ]);
  });

  it('a space between the qualifier or the verb and the number', () => {
    expect(found('到2025年,全市停车位将超 2000辆。')).toMatchObject([{ min: 2000, max: null }]);
    expect(found('明年覆盖率将达到 100%。')).toMatchObject([{ min: 100, unit: '%' }]);
  });

  it('money and goods obtained for work still to do', () => {
    expect(found('已申请路灯40盏,正准备安装。')).toMatchObject([{ min: 40, unit: '盏', object: '路灯' }]);
    expect(found('已安排资金200万元,将用于道路修复。')).toMatchObject([{ min: 200, unit: '万元' }]);
    expect(found('已申请路灯40盏,全部安装完毕。')).toEqual([]);
  });

  it('the second target of a coordinated clause', () => {
    expect(found('计划新建站台15个,改造提升候车亭18个。').map((c) => c.object)).toEqual(['站台', '候车亭']);
  });
});
