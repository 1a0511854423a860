/**
 * The product's reviewed letters as a gold corpus (`npm run export-gold`): the format of
 * ../shared/corpus/dev (letters/NAME.txt with a `# source:` line, gold/NAME.json), so the shared
 * scorer measures the extractor on the letters the office actually reviewed. Only fully reviewed
 * letters go out (repositories/review-outcomes.ts): a letter with undecided items has no gold.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { goldCommitments, goldLetters } from '../repositories/review-outcomes';

export interface GoldCorpusFile {
  name: string;
  /** letters/NAME.txt: the source line, a blank line, then the stored text the spans point into */
  letter: string;
  /** gold/NAME.json */
  gold: {
    source: string;
    agency: string | null;
    letterDate: string | null;
    suggestionRef: string | null;
    resultGrade: string | null;
    commitments: Awaited<ReturnType<typeof goldCommitments>>;
  };
}

const SOURCE_LINE = /^# source:[^\n]*\n\n?/;

export async function goldCorpus(db: Kysely<Database>): Promise<GoldCorpusFile[]> {
  const letters = await goldLetters(db);
  const files: GoldCorpusFile[] = [];
  for (const letter of letters) {
    const source = `letter:${letter.id}${letter.sourceName ? ` ${letter.sourceName}` : ''}`;
    // a letter loaded from a corpus file keeps its own source line; the scorer strips one line only
    const header = SOURCE_LINE.test(letter.text) ? '' : `# source: ${source}\n\n`;
    files.push({
      name: `letter-${letter.id}`,
      letter: `${header}${letter.text}`,
      gold: {
        source,
        agency: letter.agency,
        letterDate: letter.letterDate,
        suggestionRef: letter.suggestionRef,
        resultGrade: letter.resultGrade,
        commitments: await goldCommitments(db, letter.id),
      },
    });
  }
  return files;
}
