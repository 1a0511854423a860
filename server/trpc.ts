/**
 * The only place tRPC is initialised. Routers and procedures are built from the exports here.
 *
 * Errors: input validation failures reach the client as BAD_REQUEST with the zod issues
 * flattened into `data.zodError`, and a Chinese message a user can act on; internal errors
 * never carry stack traces or SQL outside development. A letter entered twice names the stored one
 * in `data.existingLetterId`, so the client can link to it (typed for the client through AppRouter);
 * a domain refusal carries its key in `data.domainKey`, so the client can offer the way forward
 * (a stale edit, `commitment.stale`, offers a reload).
 * @see https://trpc.io/docs/server/error-formatting
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Role } from '../shared/auth';
import type { Context } from './context';
import { DuplicateLetterError } from './domain/duplicate-letter';
import { DomainError, type DomainErrorKind } from './domain/errors';
import { asRead } from './repositories/write-guard';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const hidden = error.code === 'INTERNAL_SERVER_ERROR' && process.env.NODE_ENV !== 'development';
    return {
      ...shape,
      message: zodError
        ? describeInvalidInput(zodError)
        : hidden
          ? '服务器内部错误,请稍后重试。'
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        zodError,
        existingLetterId: error.cause instanceof DuplicateLetterError ? error.cause.existing.id : null,
        domainKey: error.cause instanceof DomainError ? error.cause.key : null,
      },
    };
  },
});

function describeInvalidInput(flat: {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
}) {
  const fields = Object.entries(flat.fieldErrors)
    .map(([field, messages]) => `${field}: ${(messages ?? []).join('; ')}`)
    .concat(flat.formErrors);
  return `输入有误 — ${fields.join(' | ')}`;
}

/** @see https://trpc.io/docs/server/routers */
export const router = t.router;

/** The one table from a domain refusal's kind to the code (and HTTP status) a client sees. */
const DOMAIN_CODES = {
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  invalid: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  'too-large': 'PAYLOAD_TOO_LARGE',
  'precondition-failed': 'PRECONDITION_FAILED',
  'too-many-attempts': 'TOO_MANY_REQUESTS',
} as const satisfies Record<DomainErrorKind, TRPCError['code']>;

/**
 * Services throw DomainError; tRPC would wrap it as INTERNAL_SERVER_ERROR (and hide its message).
 * Every procedure is built on this, so a refusal reaches the client with its own code and Chinese
 * message, and the original error stays the cause (the formatter reads `existingLetterId` from it).
 */
const domainErrors = t.middleware(async ({ type, path, next }) => {
  // Reads never write: inside a query the write door refuses to open (repositories/write-guard.ts).
  const result = await (type === 'query' ? asRead(path, () => next()) : next());
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_CODES[cause.kind], message: cause.message, cause });
  }
  return result;
});

const base = t.procedure.use(domainErrors);

/**
 * No role check at all: only for signing in and out and asking who is signed in, which must work
 * for anonymous visitors even with PUBLIC_READ off. Never for data.
 */
export const publicProcedure = base;

/**
 * Reading: open to anyone while PUBLIC_READ is on, to signed-in users otherwise.
 * Role checks run before input validation, so a refused caller learns nothing about inputs.
 * @see https://trpc.io/docs/server/middlewares
 */
export const readProcedure = base.use(({ ctx, next }) => {
  if (!ctx.user && !ctx.publicRead)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录后再查看。' });
  return next();
});

function requireRole(roles: readonly Role[]) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录。' });
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: '您的账号没有执行此操作的权限。' });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

/** The supervision office only. */
export const officeProcedure = base.use(requireRole(['office']));
/** The office and agency clerks (ownership of the agency's commitments is checked in the procedure). */
export const clerkProcedure = base.use(requireRole(['office', 'agency']));
/** The office and deputies (a deputy acts only on their own suggestions, checked in the procedure). */
export const deputyProcedure = base.use(requireRole(['office', 'deputy']));
/** Any signed-in user. */
export const signedInProcedure = base.use(requireRole(['office', 'agency', 'deputy']));
/** @see https://trpc.io/docs/server/server-side-calls */
export const createCallerFactory = t.createCallerFactory;
