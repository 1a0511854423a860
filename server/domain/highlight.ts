/**
 * Cuts a readable excerpt around the first match of a search term and splits it into marked and
 * unmarked pieces. Done here rather than by the database so SQLite and PostgreSQL return the same
 * excerpts, and the client renders pieces as text (never as HTML from the server).
 */

export interface Piece {
  text: string;
  /** this piece is the matched term */
  match: boolean;
}

export interface Excerpt {
  pieces: Piece[];
  /** text was cut before / after the excerpt */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Case-insensitive, like the databases' trigram and ILIKE matching. */
const fold = (s: string) => s.toLowerCase();

/** null when the term does not occur in the text. */
export function excerptAround(text: string, term: string, radius = 40): Excerpt | null {
  const haystack = fold(text);
  const needle = fold(term);
  const first = needle ? haystack.indexOf(needle) : -1;
  // toLowerCase keeps the length of Chinese and ASCII text; if some letter changed length,
  // offsets would drift, so such text is shown unmarked rather than marked in the wrong place.
  if (first < 0 || haystack.length !== text.length) return null;
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + needle.length + radius * 2);
  const pieces: Piece[] = [];
  let cursor = start;
  for (
    let at = first;
    at >= 0 && at + needle.length <= end;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    if (at > cursor) pieces.push({ text: text.slice(cursor, at), match: false });
    pieces.push({ text: text.slice(at, at + needle.length), match: true });
    cursor = at + needle.length;
  }
  if (cursor < end) pieces.push({ text: text.slice(cursor, end), match: false });
  return { pieces, clippedStart: start > 0, clippedEnd: end < text.length };
}
