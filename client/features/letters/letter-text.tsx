/** The letter as the user sees it, each commitment's span highlighted and addressable. */
import { useMemo } from 'react';
import { type Span, segmentText } from './segment-text';

export function LetterText({
  text,
  spans,
  activeId,
}: {
  text: string;
  spans: readonly (Span & { kind: 'quantified' | 'milestone' })[];
  activeId: number | null;
}) {
  const runs = useMemo(() => segmentText(text, spans), [text, spans]);
  const kinds = useMemo(() => new Map(spans.map((s) => [s.id, s.kind])), [spans]);
  return (
    <div className="letter-text" lang="zh-CN">
      {runs.map((run) => {
        if (run.ids.length === 0) return <span key={run.start}>{run.text}</span>;
        const id = run.ids[0] ?? 0;
        const kind = kinds.get(id) ?? 'quantified';
        const active = activeId !== null && run.ids.includes(activeId);
        return (
          <mark
            key={run.start}
            id={`span-${id}-${run.start}`}
            data-commitment={run.ids.join(' ')}
            className={`span span-${kind}${active ? ' span-active' : ''}`}
          >
            {run.text}
          </mark>
        );
      })}
    </div>
  );
}
