/**
 * A page's query string read with the shared zod schema of the procedure it feeds, so the URL and
 * the server agree on what a valid year, status or page is. Each field is read on its own: a value
 * the schema refuses (year=15, status=done, district=%20) counts as absent, the rest is kept, because a
 * bookmarked or hand-edited link should still open the page rather than fail as a whole.
 */
import type { z } from 'zod';
import { ReturnPathSchema } from '../../shared/schemas/auth';
import { CommitmentListSchema } from '../../shared/schemas/commitments';
import { SummaryFilterObject } from '../../shared/schemas/dashboard';
import { LetterFilterObject, LetterListSchema } from '../../shared/schemas/letters';
import { SearchInputSchema } from '../../shared/schemas/search';

/** Query-string values are text; a field that wants a number (year, page) gets whole numbers as numbers. */
function candidates(raw: string): unknown[] {
  return /^\d{1,9}$/.test(raw) ? [raw, Number(raw)] : [raw];
}

export function readSearchParams<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  params: URLSearchParams,
): Partial<z.output<z.ZodObject<Shape>>> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const raw = params.get(key);
    // a refused value counts as absent, and absent still yields the field's default (page 1)
    for (const value of raw === null ? [undefined] : [...candidates(raw), undefined]) {
      const parsed = field.safeParse(value);
      if (!parsed.success) continue;
      // an emptied box is no filter, not a filter on ''
      if (parsed.data !== undefined && parsed.data !== '') out[key] = parsed.data;
      break;
    }
  }
  return out as Partial<z.output<z.ZodObject<Shape>>>;
}

/** The overview's filters (?year=2015&district=思明区&agency=…&session=…&deputy=…&status=overdue). */
export type OverviewFilters = Partial<z.output<typeof SummaryFilterObject>>;
export const readOverviewFilters = (params: URLSearchParams): OverviewFilters =>
  readSearchParams(SummaryFilterObject, params);

/** The commitments list's own parameters beside the overview's: part of the kept rate, kind, text, page. */
const ListOwnParams = CommitmentListSchema.unwrap().pick({ outcome: true, kind: true, q: true, page: true });
export const readListParams = (params: URLSearchParams) => readSearchParams(ListOwnParams, params);

/** The letters list: year, agency, session, deputy, and a grade or a rating from the reply figures. */
export type LetterFilters = Partial<z.output<typeof LetterFilterObject>>;
export const readLetterFilters = (params: URLSearchParams): LetterFilters =>
  readSearchParams(LetterFilterObject, params);
/** The letters list's page (?page=3), page 1 when absent or refused. */
const LetterPageParams = LetterListSchema.unwrap().pick({ page: true });
export const readLetterPage = (params: URLSearchParams): number =>
  readSearchParams(LetterPageParams, params).page ?? 1;

/** /search?q=…: the term, or nothing to search for. */
export const readSearchTerm = (params: URLSearchParams): string =>
  readSearchParams(SearchInputSchema, params).q ?? '';

/** The page sign-in returns to, or the overview. */
export const readReturnPath = (params: URLSearchParams): string =>
  readSearchParams(ReturnPathSchema, params).from ?? '/';
