/**
 * `npm run -s cli -- record export --incident <id> --format json|html|pdf [--out <file>]`
 * `npm run -s cli -- register export --format csv|json [--out <file>]`
 * Both read a running engine's API (--api / BRE_API, --token / BRE_TOKEN or the auditor's dev token).
 * Without --out the export goes to standard output (a PDF only when it is not a terminal).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from './assess';
import { remoteFrom, type Remote } from './remote';

const USAGE =
  'usage: cli record export --incident <id> --format json|html|pdf [--out <file>]\n' +
  '       cli register export --format csv|json [--out <file>]   [--api <url>] [--token <t>]';

export type Output = (s: string | Uint8Array) => void;

/** GETs an export as bytes; a refusal becomes a UsageError carrying the API's message. */
export async function fetchExport(remote: Remote, path: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(`${remote.api}${path}`, { headers: { authorization: `Bearer ${remote.token}` } });
  } catch (err) {
    throw new UsageError(
      `cannot reach the engine at ${remote.api} (${(err as Error).message}); is \`npm start\` running?`,
    );
  }
  const body = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) {
    let message = res.statusText;
    try {
      message = (JSON.parse(Buffer.from(body).toString('utf8')) as { message?: string }).message ?? message;
    } catch {
      // not JSON: the status text says enough
    }
    throw new UsageError(`GET ${path}: ${res.status} ${message}`);
  }
  return body;
}

export async function runRecord(argv: string[], out: Output, isTty = process.stdout.isTTY === true): Promise<number> {
  const [noun, verb, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      incident: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (verb !== 'export') throw new UsageError(USAGE);
  let path: string;
  let format: string;
  if (noun === 'record') {
    format = values.format ?? 'json';
    if (!values.incident) throw new UsageError(`record export needs --incident\n${USAGE}`);
    if (!['json', 'html', 'pdf'].includes(format)) throw new UsageError(`--format must be json, html or pdf\n${USAGE}`);
    path = `/v1/incidents/${encodeURIComponent(values.incident)}/record?format=${format}`;
  } else if (noun === 'register') {
    format = values.format ?? 'csv';
    if (!['json', 'csv'].includes(format)) throw new UsageError(`--format must be csv or json\n${USAGE}`);
    path = `/v1/register?format=${format}`;
  } else {
    throw new UsageError(USAGE);
  }
  if (format === 'pdf' && !values.out && isTty)
    throw new UsageError('a PDF is not written to a terminal: pass --out <file> or redirect the output');
  const body = await fetchExport(remoteFrom(values, 'auditor'), path);
  if (values.out) {
    writeFileSync(values.out, body);
    out(`wrote ${values.out} (${body.length} bytes)\n`);
  } else {
    out(format === 'pdf' ? body : Buffer.from(body).toString('utf8'));
  }
  return 0;
}
