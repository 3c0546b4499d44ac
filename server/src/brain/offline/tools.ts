/**
 * The tool contract (names and result shapes) the offline brain reads. It lives beside the skills
 * that execute the tools; it is a shared contract like those in contracts/, so it is imported
 * directly rather than through the skills domain's index (which would load every skill).
 */
// eslint-disable-next-line no-restricted-imports -- skills/tools.ts is the skills↔brains contract, not skills internals.
export { TOOL } from '../../skills/tools.js';
// eslint-disable-next-line no-restricted-imports -- as above.
export type * from '../../skills/tools.js';
