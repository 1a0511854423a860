/**
 * Password hashes: argon2id with the library's defaults (19 MiB, 2 passes — OWASP's minimum
 * recommendation), salted per hash. The encoded hash carries its parameters, so raising the cost
 * later keeps old hashes verifiable.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
 */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id; the library's enum is an ambient const enum that isolatedModules cannot read. */
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a refusal, not a server error the caller could probe for.
    return false;
  }
}

let decoy: Promise<string> | null = null;

/**
 * Spends the same time as a real check when the username is unknown, so response time does not
 * tell an attacker which usernames exist.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password never assigned to anyone');
  await verifyPassword(await decoy, password);
  return false;
}
