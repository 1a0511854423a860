/**
 * The words of commitment tracking that client and server share: statuses, the reasons a promise
 * was not kept or was withdrawn, milestone states. Labels live in client/locales.
 */

/** 待核实 未启动 推进中 滞后 已完成 逾期未完成 已取消, plus 已驳回 for extractions judged not to be commitments. */
export const COMMITMENT_STATUSES = [
  'unverified',
  'not_started',
  'on_track',
  'behind',
  'achieved',
  'overdue',
  'withdrawn',
  'rejected',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** The statuses a counted commitment can have (never unverified, rejected or withdrawn): the overview's status mix. */
export const TRACKED_STATUSES = ['not_started', 'on_track', 'behind', 'achieved', 'overdue'] as const;
export type TrackedStatus = (typeof TRACKED_STATUSES)[number];

/**
 * The parts of the kept rate a list can be narrowed to: due by the year's end (到期), of those
 * kept (已兑现) and kept on time (按期兑现). See server/domain/commitment-metrics.ts.
 */
export const OUTCOME_FILTERS = ['due', 'kept', 'onTime'] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

/** 资金 用地 上级事权 政策调整 已由其他途径解决 其他 */
export const REASON_CODES = [
  'funding',
  'land',
  'higher_authority',
  'policy_change',
  'solved_otherwise',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const MILESTONE_STATES = ['open', 'done', 'not_done'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * Target amounts summed or subtracted the same way on both sides: rounded to a millionth so
 * 2.3万 + 1.2万 is 3.5万, not 3.4999999999999996 (a split editor and the server then agree).
 */
export const exactAmount = (value: number) => Math.round(value * 1e6) / 1e6;
