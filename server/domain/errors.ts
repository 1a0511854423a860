/**
 * The refusals a service can raise, by kind. Services and the pure layers throw these; only the
 * transport edge (server/trpc.ts) turns a kind into a tRPC code, so a service stays callable and
 * testable without tRPC and the code a client sees is decided in one table.
 *
 * Every error carries a `key` (stable, for programs and tests: `notFound.commitment`,
 * `progress.alreadyCorrected`) and a Chinese `message` a user can act on, shown as it is.
 */

export type DomainErrorKind =
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'invalid'
  | 'unauthenticated'
  | 'too-large'
  | 'precondition-failed'
  | 'too-many-attempts';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    /** what went wrong, for programs: the message is for people */
    readonly key: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The base of each kind's class: the kind is fixed by the class, the key and message by the throw. */
function ofKind<K extends DomainErrorKind>(kind: K) {
  return class extends DomainError {
    readonly kind: K = kind;
  };
}

/** The subject does not exist (or is not visible to the caller). */
export class NotFound extends ofKind('not-found') {}
/** The write collides with what is stored: a duplicate, a second answer, a lost race. */
export class Conflict extends ofKind('conflict') {}
/** The caller is signed in but may not act on this subject. */
export class Forbidden extends ofKind('forbidden') {}
/** The input is wrong in a way the caller can fix. */
export class Invalid extends ofKind('invalid') {}
/** Nobody is signed in, or the credentials are wrong. */
export class Unauthenticated extends ofKind('unauthenticated') {}
/** An upload above its limit. */
export class TooLarge extends ofKind('too-large') {}
/** The subject is not in the state the action needs (not yet confirmed, already withdrawn). */
export class PreconditionFailed extends ofKind('precondition-failed') {}

/** Too many password checks for one account or address in the window: try again later. */
export class TooManyAttempts extends DomainError {
  readonly kind = 'too-many-attempts';
}

/** The records a caller names by number, with the Chinese noun the not-found message uses. */
const NOUNS = {
  commitment: '承诺事项',
  quantified: '量化承诺',
  letter: '答复函',
  suggestion: '建议',
  progress: '进度记录',
  followUp: '督办事项',
  user: '用户',
  agency: '承办单位',
  deputy: '代表',
} as const;

export type NumberedSubject = keyof typeof NOUNS;

/** “找不到编号为 7 的答复函。” — the one wording for a record asked for by number; `hint` says what to do. */
export function notFound(subject: NumberedSubject, id: number, hint?: string): NotFound {
  return new NotFound(
    `notFound.${subject}`,
    `找不到编号为 ${id} 的${NOUNS[subject]}${hint ? `,${hint}` : ''}。`,
  );
}
