import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role, type Actor } from '../domain/actor';

/**
 * Without API_TOKENS, a newcomer still gets a working API: one token per role, generated once
 * into the data folder and printed at start. Production sets API_TOKENS.
 */
export function devTokens(dataDir: string): { tokens: Map<string, Actor>; file: string } {
  const file = join(dataDir, 'dev-tokens.json');
  let byRole: Record<string, string>;
  if (existsSync(file)) {
    byRole = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } else {
    byRole = Object.fromEntries(Role.options.map((r) => [r, `dev-${r}-${randomBytes(12).toString('hex')}`]));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(byRole, null, 2) + '\n', { mode: 0o600 });
  }
  const tokens = new Map<string, Actor>();
  for (const role of Role.options) if (byRole[role]) tokens.set(byRole[role], { id: `dev-${role}`, role });
  return { tokens, file };
}
