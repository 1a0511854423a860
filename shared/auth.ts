/**
 * Who may do what. The supervision office (督查室) does everything; an agency clerk records progress
 * and answers follow-ups for its own agency's commitments; a deputy reads everything and rates
 * the replies to their own suggestions; the public reads published replies without signing in.
 */
export const ROLES = ['office', 'agency', 'deputy'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** set for agency clerks: the 承办单位 they report for */
  agencyId: number | null;
  /** set for deputies: the deputy they are */
  deputyId: number | null;
}

/**
 * Sent by the app's tRPC client on every request; the server refuses a POST without it (CSRF
 * guard, see server/auth/csrf.ts). Scripts calling the API must send it too.
 */
export const CSRF_HEADER = 'x-requested-by';
export const CSRF_HEADER_VALUE = 'promise-tracker';
