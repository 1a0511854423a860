/**
 * Dated promises without a number (年内…印发职能清单): worth tracking as done / not done.
 * A milestone is a promising clause with a forward time word in a sentence that holds no
 * numeric commitment; the quote runs from the time word to the end of its sentence.
 */
import type { ExtractedCommitment, ExtractedMilestone } from '../../shared/extraction';
import type { SentenceReading } from './analysis';
import { milestoneConfidence } from './confidence';
import { type Heading, sectionAt } from './sections';
import { type LetterView, originalSpan } from './view';

const MAX_QUOTE = 120;
const PLAN_LABEL = /^\s*度?(?:工作)?(?:计划|打算|安排|要点|思路)\s*[:：]?\s*$/;

export function findMilestones(
  view: LetterView,
  readings: readonly SentenceReading[],
  headings: readonly Heading[],
  commitments: readonly ExtractedCommitment[],
): ExtractedMilestone[] {
  const milestones: ExtractedMilestone[] = [];
  // sentences and commitments both run in text order: walk them together
  const starts = commitments.map((c) => c.start).sort((a, b) => a - b);
  let next = 0;
  for (const reading of readings) {
    if (reading.isHeading || reading.rejected) continue;
    const { sentence } = reading;
    const from = view.toOriginal[sentence.start]!;
    const to = view.toOriginal[sentence.end - 1]! + 1;
    while (next < starts.length && starts[next]! < from) next++;
    if (next < starts.length && starts[next]! < to) continue;
    const promising = reading.clauses.filter((clause) => clause.tense === 'future' && !clause.cues.restating);
    const word = promising.flatMap((clause) => clause.timeWords).find((w) => w.future && w.year !== null);
    if (!word) continue;
    // 2022年工作计划: only announces the items below it, which are dated by it
    if (PLAN_LABEL.test(view.plain.slice(word.end, sentence.end))) continue;
    const end = Math.min(sentence.end, word.start + MAX_QUOTE);
    const span = originalSpan(view, word.start, end);
    const confidence = milestoneConfidence(
      promising.some((c) => c.cues.strongFuture),
      reading.clauses.some((c) => c.cues.past && !c.cues.softPastOnly),
    );
    milestones.push({
      ...span,
      deadlineYear: word.year,
      section: sectionAt(headings, word.start),
      confidence,
    });
  }
  return milestones;
}
