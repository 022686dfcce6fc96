/**
 * `npm run bench -- <name>`: runs one benchmark (or all) and writes bench/results/<name>.json.
 * Timings are reported with a baseline measured in the same run: these machines are noisy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAssess } from './assess';
import { benchNotify } from './notify';
import { benchRehearse } from './rehearse';

const BENCHES: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  assess: benchAssess,
  notify: benchNotify,
  rehearse: benchRehearse,
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const names = name ? [name] : Object.keys(BENCHES);
  for (const n of names) {
    const bench = BENCHES[n];
    if (!bench) throw new Error(`unknown benchmark "${n}"; known: ${Object.keys(BENCHES).join(', ')}`);
    const result = { benchmark: n, at: new Date().toISOString(), node: process.version, ...(await bench(args)) };
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    // A run against another store than the embedded one, or at another size than the default, keeps its
    // own file (e.g. notify-postgres.json, notify-100k.json).
    const { store, people } = result as { store?: string; people?: number };
    const suffix = [
      ...(store && store !== 'pglite' ? [store] : []),
      ...(n === 'notify' && people && people !== 20_000 ? [`${people / 1000}k`] : []),
    ];
    writeFileSync(join(dir, [n, ...suffix].join('-') + '.json'), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
