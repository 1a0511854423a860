/**
 * What an answering body's name looks like (…局, …委员会, …人民政府, …大队): shared by the
 * signature, title and label rules for the agency and by the layout's search for the date
 * under a signature.
 */

/** The endings of agency names, as a regular-expression group. */
export const ORG_SUFFIX =
  '(?:局|委员会|委|人民政府|政府|办公室|办事处|中心|大队|支队|院|厅|部|所|站|公司|管委会|协会|联合会|馆|社|队|办)';

const ORGANISATION = new RegExp(`^[\\u4e00-\\u9fff()（）·]{2,30}${ORG_SUFFIX}$`);

/** A whole line that names an organisation, such as a signature (厦门市民政局). */
export function isOrganisationName(text: string): boolean {
  return ORGANISATION.test(text) && !/代表|委员$|[:：]/.test(text);
}
