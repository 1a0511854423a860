/**
 * A unique key refusing a row: how concurrent writers learn that another got there first (two
 * corrections of one progress entry, two offices creating one username). Recognised by the
 * drivers' own codes, never by matching the error text: PostgreSQL's SQLSTATE 23505 (pg puts it in
 * `code`), better-sqlite3's extended result codes for a UNIQUE index and a PRIMARY KEY.
 */
const UNIQUE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return typeof error.code === 'string' && UNIQUE_CODES.has(error.code);
}
