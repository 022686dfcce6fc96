/**
 * `npm start` offline, as a newcomer without internet runs it: Temporal's dev server cannot be
 * downloaded, so the engine runs on the in-process dev server in real time, says so, and works.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(__dirname, '..', '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('npm start without internet', () => {
  let child: ChildProcess;
  let dir: string;
  const logs: { msg: string; level: number }[] = [];
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bre-offline-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--require', 'tsx/cjs', join(root, 'cli/start.ts')], {
      cwd: root,
      // A proxy that refuses connections makes "offline" certain even on a machine with internet.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        DATA_DIR: join(dir, 'data'),
        OUTBOX_DIR: join(dir, 'outbox'),
        PORT: String(port),
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        https_proxy: 'http://127.0.0.1:9',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        try {
          const entry = JSON.parse(line) as { msg: string; level: number };
          logs.push(entry);
          if (/breach response engine ready/.test(entry.msg)) resolve();
        } catch {
          // the worker's own log lines are not JSON
        }
      });
    });
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('says in one warning that it runs in memory and how to get a durable Temporal', () => {
    const banners = logs.filter((l) => l.level === 40 && /in-process dev server/.test(l.msg));
    expect(banners).toHaveLength(1);
    expect(banners[0].msg).toMatch(
      /IN MEMORY, running incidents do not survive a restart \(the ledger and the store do\)/,
    );
    expect(banners[0].msg).toMatch(/TEMPORAL_ADDRESS/);
  });

  it('reports the engine on /health without a token', async () => {
    const health = (await (await fetch(`${base}/health`)).json()) as { temporal: { kind: string; durable: boolean } };
    expect(health.temporal).toMatchObject({ kind: 'in-process-dev-server', durable: false });
  });

  it('runs an incident: obligations, two approvals, the mail in the outbox, a verified ledger', async () => {
    const tokens = JSON.parse(readFileSync(join(dir, 'data', 'dev-tokens.json'), 'utf8')) as Record<string, string>;
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    // The example's awareness is a fixed day; an hour ago keeps GDPR's 72 h open whatever day the test runs.
    const facts = {
      ...(JSON.parse(readFileSync(join(root, 'examples', 'facts-eu-us.json'), 'utf8')) as object),
      awareAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    expect(
      (
        await call(tokens.responder, 'POST', '/v1/incidents', {
          id: 'INC-offline',
          title: 'Customer DB exposed',
          facts,
        })
      ).status,
    ).toBe(201);

    type Status = { notices: { id: string; status: string; draft?: { contentHash: string } }[] };
    const status = async () =>
      (await call(tokens.manager, 'GET', '/v1/incidents/INC-offline')).body as unknown as Status;
    let notice: Status['notices'][number] | undefined;
    for (let i = 0; i < 100 && notice?.status !== 'awaiting-approval'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      notice = (await status()).notices.find((n) => n.id === 'gdpr:authority:DE');
    }
    expect(notice?.status).toBe('awaiting-approval');
    for (const token of [tokens.manager, tokens.legal]) {
      const r = await call(token, 'POST', '/v1/incidents/INC-offline/notices/gdpr:authority:DE/decision', {
        decision: 'approve',
        contentHash: notice!.draft!.contentHash,
      });
      expect(`${r.status} ${JSON.stringify(r.body)}`).toMatch(/^200 /);
    }
    for (let i = 0; i < 100 && notice?.status !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      notice = (await status()).notices.find((n) => n.id === 'gdpr:authority:DE');
    }
    expect(notice?.status).toBe('sent');
    const mails = readdirSync(join(dir, 'outbox'));
    expect(mails).toHaveLength(1);
    expect(readFileSync(join(dir, 'outbox', mails[0]), 'utf8')).toMatch(/^To: mailbox@datenschutz-berlin\.example/m);
    const verify = await call(tokens.auditor, 'GET', '/v1/ledger/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });
});
