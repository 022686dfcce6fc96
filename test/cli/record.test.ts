/** `cli record export`, `cli register export`, `cli ledger verify|record` against a running API. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Ledger } from '../../activities/ledger/ledger';
import { chromiumPath } from '../../activities/record/pdf';
import type { Db } from '../../activities/store/db';
import { buildApp } from '../../api/app';
import { IncidentNotFound, type IncidentGateway } from '../../api/gateway';
import { UsageError } from '../../cli/assess';
import { runLedger } from '../../cli/ledger';
import { run } from '../../cli/main';
import { runRecord } from '../../cli/record';
import type { Actor } from '../../domain/actor';
import { appendSteps, openLedger, tamper, unnotifiedIncident } from '../record/fixtures';

const tokens = new Map<string, Actor>([
  ['tok-auditor', { id: 'aud@example.org', role: 'auditor' }],
  ['tok-legal', { id: 'lea@example.org', role: 'legal' }],
]);
/** The engine knows no running workflow here: incidents are known by their ledger entries. */
const gateway = {
  status: async (id: string) => {
    throw new IncidentNotFound(`no incident "${id}"`);
  },
} as unknown as IncidentGateway;
const PDF_TOOLS = existsSync(chromiumPath()) && existsSync('/usr/bin/pdftotext');

describe('cli record, register and ledger', () => {
  let db: Db;
  let ledger: Ledger;
  let app: FastifyInstance;
  let api: string;
  let dir: string;
  const collect = () => {
    const chunks: (string | Uint8Array)[] = [];
    return { out: (s: string | Uint8Array) => void chunks.push(s), text: () => chunks.join('') };
  };
  const auditor = () => ['--api', api, '--token', 'tok-auditor'];

  beforeAll(async () => {
    ({ db, ledger } = await openLedger());
    await appendSteps(ledger, 'INC-small', unnotifiedIncident('Misdirected mail'));
    await appendSteps(ledger, 'DRILL-q1-20260301T080000', unnotifiedIncident('Drill run'));
    app = await buildApp({ gateway, ledger, db, tokens, assess: () => ({ ruleSet: 'x', obligations: [] }) });
    api = await app.listen({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'bre-cli-record-'));
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ledger record adds an outside step with the caller; an unknown incident or a bad payload is refused', async () => {
    const c = collect();
    const code = await runLedger(
      [
        'record',
        '--incident',
        'INC-small',
        '--action',
        'letter posted',
        '--payload',
        '{"note":"registered mail"}',
      ].concat(['--api', api, '--token', 'tok-legal']),
      c.out,
    );
    expect(code).toBe(0);
    expect(c.text()).toMatch(/^recorded seq \d+: external\.letter posted by lea@example\.org; hash [0-9a-f]{64}\n$/);
    expect((await ledger.list({ incidentId: 'INC-small' })).at(-1)).toMatchObject({
      actor: 'lea@example.org',
      action: 'external.letter posted',
      payload: { note: 'registered mail', role: 'legal' },
    });
    await expect(
      runLedger(['record', '--incident', 'INC-nope', '--action', 'call', '--api', api, '--token', 'tok-legal'], c.out),
    ).rejects.toThrow(/404 no incident "INC-nope"/);
    await expect(
      runLedger(['record', '--incident', 'INC-small', '--action', 'call', '--payload', '[1]', ...auditor()], c.out),
    ).rejects.toThrow(UsageError);
  });

  it('record export writes the page to a file; register export prints CSV without the drill', async () => {
    const file = join(dir, 'record.html');
    const c = collect();
    expect(
      await runRecord(
        ['record', 'export', '--incident', 'INC-small', '--format', 'html', '--out', file, ...auditor()],
        c.out,
      ),
    ).toBe(0);
    expect(c.text()).toMatch(/^wrote .*record\.html \(\d+ bytes\)/);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<h1>Incident record: INC-small</h1>');
    expect(html).toContain('Why no notice was given');

    const csv = collect();
    expect(await runRecord(['register', 'export', '--format', 'csv', ...auditor()], csv.out)).toBe(0);
    const lines = csv.text().trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"INC-small","Misdirected mail",/);
    expect(csv.text()).not.toContain('DRILL-');

    const json = collect();
    await runRecord(['record', 'export', '--incident', 'INC-small', '--format', 'json', ...auditor()], json.out);
    expect(JSON.parse(json.text())).toMatchObject({ incidentId: 'INC-small', chain: { ok: true } });
    await expect(runRecord(['record', 'export', '--incident', 'INC-nope', ...auditor()], json.out)).rejects.toThrow(
      /404/,
    );
    await expect(
      runRecord(['record', 'export', '--incident', 'INC-small', '--format', 'pdf', ...auditor()], json.out, true),
    ).rejects.toThrow(/not written to a terminal/);
  });

  (PDF_TOOLS ? it : it.skip)(
    `record export --format pdf writes a PDF pdftotext reads${PDF_TOOLS ? '' : ` (SKIPPED: no Chromium at ${chromiumPath()} or no /usr/bin/pdftotext)`}`,
    async () => {
      const file = join(dir, 'record.pdf');
      await runRecord(
        ['record', 'export', '--incident', 'INC-small', '--format', 'pdf', '--out', file, ...auditor()],
        () => undefined,
      );
      const text = execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Incident record: INC-small');
      expect(text).toContain('Misdirected mail');
    },
    60_000,
  );

  it('ledger verify exits 0 when intact and 1 naming the first altered seq, for the ledger and for one incident', async () => {
    const ok = collect();
    expect(await run(['ledger', 'verify', ...auditor()], ok.out)).toBe(0);
    expect(ok.text()).toMatch(/^intact: the ledger, \d+ entries verified; head [0-9a-f]{64}\n$/);
    expect(await run(['ledger', 'verify', '--incident', 'INC-small', ...auditor()], ok.out)).toBe(0);

    const [, second] = await ledger.list({ incidentId: 'INC-small' });
    await tamper(db, `UPDATE ledger_entries SET actor = 'mallory' WHERE seq = $1`, [second.seq]);
    const bad = collect();
    expect(await run(['ledger', 'verify', '--incident', 'INC-small', ...auditor()], bad.out)).toBe(1);
    expect(bad.text()).toContain(`first altered or missing seq ${second.seq}`);
    expect(bad.text()).toMatch(/hash mismatch/);
    const all = collect();
    expect(await runLedger(['verify', ...auditor()], all.out)).toBe(1);
    expect(all.text()).toContain(`ALTERED: the ledger: first altered or missing seq ${second.seq}`);
    // The drill's entries come after and are intact on their own.
    expect(await runLedger(['verify', '--incident', 'DRILL-q1-20260301T080000', ...auditor()], collect().out)).toBe(0);
  });
});
