import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The seed letter as the product ships it (db/seed/), a copy of ../shared/seed/reply-260.txt. */
export function seedLetterBytes(): Uint8Array {
  return new Uint8Array(readFileSync(path.join(root, 'db/seed/reply-260.txt')));
}

export function seedLetterText(): string {
  return new TextDecoder('utf-8').decode(seedLetterBytes());
}
