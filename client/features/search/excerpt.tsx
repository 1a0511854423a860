/** An excerpt with the search term wrapped in <mark>; pieces are text, never HTML. */
export interface ExcerptData {
  pieces: { text: string; match: boolean }[];
  clippedStart: boolean;
  clippedEnd: boolean;
}

export function Excerpt({ excerpt }: { excerpt: ExcerptData }) {
  return (
    <>
      {excerpt.clippedStart && '…'}
      {excerpt.pieces.map((piece, index) =>
        piece.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces never reorder
          <mark key={index} className="search-hit">
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
      {excerpt.clippedEnd && '…'}
    </>
  );
}
