/**
 * A letter whose text is already stored (same content hash). Ingest refuses it rather than
 * returning the stored one: the office should learn that the letter was entered before, and by
 * which record, instead of believing a new one was added.
 */
import { Conflict } from './errors';

export interface ExistingLetter {
  id: number;
  docNumber: string | null;
  title: string | null;
}

/** A Conflict that names the stored letter: the client links to it (`data.existingLetterId`). */
export class DuplicateLetterError extends Conflict {
  constructor(readonly existing: ExistingLetter) {
    super('letter.duplicate', describeDuplicate(existing));
  }
}

/** The Chinese sentence the office reads; it names the stored letter so it can be found. */
export function describeDuplicate(existing: ExistingLetter): string {
  const name = `${existing.docNumber ?? ''}${existing.title ? `《${existing.title}》` : ''}`;
  return `这封答复函已经录入过${name ? `:${name}` : ''}(编号 ${existing.id}),本次未重复保存。`;
}
