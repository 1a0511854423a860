/** The letter as the user sees it, each commitment's span highlighted and addressable. */
import { forwardRef, useMemo } from 'react';
import { type Span, segmentText } from '../lib/segment-text';

export interface HighlightSpan extends Span {
  /** CSS modifier: the item's kind or status */
  tone: string;
}

export const LetterText = forwardRef<
  HTMLDivElement,
  { text: string; spans: readonly HighlightSpan[]; activeId: number | null }
>(function LetterText({ text, spans, activeId }, ref) {
  const runs = useMemo(() => segmentText(text, spans), [text, spans]);
  const tones = useMemo(() => new Map(spans.map((s) => [s.id, s.tone])), [spans]);
  return (
    <div className="letter-text" lang="zh-CN" ref={ref}>
      {runs.map((run) => {
        if (run.ids.length === 0) {
          return (
            <span key={run.start} data-start={run.start}>
              {run.text}
            </span>
          );
        }
        const id = run.ids[0] ?? 0;
        const active = activeId !== null && run.ids.includes(activeId);
        return (
          <mark
            key={run.start}
            data-start={run.start}
            data-commitment={run.ids.join(' ')}
            className={`span span-${tones.get(id) ?? 'quantified'}${active ? ' span-active' : ''}`}
          >
            {run.text}
          </mark>
        );
      })}
    </div>
  );
});
