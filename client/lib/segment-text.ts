/**
 * Cuts a letter's text into runs so each commitment span can be highlighted, even when spans
 * overlap (30个A和6个B share a sentence). Each run lists the commitments that cover it.
 */
export interface Span {
  id: number;
  start: number;
  end: number;
}

export interface TextRun {
  text: string;
  start: number;
  ids: number[];
}

export function segmentText(text: string, spans: readonly Span[]): TextRun[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? text.length;
    const ids = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const previous = runs.at(-1);
    if (previous && ids.length === 0 && previous.ids.length === 0) previous.text += text.slice(start, end);
    else runs.push({ text: text.slice(start, end), start, ids });
  }
  return runs;
}
