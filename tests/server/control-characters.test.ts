/**
 * Issue 12 item 6: a NUL (or another C0 control character) in any string input is refused with
 * BAD_REQUEST before it reaches a query. PostgreSQL cannot store U+0000 in text and answered 500;
 * SQLite stored it, and a search for it errored or matched everything.
 *
 * The test walks every procedure of the app router and the zod schema of its input, and calls it
 * once per string field with 'x\u0000y' in that field (other fields hold plausible values). Free
 * text fields must be refused by the shared control-character rule (its message at that field's
 * path); enum fields are refused by their list of values. A procedure's new string field is
 * walked without editing this file.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ZodError, type z } from 'zod';
import { createContextInner } from '../../server/context';
import { PERMISSIONS } from '../../server/permissions';
import { appRouter, createCaller } from '../../server/routers/_app';
import type { Role, SessionUser } from '../../shared/auth';
import { IngestTextSchema } from '../../shared/schemas/letters';
import { SearchInputSchema } from '../../shared/schemas/search';
import { type TestDatabase, testDatabases } from '../support/databases';
import { createRoleUsers } from '../support/users';

type Path = (string | number)[];
interface Probe {
  path: Path;
  /** 'text': the shared rule must name the field; 'enum': refused because it is not a listed value */
  kind: 'text' | 'enum';
  input: unknown;
}

const NUL_VALUE = 'x\u0000y';

// zod 4 keeps a schema's structure in `_zod.def`; only the kinds the input schemas use are walked.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A value the schema could accept in shape (not necessarily in range): the probes' background. */
function sample(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
      return sample(def.innerType as z.ZodType);
    case 'pipe':
      return sample(def.in as z.ZodType);
    case 'array':
      return [sample(def.element as z.ZodType)];
    case 'union':
      return sample((def.options as z.ZodType[])[0] as z.ZodType);
    case 'string':
      return 'x';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    default:
      throw new Error(`schema kind ${def.type} is not walked by this test; add it`);
  }
}

/** One probe per string field (per union branch): that field holds NUL_VALUE. */
function probes(schema: z.ZodType, path: Path = []): Probe[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const background = sample(schema) as Record<string, unknown>;
      return Object.entries(shape).flatMap(([key, field]) =>
        probes(field, [...path, key]).map((p) => ({
          ...p,
          input: { ...background, [key]: p.input },
        })),
      );
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
      return probes(def.innerType as z.ZodType, path);
    case 'pipe':
      return probes(def.in as z.ZodType, path);
    case 'array':
      return probes(def.element as z.ZodType, [...path, 0]).map((p) => ({ ...p, input: [p.input] }));
    case 'union':
      return (def.options ?? []).flatMap((option) => probes(option, path));
    case 'string':
      return [{ path, kind: 'text', input: NUL_VALUE }];
    case 'enum':
      return [{ path, kind: 'enum', input: NUL_VALUE }];
    default:
      return [];
  }
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
const procedurePaths = Object.keys(procedures).sort();
const probesByProcedure = procedurePaths.map((path) => ({
  path,
  probes: (procedures[path]?._def.inputs ?? []).flatMap((schema) => probes(schema)),
}));

/** The least privileged role that may call the procedure (validation runs after the role check). */
function roleFor(path: string): Role | null {
  const access = PERMISSIONS[path] ?? [];
  if (access.includes('anyone') || access.includes('public')) return null;
  for (const role of ['office', 'agency', 'deputy'] as const) if (access.includes(role)) return role;
  throw new Error(`${path}: nobody may call it`);
}

function procedureOf(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  return target as (input: unknown) => Promise<unknown>;
}

const CONTROL_MESSAGE = /控制字符/;

test('the walk reaches the string inputs the issue names', () => {
  const walked = probesByProcedure.flatMap((p) => p.probes.map((q) => `${p.path}:${q.path.join('.')}`));
  for (const field of [
    'auth.signIn:username',
    'auth.signIn:password',
    'search.query:q',
    'progress.record:evidenceText',
    'followUps.answer:response',
    'letters.ingest:text',
    'districts.byName:name',
    'users.create:displayName',
  ])
    expect(walked).toContain(field);
  expect(walked.length).toBeGreaterThan(60);
});

test('tab and newline pass everywhere; carriage return only where multi-line text is pasted', () => {
  expect(IngestTextSchema.safeParse({ text: `答复函\r\n\t第一段内容足够长,足够长,足够长。` }).success).toBe(
    true,
  );
  expect(SearchInputSchema.safeParse({ q: '幸福\t院' }).success).toBe(true);
  const cr = SearchInputSchema.safeParse({ q: '幸福\r院' });
  expect(cr.success).toBe(false);
  expect(cr.error?.issues[0]?.message).toMatch(CONTROL_MESSAGE);
  for (const code of [0, 1, 8, 11, 12, 27, 31]) {
    const result = SearchInputSchema.safeParse({ q: `幸福${String.fromCharCode(code)}院` });
    expect(result.success, `U+${code.toString(16).padStart(4, '0')}`).toBe(false);
  }
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`control characters on ${target.name}`, () => {
    let database: TestDatabase;
    let users: Record<Role, SessionUser>;
    const callers = new Map<Role | null, unknown>();

    beforeAll(async () => {
      database = await target.open();
      users = await createRoleUsers(database.db);
      for (const role of [null, 'office', 'agency', 'deputy'] as const)
        callers.set(
          role,
          createCaller(
            createContextInner({
              db: database.db,
              dialect: database.dialect,
              showDemo: true,
              publicRead: true,
              user: role ? users[role] : null,
            }),
          ),
        );
    });
    afterAll(async () => {
      await database?.close();
    });

    test('every string input of every procedure refuses NUL with BAD_REQUEST', async () => {
      const failures: string[] = [];
      for (const { path, probes: list } of probesByProcedure) {
        const call = procedureOf(callers.get(roleFor(path)), path);
        for (const probe of list) {
          const where = `${path}:${probe.path.join('.')}`;
          try {
            await call(probe.input);
            failures.push(`${where}: accepted`);
          } catch (error) {
            if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') {
              failures.push(`${where}: ${error instanceof TRPCError ? error.code : String(error)}`);
              continue;
            }
            const issues = error.cause instanceof ZodError ? error.cause.issues : [];
            const here = issues.filter((i) => i.path.join('.') === probe.path.join('.'));
            const named =
              probe.kind === 'text' ? here.some((i) => CONTROL_MESSAGE.test(i.message)) : here.length > 0;
            if (!named) failures.push(`${where}: BAD_REQUEST for another reason: ${error.message}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    test('a search for NUL is refused, not run', async () => {
      const search = procedureOf(callers.get(null), 'search.query');
      await expect(search({ q: '\u0000' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(search({ q: '幸福\u0000院' })).rejects.toThrow(CONTROL_MESSAGE);
    });
  });
}
