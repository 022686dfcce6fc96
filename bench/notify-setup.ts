/** Benchmark set-up in its own process: a new PGlite folder runs initdb, whose memory peak is not what is measured. argv: <pglite dir or postgres URL> <incident id prefix> <n> <rounds> */
import { openDatabase } from '../activities/store/db';
import { migrate } from '../activities/store/migrate';
import { seedRecipients } from '../test/recipients/campaign-fixtures';

async function main(): Promise<void> {
  const [dataDir, incidentId, n, rounds] = process.argv.slice(2);
  const db = await openDatabase(/^postgres(ql)?:\/\//.test(dataDir) ? { url: dataDir } : { dataDir });
  await migrate(db);
  // One incident per measured round, so each round sends to a fresh set of recipients.
  for (let round = 1; round <= Number(rounds); round++) await seedRecipients(db, `${incidentId}-${round}`, Number(n));
  await db.close();
}
main().catch((err: unknown) => { process.stderr.write(`${(err as Error).stack}\n`); process.exit(1); });
