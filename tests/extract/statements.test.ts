/**
 * Figures in a planning passage that the clause does not promise: descriptions of what
 * exists, standards, money already allocated, needs and beneficiaries, places and distances,
 * plans put off. Made-up sentences, each beside one that is a promise and must stay one.
 */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../server/extract/index';

const HEAD = '张三代表:\n您提出的建议收悉,现答复如下:\n';
const TAIL = '\n某某市住房和城乡建设局\n2021年5月12日\n';
const valuesOf = (body: string) => extractLetter(HEAD + body + TAIL).commitments.map((c) => c.min);

describe('not promised though in a plan', () => {
  it('descriptions of what exists', () => {
    expect(valuesOf('明年将新建口袋公园3处,片区现有口袋公园一处。')).toEqual([3]);
    expect(valuesOf('计划明年开工,该工程包括两个子项。')).toEqual([]);
    expect(valuesOf('下一步将改造该路段。该路段全长820米,计划新建人行道1.2公里。')).toEqual([1.2]);
  });

  it('standards and thresholds', () => {
    expect(valuesOf('将按人均面积不低于0.2平方米新建健身场地6处。')).toEqual([6]);
    expect(valuesOf('计划改造停车场4个,车位比例不高于25%。')).toEqual([4]);
    expect(valuesOf('将落实补助标准1800元/亩。')).toEqual([]);
    expect(valuesOf('力争新建不少于10个社区食堂。')).toEqual([10]);
  });

  it('money already allocated, beside money still to spend', () => {
    expect(valuesOf('下一步将继续推进,今年已下达资金1.2亿元,计划再投入3000万元。')).toEqual([3000]);
  });

  it('needs, beneficiaries and the scale of an audience', () => {
    expect(valuesOf('计划建设充电站5座,满足2000辆车充电需求。')).toEqual([5]);
    expect(valuesOf('将修建道路,两个乡镇直接受益。')).toEqual([]);
    expect(valuesOf('计划举办活动,规模超过500人。')).toEqual([]);
  });

  it('distances that say where', () => {
    expect(valuesOf('将在距路口500米处设置公交站2个。')).toEqual([2]);
  });

  it('plans put off, in the same sentence or the next', () => {
    expect(valuesOf('原计划今年新建游泳池2个,因资金原因今年暂缓实施。')).toEqual([]);
    expect(valuesOf('原计划今年新建游泳池2个。因资金原因,今年暂缓实施。')).toEqual([]);
    expect(valuesOf('今年计划新建游泳池2个。')).toEqual([2]);
  });

  it("a suggestion's title quoted back, however it is introduced", () => {
    const body =
      '在会上提出的第4号“关于批准将东山至西岭段到果园基地2.3公里道路纳入农村道路建设项目的建议”收悉。经研究,同意将该段2.3公里纳入计划。';
    expect(extractLetter(HEAD + body + TAIL).commitments.map((c) => c.quote)).toEqual(['该段2.3公里']);
  });

  it('the same target restated later, counted once', () => {
    expect(valuesOf('今年将新建停车场5处。停车场5处建成后将缓解停车难。')).toEqual([5]);
  });
});
