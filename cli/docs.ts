/** `npm run -s docs`: regenerates the README's role table from domain/permissions.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPermissionsTable } from '../domain/permissions-doc';

const readme = join(__dirname, '..', 'README.md');
const before = readFileSync(readme, 'utf8');
const after = withPermissionsTable(before);
if (after !== before) writeFileSync(readme, after);
process.stdout.write(after === before ? 'README.md role table is up to date\n' : 'README.md role table regenerated\n');
