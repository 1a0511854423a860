/**
 * The only place tRPC is initialised. Routers and procedures are built from the exports here.
 *
 * Errors: input validation failures reach the client as BAD_REQUEST with the zod issues
 * flattened into `data.zodError`, and a Chinese message a user can act on; internal errors
 * never carry stack traces or SQL outside development.
 * @see https://trpc.io/docs/server/error-formatting
 */
import { initTRPC } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Context } from './context';

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
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, zodError },
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
/** @see https://trpc.io/docs/server/procedures */
export const publicProcedure = t.procedure;
/** @see https://trpc.io/docs/server/server-side-calls */
export const createCallerFactory = t.createCallerFactory;
