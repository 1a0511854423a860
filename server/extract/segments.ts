/**
 * Sentences and clauses of the letter body. A promise and its time word usually share a
 * sentence (ended by 。!? or a line break); a clause (ended by , ; :) is the smallest unit that
 * carries its own tense (已完成… ,计划新建…). Paragraphs bound how far a sentence's tense and
 * deadline may carry over to the next sentence.
 */

export interface Clause {
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  clauses: Clause[];
}

const SENTENCE_END = new Set(['。', '!', '?', '！', '？', '\n']);
const CLAUSE_END = new Set([',', ';', ':', '，', '；', '：']);

function splitClauses(plain: string, start: number, end: number): Clause[] {
  const clauses: Clause[] = [];
  let clauseStart = start;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const ch = plain[i]!;
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_END.has(ch)) {
      if (i > clauseStart) clauses.push({ start: clauseStart, end: i });
      clauseStart = i + 1;
    }
  }
  if (end > clauseStart) clauses.push({ start: clauseStart, end });
  return clauses;
}

export function splitSentences(plain: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    const ch = i < to ? plain[i]! : '\n';
    if (!SENTENCE_END.has(ch)) continue;
    const text = plain.slice(start, i);
    if (text.trim() !== '') {
      const lead = text.length - text.trimStart().length;
      sentences.push({
        start: start + lead,
        end: i,
        paragraph,
        clauses: splitClauses(plain, start + lead, i),
      });
    }
    if (ch === '\n') paragraph++;
    start = i + 1;
  }
  return sentences;
}

export interface Line {
  start: number;
  end: number;
  /** the line without surrounding spaces */
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const raw = text.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    lines.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start = i + 1;
  }
  return lines;
}
