/** CLI commands that talk to a running engine over its HTTP API. */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UsageError } from './assess';

export interface Remote {
  api: string;
  token: string;
}

/** --api / BRE_API (default the local engine); --token / BRE_TOKEN, else the dev token for `role`. */
export function remoteFrom(values: { api?: string; token?: string }, role: string): Remote {
  const api = (values.api ?? process.env.BRE_API ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  let token = values.token ?? process.env.BRE_TOKEN;
  const devFile = join(process.env.DATA_DIR ?? './data', 'dev-tokens.json');
  if (!token && existsSync(devFile))
    token = (JSON.parse(readFileSync(devFile, 'utf8')) as Record<string, string>)[role];
  if (!token) throw new UsageError('no API token: pass --token or set BRE_TOKEN');
  return { api, token };
}

type Body = { stream: Readable; type: string } | { json: unknown };

export async function call(remote: Remote, method: string, path: string, body?: Body): Promise<unknown> {
  let res: Response;
  const payload = !body
    ? {}
    : 'json' in body
      ? { body: JSON.stringify(body.json), headers: { 'content-type': 'application/json' } }
      : { body: Readable.toWeb(body.stream) as ReadableStream, duplex: 'half', headers: { 'content-type': body.type } };
  try {
    res = await fetch(`${remote.api}${path}`, {
      method,
      ...payload,
      headers: { authorization: `Bearer ${remote.token}`, ...('headers' in payload ? payload.headers : {}) },
    } as RequestInit);
  } catch (err) {
    throw new UsageError(
      `cannot reach the engine at ${remote.api} (${(err as Error).message}); is \`npm start\` running?`,
    );
  }
  if (res.status === 204) return {};
  const json = (await res.json().catch(() => ({}))) as {
    message?: string;
    issues?: { path: string; message: string }[];
  };
  if (!res.ok) {
    const issues = json.issues?.map((i) => `\n  ${i.path}: ${i.message}`).join('') ?? '';
    throw new UsageError(`${method} ${path}: ${res.status} ${json.message ?? res.statusText}${issues}`);
  }
  return json;
}

export async function uploadRecipients(remote: Remote, incidentId: string, file: string): Promise<unknown> {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return call(remote, 'POST', `/v1/incidents/${encodeURIComponent(incidentId)}/recipients`, {
    stream: createReadStream(file),
    type: 'text/csv',
  });
}

interface Progress {
  total: number;
  sent: number;
  failedPermanent: number;
  cancelled: number;
  pending: number;
  rate: number;
  eta: string | null;
  paused: boolean;
  finished: boolean;
}

export function progressLine(p: Progress, width = 30): string {
  const done = p.sent + p.failedPermanent + p.cancelled;
  const share = p.total ? done / p.total : 1;
  const filled = Math.round(share * width);
  const eta = p.finished ? 'done' : p.paused ? 'paused' : p.eta ? `eta ${p.eta.slice(11, 19)}Z` : 'eta ?';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}%  sent ${p.sent}/${p.total}  failed ${p.failedPermanent}  cancelled ${p.cancelled}  ${p.rate}/s  ${eta}`;
}

/** Polls a campaign's progress and redraws one line until it finishes. */
export async function watchProgress(
  remote: Remote,
  incidentId: string,
  noticeId: string,
  out: (s: string) => void,
  intervalMs = 1000,
): Promise<Progress> {
  const path = `/v1/incidents/${encodeURIComponent(incidentId)}/notices/${encodeURIComponent(noticeId)}/progress`;
  const tty = process.stdout.isTTY === true;
  for (;;) {
    const p = (await call(remote, 'GET', path)) as Progress;
    out(tty ? `\r${progressLine(p)}` : `${progressLine(p)}\n`);
    if (p.finished) {
      if (tty) out('\n');
      return p;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
