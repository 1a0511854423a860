/**
 * Turns the browser's text selection inside a rendered letter into offsets of the letter text.
 * Each rendered run carries `data-start`, its offset in the text, so DOM positions map back exactly.
 */
function offsetOf(node: Node, offsetInNode: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>('[data-start]');
  if (!run) return null;
  const base = Number(run.dataset.start);
  if (node.nodeType !== Node.TEXT_NODE) return base;
  return Number.isFinite(base) ? base + offsetInNode : null;
}

export function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
