/**
 * Every in-place edit of a commitment names the version it was made from (issue 12): tests that
 * edit without having shown the item first read it the way its page would.
 */
import type { createCaller } from '../../server/routers/_app';

export async function versionOf(api: ReturnType<typeof createCaller>, id: number): Promise<number> {
  return (await api.commitments.byId({ id })).version;
}
