/**
 * The counting rules of docs/extraction-rules.md, one sentence each: what counts as a
 * commitment and what does not, with scope and deadline.
 */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../server/extract/index';

const HEAD = '张三代表:\n您提出的建议收悉,现答复如下:\n';
const TAIL = '\n某某市民政局\n2021年5月12日\n抄送:市人大常委会(2份)\n';
const commitmentsOf = (body: string) => extractLetter(HEAD + body + TAIL).commitments;

describe('counted', () => {
  it('a planned number with its object, unit and deadline', () => {
    expect(commitmentsOf('今年计划建设10座环保式水冲公厕。')).toMatchObject([
      { min: 10, max: 10, unit: '座', object: '环保式水冲公厕', per: null, deadlineYear: 2021 },
    ]);
  });

  it('coordinated targets as separate commitments', () => {
    const found = commitmentsOf('争取完成30个“农村幸福院”和6个“社区老年日间照料服务中心”建设。');
    expect(found.map((c) => [c.min, c.object])).toEqual([
      [30, '农村幸福院'],
      [6, '社区老年日间照料服务中心'],
    ]);
  });

  it('rises and widenings, which are not dimensions', () => {
    expect(commitmentsOf('力争全市覆盖率提高5个百分点。').map((c) => c.unit)).toEqual(['个百分点']);
    expect(commitmentsOf('计划拓宽3公里。').map((c) => c.min)).toEqual([3]);
  });

  it('per-unit scope words', () => {
    expect(commitmentsOf('力争全市每个街(镇)建成3—5个“智慧社区”。')[0]).toMatchObject({
      per: 'street',
      min: 3,
      max: 5,
    });
    expect(commitmentsOf('推动各区至少建立一个社会组织孵化园区。')[0]).toMatchObject({
      per: 'district',
      max: null,
    });
    expect(commitmentsOf('确保每校至少配备1名心理健康教育教师。')[0]).toMatchObject({ per: 'school' });
    expect(commitmentsOf('计划各县(市、区)建成2个示范点。')[0]).toMatchObject({ per: 'district' });
    expect(commitmentsOf('今年计划在公园和广场各安装1个健身驿站。')[0]).toMatchObject({ per: 'other' });
    expect(commitmentsOf('力争社区服务设施达到每百户30平方米以上。')[0]).toMatchObject({
      per: 'other',
      max: null,
    });
  });

  it('deadlines resolved against the letter year', () => {
    expect(commitmentsOf('明年计划新建3所学校。')[0]?.deadlineYear).toBe(2022);
    expect(commitmentsOf('计划用2—3年时间完成49个社区用房建设。')[0]?.deadlineYear).toBe(2024);
    expect(commitmentsOf('计划“十四五”期间改造84处供水工程。')[0]?.deadlineYear).toBe(2025);
    expect(commitmentsOf('拟申报2026-2028年任务计划2118套。')[0]?.deadlineYear).toBe(2028);
    expect(commitmentsOf('力争2023年底前建成5个站点。')[0]?.deadlineYear).toBe(2023);
    expect(commitmentsOf('未来三年将新增6660个学位。')[0]?.deadlineYear).toBe(2024);
    expect(commitmentsOf('今秋开学将新增28所公办幼儿园。')[0]?.deadlineYear).toBe(2021);
  });

  it('specifications under a construction heading share the stated construction period', () => {
    const found = commitmentsOf(
      '一、项目建设内容及规模\n新建社区服务中心综合楼1600m2,服务站综合楼380 m2。\n二、建设年限:2021年-2022年\n',
    );
    expect(found.map((c) => [c.min, c.unit, c.deadlineYear])).toEqual([
      [1600, 'm2', 2022],
      [380, 'm2', 2022],
    ]);
  });

  it('a promise written as a heading', () => {
    expect(
      commitmentsOf('二、下步工作打算\n(一)年内新建10个村卫生室\n').map((c) => [c.min, c.deadlineYear]),
    ).toEqual([[10, 2021]]);
  });

  it('items under a plan heading and after 下一步', () => {
    expect(commitmentsOf('二、下步工作打算\n指导各区选取1—2个镇(街)开展试点。')).toHaveLength(1);
  });

  it('cumulative targets of a future year', () => {
    expect(commitmentsOf('到2024年,全市累计建成5G基站1万个。')).toMatchObject([
      { min: 1, unit: '万个', object: '5G基站', deadlineYear: 2024 },
    ]);
  });

  it('the parts of a total and project specifications', () => {
    const found = commitmentsOf('计划申请健身器材7套,包括农民健身工程2套,智能器材4套。');
    expect(found.map((c) => c.min)).toEqual([7, 2, 4]);
  });

  it('money for the project the clause before names', () => {
    expect(commitmentsOf('今年实施了天生桥至洛恩乡路段养护修复工程,计划投资300万元。')[0]?.object).toBe(
      '天生桥至洛恩乡路段养护修复工程投资',
    );
  });

  it('values named respectively', () => {
    const found = commitmentsOf('力争到2018年,生均占地面积、生均校舍面积分别达到20平方米、6平方米。');
    expect(found.map((c) => [c.object, c.min, c.per])).toEqual([
      ['生均占地面积', 20, 'other'],
      ['生均校舍面积', 6, 'other'],
    ]);
  });
});

describe('not counted', () => {
  it.each([
    ['achievements', '截至目前,我区已硬化村道水泥路1755公里。'],
    ['past years', '2019年对已投入运行的11个乡镇污水处理厂预算安排147万元。'],
    ['present statistics', '市环卫服务中心现管理市区内公厕11座。'],
    ['status counts', '计划中,在建的有5个乡镇,审批拟建的有3个乡镇。'],
    ['ordinals', '今年将办好第二届海峡两岸社区治理论坛。'],
    ['set phrases in quotes', '今年将继续推进“三社联动”和“一居一品”。'],
    ['category counts', '将继续开展五个类型社区的评选。'],
    ['slogan counts', '下一步将重点做好三个“加强”。'],
    ['dates and document numbers', '将按照厦民函〔2015〕8号文件,于2021年7月中旬开工。'],
    ['dimensions', '计划建设的大楼建筑高度为48.3米。'],
    ['a count that only sums up named places', '年内向山口供水站、尹村供水站、固城供水站3个供水站铺设管道。'],
    ['the article 一', '拟作为一项建设计划报请市政府。'],
    ['thresholds', '将对30户以上的自然村实施道路硬化。'],
    ['the deputy’s own request', '你在建议中要求解决2016年多修的10公里村道公路补助资金。'],
    ['the suggestion quoted back', '下一步将研究关于“尽快新建3所学校,配套建设2个停车场”的问题。'],
    ['rejected plans', '故此路暂不能修建3公里道路。'],
    ['work reported finished', '2021年,我县实施高标准农田建设项目2.1万亩。目前,项目已全部竣工。'],
    ['a past period', '“十三五”时期以农村道路畅通工程为抓手,建设农村公路3513公里,实现每个乡镇建成1条公路。'],
    ['funds already obtained', '2013年,我局争取了农田水利建设资金1600万元。'],
    ['numbered set phrases', '下一步将推进住宅小区供电一户一表改造。'],
    ['size classes', '下一步将实施全县50户以上自然村道路硬化。'],
    ['dimensions of a thing', '计划硬化道路,宽7米,板厚0.2米。'],
    ['a widening from one width to another', '计划窄路加宽,4米改6米。'],
    ['places that act', '今秋五个区将新增办园点。'],
    ['a new round', '今年将实施好新一轮农村公路提升行动。'],
    ['closing courtesy followed by narrative', '欢迎您今后多提宝贵意见。\n中央公园包含六处景观节点。'],
  ])('%s', (_name, body) => {
    expect(commitmentsOf(body).map((c) => c.quote)).toEqual([]);
  });

  it('the suggestion printed before the reply', () => {
    const text =
      '建议内容(摘要):预计总投资400万元,力争项目早日建成。\n办理复文(摘要):今年计划新建3所学校。\n办结时间:2021年10月30日';
    const result = extractLetter(text);
    expect(result.commitments.map((c) => c.quote)).toEqual(['3所学校']);
    expect(result.letter.letterDate).toBe('2021-10-30');
  });

  it('the CC copy counts after the signature', () => {
    expect(commitmentsOf('今年计划建设10座公厕。').map((c) => c.unit)).toEqual(['座']);
  });
});
