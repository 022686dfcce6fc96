/**
 * Benchmark set-up in its own process, so its memory peaks are not what is measured: a new PGlite
 * folder runs initdb, and the workflow bundle is built (webpack) once into its cache.
 * argv: <pglite dir or postgres URL> <incident id prefix> <n> <rounds>
 */
import { openDatabase } from '../activities/store/db';
import { migrate } from '../activities/store/migrate';
import { workflowBundlePath } from '../test/harness/bundle';
import { seedRecipients } from '../test/recipients/campaign-fixtures';

async function main(): Promise<void> {
  const [dataDir, incidentId, n, rounds] = process.argv.slice(2);
  const db = await openDatabase(/^postgres(ql)?:\/\//.test(dataDir) ? { url: dataDir } : { dataDir });
  await migrate(db);
  // One incident per measured round, so each round sends to a fresh set of recipients.
  // A third of the people live in California: GDPR and California's law both cover them (one letter each).
  for (let round = 1; round <= Number(rounds); round++)
    await seedRecipients(db, `${incidentId}-${round}`, Number(n), { region: (i) => (i % 3 === 0 ? 'US-CA' : null) });
  await db.close();
  await workflowBundlePath();
}
main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
