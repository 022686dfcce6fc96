export * from './schema';
export * from './load';
import path from 'node:path';
import { createWordingStore, DEFAULT_LOCALES_DIR, DEFAULT_PLANS_DIR, REPO_DIR, type WordingStore } from './load';

/** The repository's templates/ folder: layouts/ and wording/. */
export const DEFAULT_TEMPLATES_DIR = path.join(REPO_DIR, 'templates');

let repo: WordingStore | null = null;

/** The repository's wording (templates/, locales/) and plans (plans/), read once per process. */
export function defaultWordingStore(): WordingStore {
  repo ??= createWordingStore({
    templatesDir: DEFAULT_TEMPLATES_DIR,
    localesDir: DEFAULT_LOCALES_DIR,
    plansDir: DEFAULT_PLANS_DIR,
  });
  return repo;
}
