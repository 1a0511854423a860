/**
 * The People's Congress session (会议) a suggestion was made at, read from its reference number:
 * 市十四届人大四次会议第260号 → 市十四届人大四次会议. The session is the reference without its
 * trailing number (第260号, 代表建议第106号, 第A12号); a reference that is only a number (第261号)
 * names no session (null). Suggestions store the reference as the letter cites it, so one session
 * spelled two ways in two letters is two sessions here.
 */
const TRAILING_NUMBER =
  /\s*(?:代表建议|建议|提案)?\s*第?\s*(?:[A-Za-z]{0,4}\d+|[一二三四五六七八九十百零〇]+)\s*[号號]\s*$/;

export function sessionOfRef(ref: string | null | undefined): string | null {
  if (!ref) return null;
  const session = ref.replace(TRAILING_NUMBER, '').trim();
  return session.length > 0 ? session : null;
}
