/** Written quantities: ranges in every form, qualifiers, multipliers kept in the unit. */
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../server/extract/quantities';
import { buildView } from '../../server/extract/view';

function first(text: string) {
  const view = buildView(text);
  const [q] = findQuantities(view, 0, view.plain.length);
  return q && { min: q.min, max: q.max, unit: q.unit };
}

describe('findQuantities', () => {
  it.each([
    ['建成30个', 30, 30, '个'],
    ['建成3—5个', 3, 5, '个'],
    ['建成3-5个', 3, 5, '个'],
    ['建成3至5个', 3, 5, '个'],
    ['建成3~5个', 3, 5, '个'],
    ['建成３～５个', 3, 5, '个'],
    ['增设消火栓10——15个', 10, 15, '个'],
    ['至少建立一个', 1, null, '个'],
    ['不少于1个', 1, null, '个'],
    ['不低于80%', 80, null, '%'],
    ['剩余80多个', 80, null, '个'],
    ['80余个', 80, null, '个'],
    ['80个以上', 80, null, '个'],
    ['约50个', 50, 50, '个'],
    ['100米左右', 100, 100, '米'],
    ['投资2235.28万元', 2235.28, 2235.28, '万元'],
    ['受益11.54万人', 11.54, 11.54, '万人'],
    ['总投资7.6亿元', 7.6, 7.6, '亿元'],
    ['總投資7.6億元', 7.6, 7.6, '億元'],
    ['費用為2万-3万元', 2, 3, '万元'],
    ['99000余万元', 99000, null, '万元'],
    ['130余万平方米', 130, null, '万平方米'],
    ['三十个', 30, 30, '个'],
    ['两所', 2, 2, '所'],
    ['一百二十名', 120, 120, '名'],
    ['一千零五户', 1005, 1005, '户'],
    ['日门诊量3000人/天', 3000, 3000, '人/天'],
    ['210万m³', 210, 210, '万m³'],
    ['163.2km', 163.2, 163.2, 'km'],
    ['二至三个', 2, 3, '个'],
  ])('%s', (text, min, max, unit) => {
    expect(first(text)).toEqual({ min, max, unit });
  });

  it('ignores numbers without a unit or measure word', () => {
    expect(first('电话0592—2892066')).toBeUndefined();
    expect(first('2015年3月19日')).toBeUndefined();
    expect(first('省道204线')).toBeUndefined();
    expect(first('用2—3时间')).toBeUndefined();
  });

  it('reads traditional script and mirror debris', () => {
    expect(first('計劃新建兩個站點')).toEqual({ min: 2, max: 2, unit: '個' });
    expect(first('分別達(dá)到20平方米')).toEqual({ min: 20, max: 20, unit: '平方米' });
  });
});
