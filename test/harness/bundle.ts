/** The workflow bundle, built once per jest run (by globalSetup); see worker/bundle.ts. */
export { workflowBundlePath, WORKFLOWS_DIR as WORKFLOWS_PATH } from '../../worker/bundle';
export const BUNDLE_ENV = 'BRE_WORKFLOW_BUNDLE';
