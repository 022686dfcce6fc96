import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { progressLine, uploadRecipients, watchProgress } from '../../cli/remote';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

const root = join(__dirname, '..', '..');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', join(root, 'cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('cli (as a user runs it)', () => {
  it('assess --json prints the assessment; the table is sorted by due time', () => {
    const json = cli('assess', '--facts', 'examples/facts-eu-us.json', '--json');
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.ruleSet).toBe(ruleSet.version);
    expect(out.obligations.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining(['gdpr:authority:DE', 'us-ca:residents:US-CA', 'sec:8-k:US']),
    );
    const table = cli('assess', '--facts', 'examples/facts-eu-us.json');
    expect(table.status).toBe(0);
    const dues = table.stdout
      .split('\n')
      .slice(2)
      .map((l) => l.slice(0, 20))
      .filter((d) => /^\d{4}-/.test(d));
    expect(dues.length).toBeGreaterThan(3);
    expect([...dues].sort()).toEqual(dues);
  }, 60_000);

  it('invalid facts: exit code 2 and each bad field on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bre-cli-'));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ awareAt: 'yesterday', entity: { country: 'Germany' }, risk: 'severe' }),
    );
    const r = cli('assess', '--facts', join(dir, 'bad.json'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/awareAt: /);
    expect(r.stderr).toMatch(/entity\.country: /);
    expect(r.stderr).toMatch(/risk: /);
  }, 60_000);

  it('rules lists every regime with its unverified points', () => {
    const r = cli('rules');
    expect(r.status).toBe(0);
    for (const reg of ruleSet.regimes) expect(r.stdout).toContain(reg.regime);
    expect(r.stdout).toMatch(/unverified points:/);
  }, 60_000);

  it('progressLine draws a bar from the counts', () => {
    const line = progressLine(
      {
        total: 200,
        sent: 90,
        failedPermanent: 10,
        cancelled: 0,
        pending: 100,
        rate: 12.5,
        eta: '2026-03-02T10:00:00.000Z',
        paused: false,
        finished: false,
      },
      10,
    );
    expect(line).toBe('[#####.....]  50.0%  sent 90/200  failed 10  cancelled 0  12.5/s  eta 10:00:00Z');
  });
});

describe('cli against a running engine', () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  let api: string;
  beforeAll(async () => {
    env = await setupIncidentEnv();
    app = await buildApp({
      gateway: env.gateway,
      ledger: env.ledger,
      db: env.db,
      assess: (f) => assess(f, ruleSet, holidays),
      tokens: new Map([
        ['tok-responder-0000000', { id: 'rita', role: 'responder' as const }],
        ['tok-manager-00000000', { id: 'max', role: 'manager' as const }],
      ]),
    });
    api = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await env.teardown();
  });

  it('uploads a CSV, and shows a campaign progress bar to the end', async () => {
    const remote = { api, token: 'tok-responder-0000000' };
    await fetch(`${api}/v1/incidents`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-responder-0000000', 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'INC-cli',
        title: 'Leak',
        facts: {
          awareAt: '2026-03-02T09:15:00Z',
          entity: { country: 'DE' },
          affected: [{ country: 'DE', count: 3 }],
          risk: 'high',
        },
      }),
    });
    const dir = mkdtempSync(join(tmpdir(), 'bre-cli-'));
    writeFileSync(join(dir, 'people.csv'), 'email,country\na@example.net,DE\nb@example.net,DE\nc@example.net,DE\n');
    await expect(uploadRecipients(remote, 'INC-cli', join(dir, 'people.csv'))).resolves.toMatchObject({
      imported: 3,
      rejected: 0,
    });
    await expect(uploadRecipients(remote, 'INC-cli', join(dir, 'missing.csv'))).rejects.toThrow(/no such file/);

    await env.harness.sleep(1000);
    await fetch(`${api}/v1/incidents/INC-cli/notices/gdpr:individuals:DE/decision`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-manager-00000000', 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    });
    await env.harness.sleep(1000);
    const lines: string[] = [];
    const final = await watchProgress(remote, 'INC-cli', 'gdpr:individuals:DE', (s) => lines.push(s), 10);
    expect(final).toMatchObject({ total: 3, sent: 3, finished: true });
    expect(lines.at(-1)).toMatch(/100\.0% {2}sent 3\/3/);
    await expect(watchProgress(remote, 'INC-cli', 'nope', () => undefined)).rejects.toThrow(/404/);
  });
});
