/**
 * A deterministic synthetic data set for the benchmark: at scale 1 ten years (2016–2025) of 40
 * mid-size cities — about 300,000 commitments and 3,000,000 progress updates — with the shape of
 * the real thing: suggestions with their deputies and agencies, reply letters whose text holds
 * every commitment's quote at its offsets, targets per district, cumulative progress with
 * corrections, ratings, milestones and follow-ups.
 *
 * Pure apart from hashing: the same seed and scale give the same rows, in the same order, with the
 * same ids (explicit, so links need no read-back). Rows are handed to a sink city-year by
 * city-year; nothing keeps the whole set in memory.
 */
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { ReasonCode } from '../../shared/commitments';
import {
  CITIES,
  chineseNumber,
  DEPARTMENTS,
  DISTRICT_STEMS,
  FILLER,
  GIVEN_CHARS,
  MILESTONES,
  PROMISES,
  type PromiseKind,
  REASON_TEXT,
  SECTION_HEADINGS,
  STREET_STEMS,
  SURNAMES,
  TOPICS,
  TOWN_STEMS,
} from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's Small Fast Counter, from PractRand),
// its state filled by splitmix32 from the seed and the keys of the stream (city, year …), so each
// city-year has its own stream and does not depend on how many came before it.

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [0, n) */
  int(n: number): number;
  /** integer in [lo, hi] */
  between(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(...keys: number[]): Rng {
  let h = 0x2545f491;
  for (const key of keys) h = splitmix32(h ^ (key >>> 0) ^ ((key / 0x100000000) >>> 0))();
  const fill = splitmix32(h);
  let a = fill();
  let b = fill();
  let c = fill();
  let d = fill();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)] as (typeof items)[number],
  };
}

/** k distinct items, in random order. */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const pool = [...items];
  for (let i = 0; i < k && i < pool.length; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, k);
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC).

const DAY_MS = 86_400_000;
export const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
export const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isoTime = (day: number, seconds: number) => new Date(day * DAY_MS + seconds * 1000).toISOString();
function chineseDate(day: number) {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

// ---------------------------------------------------------------------------------------------
// The sink rows go to.

/** The tables the generator fills, parents before children: the order a batch is written in. */
export const DATASET_TABLES = [
  'agencies',
  'deputies',
  'districts',
  'streets',
  'users',
  'suggestions',
  'suggestion_deputies',
  'suggestion_agencies',
  'letters',
  'satisfaction_ratings',
  'commitments',
  'commitment_targets',
  'progress_updates',
  'follow_ups',
] as const satisfies readonly (keyof Database)[];
export type DatasetTable = (typeof DATASET_TABLES)[number];
/** Every column given (nulls too), ids explicit: a batch of one table is one multi-row insert. */
export type DatasetRow<T extends DatasetTable> = Insertable<Database[T]>;

export interface RowSink {
  add<T extends DatasetTable>(table: T, row: DatasetRow<T>): void;
  /** Every row added so far has its parents added too: a safe point to write what was collected. */
  checkpoint(): void | Promise<void>;
}

export type RowCounts = Record<DatasetTable, number>;
export const emptyCounts = () => Object.fromEntries(DATASET_TABLES.map((t) => [t, 0])) as RowCounts;

/** Counts rows and hashes them (JSON, in order) per table: equal digests, equal data. */
export class DigestSink implements RowSink {
  readonly counts = emptyCounts();
  private readonly hashes = new Map(DATASET_TABLES.map((t) => [t, createHash('sha256')]));
  add<T extends DatasetTable>(table: T, row: DatasetRow<T>): void {
    this.counts[table] += 1;
    this.hashes.get(table)?.update(`${JSON.stringify(row)}\n`);
  }
  checkpoint(): void {}
  digests(): Record<DatasetTable, string> {
    return Object.fromEntries([...this.hashes].map(([t, h]) => [t, h.copy().digest('hex')])) as Record<
      DatasetTable,
      string
    >;
  }
}

/** Passes every row to several sinks (a writer and a digest). */
export function teeSink(...sinks: RowSink[]): RowSink {
  return {
    add: (table, row) => {
      for (const s of sinks) s.add(table, row);
    },
    checkpoint: async () => {
      for (const s of sinks) await s.checkpoint();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shape.

export interface DatasetOptions {
  seed?: number;
  /** 1: 40 cities × 10 years, ~300,000 commitments; 0.01 for tests */
  scale?: number;
  firstYear?: number;
  years?: number;
}

export interface DatasetShape {
  seed: number;
  scale: number;
  cities: number;
  firstYear: number;
  lastYear: number;
  suggestionsPerCityYear: number;
  deputiesPerCity: number;
}

/** Suggestions per city and year at scale 1: with ~1.06 letters each and ~4.7 items a letter, ~300,000 items. */
const SUGGESTIONS_PER_CITY_YEAR = 152;

/** Fewer cities at small scales (but at least two), fewer suggestions per city-year for the rest. */
export function datasetShape(options: DatasetOptions = {}): DatasetShape {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`scale must be a positive number, not ${scale}`);
  const firstYear = options.firstYear ?? 2016;
  const years = options.years ?? 10;
  const cities = Math.min(
    CITIES.length,
    Math.max(2, Math.round(CITIES.length * Math.sqrt(Math.min(scale, 1)))),
  );
  const suggestionsPerCityYear = Math.max(
    2,
    Math.round((SUGGESTIONS_PER_CITY_YEAR * scale * CITIES.length) / cities),
  );
  return {
    seed,
    scale,
    cities,
    firstYear,
    lastYear: firstYear + years - 1,
    suggestionsPerCityYear,
    deputiesPerCity: Math.max(12, Math.round(suggestionsPerCityYear * 2.5)),
  };
}

// ---------------------------------------------------------------------------------------------
// The fixed parties of each city: districts, agencies, deputies, clerks.

export interface CityDistrict {
  id: number;
  name: string;
  /** 街道 and 镇 */
  units: number;
}

export interface CityAgency {
  id: number;
  name: string;
  abbr: string;
  clerkId: number;
  clerkName: string;
}

export interface City {
  index: number;
  name: string;
  /** 厦门市 → 厦 (document numbers) */
  abbr: string;
  areaCode: string;
  districts: CityDistrict[];
  agencies: CityAgency[];
  deputies: { id: number; name: string }[];
}

export const OFFICE_USER_ID = 1;
/** No password verifies against it: the generated accounts cannot sign in. */
const NO_LOGIN_HASH = '!generated-account-without-password';
const SOURCE = '基准测试生成数据 (synthetic benchmark data)';

const NAME_SPACE = SURNAMES.length * GIVEN_CHARS.length * GIVEN_CHARS.length;
/** A distinct three-character name for every index below NAME_SPACE (an affine permutation). */
export function uniqueName(index: number): string {
  const n = (index * 40009 + 7) % NAME_SPACE;
  const surname = SURNAMES[n % SURNAMES.length];
  const rest = Math.floor(n / SURNAMES.length);
  return `${surname}${GIVEN_CHARS[rest % GIVEN_CHARS.length]}${GIVEN_CHARS[Math.floor(rest / GIVEN_CHARS.length) % GIVEN_CHARS.length]}`;
}

function personName(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN_CHARS)}${rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : ''}`;
}

class IdCounter {
  private readonly next = new Map<string, number>();
  take(table: string): number {
    const id = (this.next.get(table) ?? 0) + 1;
    this.next.set(table, id);
    return id;
  }
}

/**
 * The cities with their districts, agencies and deputies, and the rows for them. Deterministic on
 * its own: the ingest benchmark calls it again to write letters from the same agencies.
 */
export function buildCities(shape: DatasetShape, emit?: RowSink['add'], ids = new IdCounter()): City[] {
  const created = isoTime(dayOf(shape.firstYear - 1, 12, 1), 0);
  if (ids.take('users') !== OFFICE_USER_ID) throw new Error('the office account must be user 1');
  emit?.('users', {
    id: OFFICE_USER_ID,
    username: 'bench-office',
    display_name: '督查室(生成数据)',
    role: 'office',
    agency_id: null,
    deputy_id: null,
    password_hash: NO_LOGIN_HASH,
    disabled: 0,
    created_at: created,
  });
  const cities: City[] = [];
  let deputyIndex = 0;
  for (let index = 0; index < shape.cities; index++) {
    const rng = createRng(shape.seed, 1, index);
    const name = CITIES[index] as string;
    const districts: CityDistrict[] = [];
    sample(rng, DISTRICT_STEMS, rng.between(5, 7)).forEach((stem, order) => {
      const id = ids.take('districts');
      emit?.('districts', {
        id,
        city: name,
        name: `${stem}区`,
        sort_order: order,
        valid_from: 2003,
        valid_to: null,
        from_date: '2003-01-01',
        to_date: null,
        source: SOURCE,
      });
      const streets = sample(rng, STREET_STEMS, rng.between(2, 9)).map((s) => ({
        name: `${s}街道`,
        kind: 'street' as const,
      }));
      const towns = rng.chance(0.5)
        ? sample(rng, TOWN_STEMS, rng.between(1, 6)).map((s) => ({ name: `${s}镇`, kind: 'town' as const }))
        : [];
      for (const unit of [...streets, ...towns]) {
        emit?.('streets', {
          id: ids.take('streets'),
          district_id: id,
          name: unit.name,
          kind: unit.kind,
          valid_from: 2015,
          valid_to: null,
          from_date: '2015-01-01',
          to_date: null,
          source: SOURCE,
        });
      }
      districts.push({ id, name: `${stem}区`, units: streets.length + towns.length });
    });
    const agencies: CityAgency[] = DEPARTMENTS.map((dept) => {
      const id = ids.take('agencies');
      emit?.('agencies', { id, name: `${name}${dept.name}`, created_at: created });
      const clerkId = ids.take('users');
      const clerkName = personName(rng);
      emit?.('users', {
        id: clerkId,
        username: `clerk-${id}`,
        display_name: clerkName,
        role: 'agency',
        agency_id: id,
        deputy_id: null,
        password_hash: NO_LOGIN_HASH,
        disabled: 0,
        created_at: created,
      });
      return { id, name: `${name}${dept.name}`, abbr: dept.abbr, clerkId, clerkName };
    });
    const deputies = Array.from({ length: shape.deputiesPerCity }, () => {
      const id = ids.take('deputies');
      const deputyName = uniqueName(deputyIndex++);
      emit?.('deputies', { id, name: deputyName, created_at: created });
      return { id, name: deputyName };
    });
    cities.push({
      index,
      name,
      abbr: name.slice(0, 1),
      areaCode: `0${rng.between(510, 599)}`,
      districts,
      agencies,
      deputies,
    });
  }
  if (deputyIndex > NAME_SPACE) throw new Error('more deputies than distinct names');
  return cities;
}

// ---------------------------------------------------------------------------------------------
// Letters and the items in them.

/** 2016 → 十四届人大五次会议 … (a 届 lasts five years). */
export function sessionLabel(city: string, year: number): string {
  const term = 15 + Math.floor((year - 2017) / 5);
  const session = ((((year - 2017) % 5) + 5) % 5) + 1;
  return `${city}${chineseNumber(term)}届人大${chineseNumber(session)}次会议`;
}

interface QuantifiedSpec {
  kind: 'quantified';
  promise: PromiseKind;
  per: 'district' | 'street' | null;
  min: number;
  max: number | null;
  deadlineYear: number | null;
}

interface MilestoneSpec {
  kind: 'milestone';
  text: string;
  deadlineYear: number;
}

type ItemSpec = QuantifiedSpec | MilestoneSpec;

interface PlacedItem {
  spec: ItemSpec;
  quote: string;
  start: number;
  end: number;
  section: string | null;
}

function deadlineFor(rng: Rng, letterYear: number): number | null {
  const r = rng.next();
  if (r < 0.4) return letterYear;
  if (r < 0.7) return letterYear + 1;
  if (r < 0.85) return letterYear + 2;
  if (r < 0.9) return letterYear + 3;
  return null;
}

const roundTo = (value: number, decimal: boolean | undefined) =>
  decimal ? Math.round(value * 10) / 10 : Math.round(value);

function quantifiedSpec(rng: Rng, letterYear: number, allowPerUnit = true): QuantifiedSpec {
  const promise = rng.pick(PROMISES);
  const deadlineYear = deadlineFor(rng, letterYear);
  if (allowPerUnit && promise.perUnit && rng.chance(0.7)) {
    const min = rng.between(1, 3);
    return {
      kind: 'quantified',
      promise,
      per: promise.perUnit,
      min,
      max: rng.chance(0.4) ? min + rng.between(1, 2) : min,
      deadlineYear,
    };
  }
  const span = promise.max - promise.min;
  const min = Math.max(1, roundTo(promise.min + span * rng.next() ** 2, promise.decimal));
  const r = rng.next();
  const max = r < 0.12 ? roundTo(min * (1.2 + rng.next()), promise.decimal) : r < 0.2 ? null : min;
  return { kind: 'quantified', promise, per: null, min, max, deadlineYear };
}

function milestoneSpec(rng: Rng, letterYear: number): MilestoneSpec {
  return {
    kind: 'milestone',
    text: rng.pick(MILESTONES),
    deadlineYear: letterYear + (rng.chance(0.6) ? 0 : 1),
  };
}

function deadlinePhrase(rng: Rng, deadline: number | null, letterYear: number): string {
  if (deadline === null) return '';
  if (deadline === letterYear) return rng.pick(['年内', '今年']);
  if (deadline === letterYear + 1) return '明年';
  return `${deadline}年底前`;
}

function quoteOf(spec: QuantifiedSpec): string {
  const { promise, min, max } = spec;
  if (max === null) return `至少${min}${promise.unit}${promise.object}`;
  if (max !== min) return `${min}—${max}${promise.unit}${promise.object}`;
  return `${min}${promise.unit}${promise.object}`;
}

/** The sentence holding an item; its quote is written at `text.length + prefix.length`. */
function sentenceParts(rng: Rng, spec: ItemSpec, letterYear: number): [string, string, string] {
  if (spec.kind === 'milestone') {
    const quote = `${deadlinePhrase(rng, spec.deadlineYear, letterYear)}${spec.text}`;
    return [rng.pick(['', '我们将', '计划']), quote, '。'];
  }
  const lead = rng.pick(['', '我们将', '下一步,我们将', '力争', '计划', '争取']);
  const per =
    spec.per === 'district'
      ? rng.pick(['推动各区', '每个区'])
      : spec.per === 'street'
        ? rng.pick(['每个街(镇)', '全市每个街道'])
        : '';
  return [
    `${lead}${deadlinePhrase(rng, spec.deadlineYear, letterYear)}${per}${spec.promise.verb}`,
    quoteOf(spec),
    rng.pick(['。', ',进一步提升服务水平。', ',切实解决群众关心的问题。']),
  ];
}

interface LetterContext {
  city: City;
  agency: CityAgency;
  ref: string;
  topic: string;
  deputyNames: string[];
  docNumber: string;
  grade: 'A' | 'B' | 'C' | 'D';
  letterDay: number;
  contact: string;
  phone: string;
}

/** A reply letter's text with its items placed in it; `full` adds the web page around it as published. */
function composeLetter(
  rng: Rng,
  ctx: LetterContext,
  specs: readonly ItemSpec[],
  full: boolean,
): { text: string; items: PlacedItem[]; title: string } {
  const letterYear = new Date(ctx.letterDay * DAY_MS).getUTCFullYear();
  const title = `${ctx.agency.name}关于${ctx.ref}建议办理情况的答复函`;
  let text = '';
  if (full) {
    text += `您当前的位置: 代表建议公开 > 建议回复函 > 正文\n\n${title}\n\n \n来源:\n      \n${isoDate(ctx.letterDay + 30)} 09:${String(rng.int(60)).padStart(2, '0')}:00\n      \n字体大小:[大][中][小]\n${1000000 + rng.int(9000000)}\n\n`;
  }
  text += `  ${ctx.docNumber}\n\n  办理结果:${ctx.grade}\n\n  ${title}\n\n  ${ctx.deputyNames.join('、')}代表:\n\n`;
  text += `  您提出的《关于${ctx.topic}的建议》收悉。${rng.pick(FILLER)}现将有关情况答复如下:\n\n`;
  const items: PlacedItem[] = [];
  const sectionCount = specs.length <= 2 ? 1 : Math.min(specs.length, rng.between(1, full ? 5 : 3));
  const headings = sample(rng, SECTION_HEADINGS, sectionCount);
  let next = 0;
  headings.forEach((heading, s) => {
    const section = `${chineseNumber(s + 1)}、${heading}`;
    text += `  ${section}\n\n  `;
    if (full || rng.chance(0.4)) text += rng.pick(FILLER);
    const take =
      s === sectionCount - 1 ? specs.length - next : Math.ceil((specs.length - next) / (sectionCount - s));
    for (let i = 0; i < take; i++) {
      const spec = specs[next++] as ItemSpec;
      const [before, quote, after] = sentenceParts(rng, spec, letterYear);
      text += before;
      const start = text.length;
      text += quote;
      items.push({
        spec,
        quote,
        start,
        end: text.length,
        section: sectionCount > 1 || full ? section : null,
      });
      text += after;
      if (full && rng.chance(0.5)) text += rng.pick(FILLER);
    }
    text += '\n\n';
  });
  text += '  谢谢您对我们工作的关心和支持,敬请继续提出宝贵意见!\n\n';
  if (full) text += `  领导署名:${personName(rng)}\n\n`;
  text += `  联系人:${ctx.contact}\n\n  联系电话:${ctx.phone}\n\n  ${ctx.agency.name}\n\n  ${chineseDate(ctx.letterDay)}\n\n`;
  if (full) {
    text += '  抄送:市人大常委会人事代表工作室(2份),市政府督查室(1份)。\n\n  \n\n';
    text += `版权所有:${ctx.city.name}人大常委会\n\n机构设置 人大公报 人大概况 各区人大 站内检索`;
  }
  return { text, items, title };
}

function itemCount(rng: Rng, grade: LetterContext['grade']): number {
  switch (grade) {
    case 'A':
      return rng.between(1, 5);
    case 'B':
      return rng.between(3, 10);
    case 'C':
      return rng.between(2, 7);
    default:
      return rng.between(0, 2);
  }
}

function pickGrade(rng: Rng): LetterContext['grade'] {
  const r = rng.next();
  return r < 0.3 ? 'A' : r < 0.75 ? 'B' : r < 0.9 ? 'C' : 'D';
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// ---------------------------------------------------------------------------------------------
// One city-year.

interface YearState {
  shape: DatasetShape;
  ids: IdCounter;
  emit: RowSink['add'];
  endDay: number;
}

const RATING_MIX: Record<LetterContext['grade'], [number, number]> = {
  A: [0.85, 0.98],
  B: [0.7, 0.95],
  C: [0.5, 0.85],
  D: [0.4, 0.75],
};
const COMMENTS = [
  '答复认真,措施具体',
  '希望加快落实进度',
  '对答复内容基本认可',
  '答复针对性不强,希望进一步改进',
];
const CORRECTIONS = ['录入有误,更正数值', '统计口径调整', '重复统计,核减'];
const NOT_KEPT: ReasonCode[] = ['funding', 'land', 'higher_authority', 'policy_change', 'other'];

function ratingLevel(rng: Rng, grade: LetterContext['grade']) {
  const [satisfied, basically] = RATING_MIX[grade];
  const r = rng.next();
  return r < satisfied ? 'satisfied' : r < basically ? 'basically' : 'unsatisfied';
}

function generateCityYear(state: YearState, city: City, year: number) {
  const { shape, ids, emit } = state;
  const rng = createRng(shape.seed, 2, city.index, year);
  const session = sessionLabel(city.name, year);
  const docSeq = new Map<number, number>();
  for (let s = 1; s <= shape.suggestionsPerCityYear; s++) {
    const suggestionId = ids.take('suggestions');
    const ref = `${session}第${s}号`;
    const topic = rng.pick(TOPICS);
    emit('suggestions', {
      id: suggestionId,
      ref,
      title: `关于${topic}的建议`,
      year,
      created_at: isoTime(dayOf(year, 1, rng.between(8, 25)), 9 * 3600),
    });
    const deputies = sample(rng, city.deputies, rng.chance(0.5) ? 1 : rng.between(2, 3));
    deputies.forEach((d, i) => {
      emit('suggestion_deputies', { suggestion_id: suggestionId, deputy_id: d.id, is_lead: i === 0 ? 1 : 0 });
    });
    const agencies = sample(rng, city.agencies, rng.chance(0.15) ? 2 : 1);
    agencies.forEach((a, i) => {
      emit('suggestion_agencies', {
        suggestion_id: suggestionId,
        agency_id: a.id,
        role: i === 0 ? 'lead' : 'co',
      });
    });
    agencies.forEach((agency, i) => {
      const answered = i === 0 ? rng.chance(year === shape.lastYear ? 0.95 : 0.99) : rng.chance(0.5);
      if (!answered) return;
      const seq = (docSeq.get(agency.id) ?? rng.between(0, 5)) + rng.between(1, 3);
      docSeq.set(agency.id, seq);
      const grade = pickGrade(rng);
      const ctx: LetterContext = {
        city,
        agency,
        ref,
        topic,
        deputyNames: deputies.map((d) => d.name),
        docNumber: `${city.abbr}${agency.abbr}函〔${year}〕${seq}号`,
        grade,
        letterDay: dayOf(year, 3, 15) + rng.int(110),
        contact: personName(rng),
        phone: `${city.areaCode}-${rng.between(2000000, 8999999)}`,
      };
      generateLetter(state, rng, suggestionId, ctx);
    });
  }
}

function generateLetter(state: YearState, rng: Rng, suggestionId: number, ctx: LetterContext) {
  const { ids, emit } = state;
  const letterYear = new Date(ctx.letterDay * DAY_MS).getUTCFullYear();
  const count = itemCount(rng, ctx.grade);
  const specs: ItemSpec[] = Array.from({ length: count }, () =>
    rng.chance(0.82) ? quantifiedSpec(rng, letterYear) : milestoneSpec(rng, letterYear),
  );
  const { text, items, title } = composeLetter(rng, ctx, specs, false);
  const letterId = ids.take('letters');
  const createdAt = isoTime(ctx.letterDay + rng.between(1, 20), 8 * 3600 + rng.int(36000));
  emit('letters', {
    id: letterId,
    suggestion_id: suggestionId,
    agency_id: ctx.agency.id,
    doc_number: ctx.docNumber,
    letter_date: isoDate(ctx.letterDay),
    result_grade: ctx.grade,
    title,
    deputy_names: ctx.deputyNames.join('、'),
    contact_person: ctx.contact,
    contact_phone: ctx.phone,
    cc: rng.chance(0.6) ? JSON.stringify(['市人大常委会人事代表工作室', '市政府督查室']) : null,
    text,
    content_hash: sha256(text),
    source_name: `generated-${letterId}.txt`,
    source_encoding: 'utf-8',
    raw_bytes: null,
    is_demo: 0,
    created_at: createdAt,
  });
  if (rng.chance(0.88)) {
    const ratings = rng.chance(0.08) ? 2 : 1;
    for (let r = 0; r < ratings; r++) {
      emit('satisfaction_ratings', {
        id: ids.take('satisfaction_ratings'),
        letter_id: letterId,
        level: ratingLevel(rng, ctx.grade),
        comment: rng.chance(0.2) ? rng.pick(COMMENTS) : null,
        recorded_by: rng.chance(0.3) ? OFFICE_USER_ID : null,
        created_at: isoTime(ctx.letterDay + 10 + r * 40 + rng.int(40), 9 * 3600 + rng.int(30000)),
      });
    }
  }
  for (const item of items) generateItem(state, rng, ctx, letterId, createdAt, item);
}

function generateItem(
  state: YearState,
  rng: Rng,
  ctx: LetterContext,
  letterId: number,
  createdAt: string,
  item: PlacedItem,
) {
  const { ids, emit, endDay } = state;
  const { spec } = item;
  const id = ids.take('commitments');
  const r = rng.next();
  const recent = ctx.letterDay > endDay - 300;
  const review =
    r < (recent ? 0.2 : 0.03) ? 'unverified' : r < (recent ? 0.25 : 0.08) ? 'rejected' : 'confirmed';
  const reviewedDay = ctx.letterDay + rng.between(5, 40);
  const confirmed = review === 'confirmed';
  const withdrawn = confirmed && rng.chance(0.03);
  const withdrawDay = Math.min(endDay, ctx.letterDay + 60 + rng.int(500));
  const deadlineEnd = spec.deadlineYear === null ? null : dayOf(spec.deadlineYear, 12, 31);
  let reasonCode: ReasonCode | null = null;
  if (withdrawn) reasonCode = rng.pick([...NOT_KEPT, 'solved_otherwise']);

  let milestoneState: 'open' | 'done' | 'not_done' = 'open';
  let milestoneDoneOn: string | null = null;
  // Whether the promise was (or will have been) kept: decides progress and reasons.
  const r2 = rng.next();
  const outcome: 'kept' | 'partial' | 'none' = r2 < 0.62 ? 'kept' : r2 < 0.88 ? 'partial' : 'none';
  if (spec.kind === 'milestone' && confirmed && !withdrawn) {
    const past = deadlineEnd !== null && deadlineEnd <= endDay;
    const doneDay = ctx.letterDay + 30 + rng.int((deadlineEnd ?? ctx.letterDay + 365) - ctx.letterDay + 200);
    if ((past ? outcome !== 'none' : rng.chance(0.15)) && doneDay <= endDay) {
      milestoneState = 'done';
      milestoneDoneOn = isoDate(doneDay);
    } else if (past && outcome === 'none' && rng.chance(0.5)) {
      milestoneState = 'not_done';
    }
  }
  const overdue = deadlineEnd !== null && deadlineEnd < endDay && outcome !== 'kept';
  if (confirmed && !withdrawn && overdue && rng.chance(0.4)) reasonCode = rng.pick(NOT_KEPT);

  const quantified = spec.kind === 'quantified' ? spec : null;
  emit('commitments', {
    id,
    letter_id: letterId,
    kind: spec.kind,
    quote: item.quote,
    span_start: item.start,
    span_end: item.end,
    target_min: quantified ? quantified.min : null,
    target_max: quantified ? quantified.max : null,
    unit: quantified ? quantified.promise.unit : null,
    object: quantified ? quantified.promise.object : null,
    per_scope: quantified ? quantified.per : null,
    deadline_year: spec.deadlineYear,
    section: item.section,
    origin: rng.chance(0.96) ? 'extracted' : 'manual',
    review_status: review,
    review_note: review === 'rejected' ? '不属于承诺事项' : null,
    reviewed_by: review === 'unverified' ? null : OFFICE_USER_ID,
    reviewed_at: review === 'unverified' ? null : isoTime(reviewedDay, 10 * 3600),
    withdrawn_at: withdrawn ? isoTime(withdrawDay, 15 * 3600) : null,
    reason_code: reasonCode,
    reason_text: reasonCode ? (REASON_TEXT[reasonCode] ?? null) : null,
    milestone_state: milestoneState,
    milestone_done_on: milestoneDoneOn,
    created_at: createdAt,
    updated_at: review === 'unverified' ? createdAt : isoTime(reviewedDay, 10 * 3600),
  });
  if (!quantified) return;

  // Targets: per unit over the city's districts, split by the office, or one city-wide target.
  const targets: { districtId: number | null; min: number }[] = [];
  const at = createdAt;
  if (quantified.per !== null) {
    for (const d of ctx.city.districts) {
      const units = quantified.per === 'district' ? 1 : d.units;
      if (units === 0) continue;
      const min = quantified.min * units;
      emit('commitment_targets', {
        id: ids.take('commitment_targets'),
        commitment_id: id,
        district_id: d.id,
        target_min: min,
        target_max: quantified.max === null ? null : quantified.max * units,
        allocation: 'per_unit',
        created_at: at,
      });
      targets.push({ districtId: d.id, min });
    }
  } else if (
    confirmed &&
    quantified.max === quantified.min &&
    Number.isInteger(quantified.min) &&
    quantified.min >= ctx.city.districts.length * 2 &&
    rng.chance(0.3)
  ) {
    const weights = ctx.city.districts.map(() => 0.5 + rng.next());
    const total = weights.reduce((a, b) => a + b, 0);
    let left = quantified.min;
    ctx.city.districts.forEach((d, i) => {
      const last = i === ctx.city.districts.length - 1;
      const part = last ? left : Math.max(1, Math.floor((quantified.min * (weights[i] as number)) / total));
      left -= part;
      emit('commitment_targets', {
        id: ids.take('commitment_targets'),
        commitment_id: id,
        district_id: d.id,
        target_min: part,
        target_max: part,
        allocation: 'split',
        created_at: isoTime(reviewedDay, 11 * 3600),
      });
      targets.push({ districtId: d.id, min: part });
    });
  } else {
    emit('commitment_targets', {
      id: ids.take('commitment_targets'),
      commitment_id: id,
      district_id: null,
      target_min: quantified.min,
      target_max: quantified.max,
      allocation: 'city',
      created_at: at,
    });
    targets.push({ districtId: null, min: quantified.min });
  }

  if (!confirmed || outcome === 'none') return;
  const firstDay = reviewedDay + 10;
  const horizon = (spec.deadlineYear ?? letterYearOf(ctx) + 1) + 1;
  const lastDay = Math.min(endDay, withdrawn ? withdrawDay : dayOf(horizon, 6, 30));
  for (const target of targets) {
    const f =
      outcome === 'kept'
        ? rng.chance(0.92)
          ? 1 + rng.next() * 0.3
          : 0.5 + rng.next() * 0.45
        : 0.15 + rng.next() * 0.8;
    const planned = target.districtId === null ? rng.between(4, 18) : rng.between(1, 7);
    progressSeries(state, rng, {
      commitmentId: id,
      districtId: target.districtId,
      target: target.min,
      final: f,
      count: planned,
      firstDay,
      lastDay,
      agency: ctx.agency,
      promise: quantified.promise,
    });
  }
  if (confirmed && !withdrawn && rng.chance(0.025)) {
    const day = ctx.letterDay + 90 + rng.int(300);
    if (day <= endDay) {
      const answered = rng.chance(0.8) ? day + rng.int(45) : null;
      emit('follow_ups', {
        id: ids.take('follow_ups'),
        commitment_id: id,
        request: `请于${isoDate(day + 30)}前报送“${quantified.promise.object}”推进情况。`,
        due_date: isoDate(day + 30),
        requested_by: OFFICE_USER_ID,
        response: answered !== null && answered <= endDay ? '已按计划推进,详见进度记录。' : null,
        responded_by: answered !== null && answered <= endDay ? ctx.agency.clerkId : null,
        responded_at: answered !== null && answered <= endDay ? isoTime(answered, 16 * 3600) : null,
        created_at: isoTime(day, 9 * 3600),
      });
    }
  }
}

const letterYearOf = (ctx: LetterContext) => new Date(ctx.letterDay * DAY_MS).getUTCFullYear();

interface Series {
  commitmentId: number;
  districtId: number | null;
  target: number;
  /** share of the target reached by the last entry */
  final: number;
  count: number;
  firstDay: number;
  lastDay: number;
  agency: CityAgency;
  promise: PromiseKind;
}

/** Cumulative values rising to `final × target`, dated across the window; a few corrected later. */
function progressSeries(state: YearState, rng: Rng, s: Series) {
  const span = s.lastDay - s.firstDay;
  if (span < 14) return;
  const count = Math.min(s.count, Math.floor(span / 14));
  const goal = s.target * s.final;
  const curve = 0.6 + rng.next() * 0.8;
  let previousDay = s.firstDay;
  let previousValue = 0;
  for (let i = 1; i <= count; i++) {
    const day = Math.max(previousDay + 1, s.firstDay + Math.round((span * (i - rng.next() * 0.7)) / count));
    if (day > s.lastDay) break;
    const value = Math.max(previousValue, roundTo(goal * (i / count) ** curve, s.promise.decimal));
    const id = state.ids.take('progress_updates');
    const clerk = rng.chance(0.9);
    const asOf = isoDate(day);
    state.emit('progress_updates', {
      id,
      commitment_id: s.commitmentId,
      district_id: s.districtId,
      value,
      as_of: asOf,
      evidence_text: rng.chance(0.35) ? `${s.promise.object}累计${value}${s.promise.unit}` : null,
      evidence_url: rng.chance(0.05) ? `https://example.org/evidence/${id}` : null,
      attachment_id: null,
      reporter_user_id: clerk ? s.agency.clerkId : OFFICE_USER_ID,
      reporter_name: clerk ? s.agency.clerkName : '督查室(生成数据)',
      supersedes_id: null,
      correction_reason: null,
      is_demo: 0,
      created_at: isoTime(day + rng.int(7), 9 * 3600 + rng.int(30000)),
    });
    let standing = value;
    if (rng.chance(0.03)) {
      standing = Math.max(previousValue, roundTo(value * (0.8 + rng.next() * 0.15), s.promise.decimal));
      state.emit('progress_updates', {
        id: state.ids.take('progress_updates'),
        commitment_id: s.commitmentId,
        district_id: s.districtId,
        value: standing,
        as_of: asOf,
        evidence_text: null,
        evidence_url: null,
        attachment_id: null,
        reporter_user_id: OFFICE_USER_ID,
        reporter_name: '督查室(生成数据)',
        supersedes_id: id,
        correction_reason: rng.pick(CORRECTIONS),
        is_demo: 0,
        created_at: isoTime(day + 7 + rng.int(20), 9 * 3600 + rng.int(30000)),
      });
    }
    previousDay = day;
    previousValue = standing;
  }
}

// ---------------------------------------------------------------------------------------------

export interface GenerateResult {
  shape: DatasetShape;
  counts: RowCounts;
}

/**
 * Generates the data set into `sink`: the cities first, then year by year and city by city, with a
 * checkpoint after the cities and after each city-year.
 */
export async function generateDataset(options: DatasetOptions, sink: RowSink): Promise<GenerateResult> {
  const shape = datasetShape(options);
  const counts = emptyCounts();
  const emit: RowSink['add'] = (table, row) => {
    counts[table] += 1;
    sink.add(table, row);
  };
  const ids = new IdCounter();
  const cities = buildCities(shape, emit, ids);
  await sink.checkpoint();
  const state: YearState = { shape, ids, emit, endDay: dayOf(shape.lastYear, 12, 31) };
  for (let year = shape.firstYear; year <= shape.lastYear; year++) {
    for (const city of cities) {
      generateCityYear(state, city, year);
      await sink.checkpoint();
    }
  }
  return { shape, counts };
}

/**
 * Full reply letters as a city's agencies publish them (the page around the letter included), for
 * the ingest benchmark: numbers, document numbers and suggestion numbers vary with `index`, so
 * every letter is new to the database; the extractor finds promises in them as in the seed letter.
 */
export function benchLetterText(shape: DatasetShape, cities: readonly City[], index: number): string {
  const rng = createRng(shape.seed, 3, index);
  const city = cities[index % cities.length] as City;
  const agency = rng.pick(city.agencies);
  const year = shape.lastYear;
  const specs: ItemSpec[] = Array.from({ length: rng.between(4, 9) }, () =>
    rng.chance(0.8) ? quantifiedSpec(rng, year) : milestoneSpec(rng, year),
  );
  const deputies = sample(rng, city.deputies, rng.between(1, 3));
  const { text } = composeLetter(
    rng,
    {
      city,
      agency,
      ref: `${sessionLabel(city.name, year)}第${shape.suggestionsPerCityYear + 1 + index}号`,
      topic: rng.pick(TOPICS),
      deputyNames: deputies.map((d) => d.name),
      docNumber: `${city.abbr}${agency.abbr}函〔${year}〕${1000 + index}号`,
      grade: rng.pick(['B', 'B', 'C', 'A'] as const),
      letterDay: dayOf(year, 3, 15) + rng.int(110),
      contact: personName(rng),
      phone: `${city.areaCode}-${rng.between(2000000, 8999999)}`,
    },
    specs,
    true,
  );
  return text;
}
