/**
 * The lock on the write door (server/services/write.ts). A Kysely plugin on the database handle the
 * procedures get refuses every INSERT, UPDATE and DELETE (and raw SQL that writes) unless it runs
 * inside the door, which marks its asynchronous context here. The door learns from the same plugin
 * which tables a write touched, so it can refuse a write to the commitment tables that did not
 * say whose figures changed.
 *
 * Writes made outside a request (migrations, first-start seed, the command-line tools, the bench
 * writer) use the unguarded handle; the seed and the ingest CLI still call the door for its
 * audit and figures, the bench writer fills a fresh database whose tallies are built after.
 * @see https://kysely-org.github.io/kysely-apidoc/interfaces/KyselyPlugin.html
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DeleteQueryNode,
  InsertQueryNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely';
import type { Database } from '../../db/schema';

/** What a door keeps while its write runs: the tables written, for its figures check. */
export interface DoorState {
  readonly tables: Set<string>;
}

const doors = new AsyncLocalStorage<DoorState>();
/** Set around query procedures: a read may not open the door at all. */
const reads = new AsyncLocalStorage<string>();

export class WriteOutsideDoor extends Error {
  constructor(what: string) {
    super(`${what} outside the write door (server/services/write.ts runWrite)`);
    this.name = 'WriteOutsideDoor';
  }
}

/** Runs `work` as the door; the guard lets its statements through and records their tables. */
export function insideDoor<T>(state: DoorState, work: () => Promise<T>): Promise<T> {
  if (doors.getStore()) throw new WriteOutsideDoor('a write door opened inside another');
  const read = reads.getStore();
  if (read) throw new WriteOutsideDoor(`a write in the query ${read}`);
  return doors.run(state, work);
}

/** Runs a query procedure: any attempt to open the door inside it fails. */
export function asRead<T>(path: string, work: () => Promise<T>): Promise<T> {
  return reads.run(path, work);
}

const WRITING_SQL =
  /^\s*(with\b[\s\S]*?\)\s*)?(insert|update|delete|replace|merge|truncate|create|drop|alter)\b/i;

function writtenTable(node: RootOperationNode): string | null | undefined {
  const nameOf = (table: OperationNode | undefined) =>
    table && TableNode.is(table) ? table.table.identifier.name : null;
  if (InsertQueryNode.is(node)) return nameOf(node.into);
  if (UpdateQueryNode.is(node)) return nameOf(node.table);
  if (DeleteQueryNode.is(node)) return nameOf(node.from.froms[0]);
  if (RawNode.is(node) && WRITING_SQL.test(node.sqlFragments.join('?'))) return null;
  return undefined;
}

class WriteGuardPlugin implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(node);
    if (table === undefined) return node;
    const door = doors.getStore();
    if (!door) throw new WriteOutsideDoor(`${node.kind} on ${table ?? 'raw SQL'}`);
    door.tables.add(table ?? 'raw');
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

const guarded = new WeakMap<Kysely<Database>, Kysely<Database>>();

/**
 * The handle procedures get: the same pool with the guard on. Memoised so that caches keyed by the
 * handle (figures cache, tally refresh) stay one per database, not one per request.
 */
export function guardWrites(db: Kysely<Database>): Kysely<Database> {
  if (guardedHandles.has(db)) return db;
  let handle = guarded.get(db);
  if (!handle) {
    handle = db.withPlugin(new WriteGuardPlugin());
    guarded.set(db, handle);
    guardedHandles.add(handle);
  }
  return handle;
}
const guardedHandles = new WeakSet<Kysely<Database>>();
