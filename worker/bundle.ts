/**
 * The workflow bundle, built with the same webpack build a worker does and cached by the content of
 * the sources it can include: the rehearsal CLI and the tests start in seconds instead of rebuilding.
 */
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { join } from 'node:path';
import { cachedBuild } from './build-cache';

export const WORKFLOWS_DIR = join(__dirname, '..', 'workflows');

/** Path of a bundle of workflows/ matching the current sources, building it when needed. */
export function workflowBundlePath(): Promise<string> {
  // The bundle can include workflows/, domain/ and (types only) activities/.
  return cachedBuild('bre-workflow-bundle', 'js', ['workflows', 'domain', 'activities'], async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_DIR, logger: new DefaultLogger('WARN') });
    return code;
  });
}
