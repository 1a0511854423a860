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
