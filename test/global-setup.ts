/** Builds, once for the whole run, what many test files need: the workflow bundle and a migrated store to copy. */
import { BUNDLE_ENV, workflowBundlePath } from './harness/bundle';
import { pgliteTemplatePath, TEMPLATE_ENV } from './store/template';

export default async function globalSetup(): Promise<void> {
  const [bundle, template] = await Promise.all([workflowBundlePath(), pgliteTemplatePath()]);
  process.env[BUNDLE_ENV] = bundle;
  process.env[TEMPLATE_ENV] = template;
}
