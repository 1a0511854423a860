/** Whether a 督办 follow-up was answered late: after its due date, or not at all once it passed. */

export interface FollowUpTiming {
  /** YYYY-MM-DD, null: no deadline set */
  dueDate: string | null;
  /** ISO timestamp of the answer, null while unanswered */
  respondedAt: string | null;
}

/** A 督办 follow-up as the wire carries it. */
export interface FollowUp extends FollowUpTiming {
  id: number;
  commitmentId: number;
  request: string;
  requestedBy: number | null;
  response: string | null;
  respondedBy: number | null;
  createdAt: string;
}

/** A due date is met by an answer on that day, so only the day of the answer is compared. */
export function answeredLate(followUp: FollowUpTiming, today: string): boolean {
  if (followUp.dueDate === null) return false;
  if (followUp.respondedAt === null) return today > followUp.dueDate;
  return followUp.respondedAt.slice(0, 10) > followUp.dueDate;
}
