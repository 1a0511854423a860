/**
 * A total and its parts all stay commitments; the parts point at their total (`partOf`) and
 * name the district, street or town they apply to (`place`). Made-up sentences, one
 * phenomenon each.
 */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../server/extract/index';

const HEAD = '张三代表:\n您提出的建议收悉,现答复如下:\n';
const TAIL = '\n某某市住房和城乡建设局\n2021年5月12日\n';
const commitmentsOf = (body: string) =>
  extractLetter(HEAD + body + TAIL).commitments.map((c) => ({
    min: c.min,
    object: c.object,
    partOf: c.partOf,
    place: c.place,
  }));

describe('breakdowns', () => {
  it('keeps the total and its parts, the parts pointing at the total with their district', () => {
    expect(commitmentsOf('今年完成改造老旧小区120个,其中甲区40个、乙区35个。')).toEqual([
      { min: 120, object: '老旧小区', partOf: null, place: null },
      { min: 40, object: '老旧小区', partOf: 0, place: '甲区' },
      { min: 35, object: '老旧小区', partOf: 0, place: '乙区' },
    ]);
  });

  it('reads a breakdown opening the next sentence, with streets and towns', () => {
    const found = commitmentsOf('明年计划新建公厕30座。其中城关镇12座,东湖街道8座。');
    expect(found.map((c) => [c.partOf, c.place])).toEqual([
      [null, null],
      [0, '城关镇'],
      [0, '东湖街道'],
    ]);
  });

  it('gives a part that names no place a null place', () => {
    const found = commitmentsOf('计划投资5000万元,其中中央资金3000万元、省级资金1200万元。');
    expect(found.map((c) => [c.partOf, c.place])).toEqual([
      [null, null],
      [0, null],
      [0, null],
    ]);
  });

  it('does not take figures of another unit, or larger than the total, as parts', () => {
    const otherUnit = commitmentsOf('计划改造管网20公里,其中更换水表1300块。');
    expect(otherUnit.map((c) => c.partOf)).toEqual([null, null]);
    const larger = commitmentsOf('计划新建站台15个,其中改造提升候车亭18个。');
    expect(larger.map((c) => c.partOf)).toEqual([null, null]);
  });

  it('ends the list of parts when they would exceed the total', () => {
    const found = commitmentsOf('计划新建候车亭20个,其中甲区12个、乙区6个、丙区9个。');
    expect(found.map((c) => c.partOf)).toEqual([null, 0, 0, null]);
  });

  it('leaves coordinated targets without 其中 independent', () => {
    expect(commitmentsOf('计划新建站台15个,改造候车亭8个。').map((c) => c.partOf)).toEqual([null, null]);
  });
});
