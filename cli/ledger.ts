/**
 * `npm run -s cli -- ledger verify [--incident <id>]`: exit 0 when the chain is intact, 1 naming the
 * first altered or missing seq.
 * `npm run -s cli -- ledger record --incident <id> --action <text> [--payload <json object>]`: a step
 * done outside the engine (a call to the regulator, a letter posted) joins the chain with the
 * caller's identity; an unknown incident is refused.
 * Both talk to a running engine (--api / BRE_API, --token / BRE_TOKEN or the dev tokens).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './assess';
import { call, remoteFrom } from './remote';

const USAGE =
  'usage: cli ledger verify [--incident <id>]\n' +
  '       cli ledger record --incident <id> --action <text> [--payload <json object>]   [--api <url>] [--token <t>]';

type Verified =
  { ok: true; count: number; head: string } | { ok: false; count: number; firstBadSeq: number; reason: string };

export async function runLedger(argv: string[], out: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      incident: { type: 'string' },
      action: { type: 'string' },
      payload: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
    },
  });
  switch (command) {
    case 'verify': {
      const query = values.incident ? `?incidentId=${encodeURIComponent(values.incident)}` : '';
      const v = (await call(remoteFrom(values, 'auditor'), 'GET', `/v1/ledger/verify${query}`)) as Verified;
      const what = values.incident ? `the entries of incident ${values.incident}` : 'the ledger';
      if (v.ok) {
        out(`intact: ${what}, ${v.count} entries verified; head ${v.head}\n`);
        return 0;
      }
      out(
        `ALTERED: ${what}: first altered or missing seq ${v.firstBadSeq} (${v.count} entries verified before it)\n  ${v.reason}\n`,
      );
      return 1;
    }
    case 'record': {
      if (!values.incident || !values.action)
        throw new UsageError(`ledger record needs --incident and --action\n${USAGE}`);
      let payload: unknown;
      if (values.payload !== undefined) {
        try {
          payload = JSON.parse(values.payload);
        } catch (err) {
          throw new UsageError(`--payload is not JSON: ${(err as Error).message}`);
        }
        if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
          throw new UsageError('--payload must be a JSON object, e.g. \'{"note": "called the DPA hotline"}\'');
      }
      const res = (await call(
        remoteFrom(values, 'responder'),
        'POST',
        `/v1/incidents/${encodeURIComponent(values.incident)}/ledger-entries`,
        { json: { action: values.action, ...(payload ? { payload } : {}) } },
      )) as { entry: { seq: number; action: string; actor: string; hash: string } };
      out(`recorded seq ${res.entry.seq}: ${res.entry.action} by ${res.entry.actor}; hash ${res.entry.hash}\n`);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
