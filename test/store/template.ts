/** A migrated, empty in-memory store per test, from the cached template (see worker/store-template.ts). */
import type { Db } from '../../activities/store/db';
import { openThrowawayDatabase, pgliteTemplatePath } from '../../worker/store-template';

export const TEMPLATE_ENV = 'BRE_PGLITE_TEMPLATE';
export { pgliteTemplatePath };

export function openTestDatabase(): Promise<Db> {
  return openThrowawayDatabase(process.env[TEMPLATE_ENV]);
}
