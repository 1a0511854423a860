/** Reply letters (答复函): ingest by text or file, list, read one with its commitments. */
import {
  IngestFileSchema,
  IngestTextSchema,
  LetterIdSchema,
  LetterListSchema,
} from '../../shared/schemas/letters';
import { notFound } from '../domain/errors';
import { decodeLetter } from '../extract/index';
import { listCommitments } from '../repositories/commitments';
import { findLetter } from '../repositories/letters';
import { ingestLetter } from '../services/ingest-letter';
import { listLetters } from '../services/letter-list';
import { officeProcedure, readProcedure, router } from '../trpc';

export const lettersRouter = router({
  /** One page of the letters, or of those behind an overview figure (year, agency, session, deputy, grade, rating), with their total. */
  list: readProcedure
    .input(LetterListSchema)
    .query(({ ctx, input }) => listLetters(ctx.db, ctx.dialect, input)),

  byId: readProcedure.input(LetterIdSchema).query(async ({ ctx, input }) => {
    const letter = await findLetter(ctx.db, input.id);
    if (!letter) throw notFound('letter', input.id);
    const items = await listCommitments(ctx.db, { letterId: input.id });
    return {
      ...letter,
      cc: letter.cc ? (JSON.parse(letter.cc) as string[]) : [],
      commitments: items.filter((c) => c.kind === 'quantified'),
      milestones: items.filter((c) => c.kind === 'milestone'),
    };
  }),

  ingest: officeProcedure.input(IngestTextSchema).mutation(({ ctx, input }) =>
    ingestLetter(
      ctx.db,
      {
        text: input.text,
        sourceName: input.sourceName ?? null,
        acceptUnusual: input.acceptUnusual ?? false,
      },
      ctx.clock,
    ),
  ),

  ingestFile: officeProcedure.input(IngestFileSchema).mutation(async ({ ctx, input }) => {
    const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
    const decoded = decodeLetter(bytes);
    return ingestLetter(
      ctx.db,
      {
        text: decoded.text,
        sourceName: input.fileName,
        encoding: decoded.encoding,
        rawBytes: bytes,
        acceptUnusual: input.acceptUnusual ?? false,
      },
      ctx.clock,
    );
  }),
});
