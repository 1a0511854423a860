/** Status colours for charts, matching the status badges (styles.css): green kept, red overdue. */
import type { CommitmentStatus } from '../../shared/commitments';

export const STATUS_COLORS: Record<CommitmentStatus, string> = {
  unverified: '#b8c2cc',
  not_started: '#aeb8c4',
  on_track: '#3f6ea8',
  behind: '#d9a13b',
  achieved: '#2f7d4f',
  overdue: '#b3261e',
  withdrawn: '#8c8c8c',
  rejected: '#cccccc',
};

/** The statuses a counted commitment can have, in reading order from kept to late. */
export const COUNTED_STATUSES = ['achieved', 'on_track', 'not_started', 'behind', 'overdue'] as const;
