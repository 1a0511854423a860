/** Reply letters (答复函): ingest by text or file, list, read one with its commitments. */
import { TRPCError } from '@trpc/server';
import {
  IngestFileSchema,
  IngestTextSchema,
  LetterIdSchema,
  LetterListSchema,
} from '../../shared/schemas/letters';
import { DuplicateLetterError, describeDuplicate } from '../domain/duplicate-letter';
import { decodeLetter, LetterInputError } from '../extract/index';
import { UnusualLetterError } from '../extract/reply-shape';
import { listCommitments } from '../repositories/commitments';
import { findLetter, listLetters } from '../repositories/letters';
import { ingestLetter } from '../services/ingest-letter';
import { filteredLetterIds } from '../services/letter-list';
import { officeProcedure, readProcedure, router } from '../trpc';

/**
 * Input the extractor refuses (empty, binary, too large) is the user's to fix, not a server fault.
 * A letter entered before is a CONFLICT whose cause carries the stored letter, which the error
 * formatter (server/trpc.ts) hands to the client as `data.existingLetterId` for a link.
 */
function rethrowIngestError(error: unknown): never {
  if (error instanceof LetterInputError || error instanceof UnusualLetterError)
    throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  if (error instanceof DuplicateLetterError)
    throw new TRPCError({ code: 'CONFLICT', message: describeDuplicate(error.existing), cause: error });
  throw error;
}

export const lettersRouter = router({
  /** Every letter, or those behind an overview figure (year, agency, session, deputy, grade, rating). */
  list: readProcedure.input(LetterListSchema).query(async ({ ctx, input }) => {
    const [letters, ids] = await Promise.all([listLetters(ctx.db), filteredLetterIds(ctx.db, input)]);
    return ids === null ? letters : letters.filter((l) => ids.has(l.id));
  }),

  byId: readProcedure.input(LetterIdSchema).query(async ({ ctx, input }) => {
    const letter = await findLetter(ctx.db, input.id);
    if (!letter) throw new TRPCError({ code: 'NOT_FOUND', message: `找不到编号为 ${input.id} 的答复函。` });
    const items = await listCommitments(ctx.db, { letterId: input.id });
    return {
      ...letter,
      cc: letter.cc ? (JSON.parse(letter.cc) as string[]) : [],
      commitments: items.filter((c) => c.kind === 'quantified'),
      milestones: items.filter((c) => c.kind === 'milestone'),
    };
  }),

  ingest: officeProcedure.input(IngestTextSchema).mutation(({ ctx, input }) =>
    ingestLetter(ctx.db, {
      text: input.text,
      sourceName: input.sourceName ?? null,
      acceptUnusual: input.acceptUnusual ?? false,
    }).catch(rethrowIngestError),
  ),

  ingestFile: officeProcedure.input(IngestFileSchema).mutation(async ({ ctx, input }) => {
    const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
    try {
      const decoded = decodeLetter(bytes);
      return await ingestLetter(ctx.db, {
        text: decoded.text,
        sourceName: input.fileName,
        encoding: decoded.encoding,
        rawBytes: bytes,
        acceptUnusual: input.acceptUnusual ?? false,
      });
    } catch (error) {
      rethrowIngestError(error);
    }
  }),
});
