/**
 * `npm run -s cli -- <command>`:
 *   assess --facts <file.json> [--json]   which laws require which notices by when
 *   rules [--json]                        the loaded regimes, versions, citations, unverified points
 *   recipients --incident <id> --file <f.csv>       import affected people into a running engine
 *   progress --incident <id> --notice <notice id>   a progress bar for a mass notification
 *   drill ...                             schedules, reports and rehearsals of drills (cli drill for usage)
 *   record export --incident <id> --format json|html|pdf [--out <f>]   an incident's accountability record
 *   register export --format csv|json [--out <f>]                      the breach register (drills excluded)
 *   ledger verify [--incident <id>] | ledger record --incident <id> --action <text> [--payload <json>]
 *   tokens create|list|revoke ...         hashed API tokens (cli tokens for usage)
 * (the last three talk to the engine's API: --api / BRE_API, --token / BRE_TOKEN or the dev tokens)
 */
import { parseArgs } from 'node:util';
import { loadRuleSet, RuleFileError } from '../activities/rules/load';
import { formatAssessment, InvalidInput, readFacts, runAssessment, UsageError } from './assess';
import { formatRules } from './rules';
import { runDrill } from './drill';
import { runLedger } from './ledger';
import { runRecord } from './record';
import { runTokens } from './tokens';
import { remoteFrom, uploadRecipients, watchProgress } from './remote';

const USAGE =
  'usage: cli assess --facts <file.json> [--json] | cli rules [--json]\n' +
  '       cli recipients --incident <id> --file <f.csv> | cli progress --incident <id> --notice <notice id>   [--api <url>] [--token <t>]';

export async function run(argv: string[], out: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'drill') return runDrill(rest, out, (s) => process.stderr.write(s));
  if (command === 'record' || command === 'register')
    return runRecord(argv, (s) => (typeof s === 'string' ? out(s) : process.stdout.write(s)));
  if (command === 'ledger') return runLedger(rest, out);
  if (command === 'tokens') return runTokens(rest, out);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      facts: { type: 'string' },
      json: { type: 'boolean', default: false },
      incident: { type: 'string' },
      notice: { type: 'string' },
      file: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
    },
  });
  switch (command) {
    case 'assess': {
      if (!values.facts) throw new UsageError(`assess needs --facts <file.json>\n${USAGE}`);
      const result = runAssessment(readFacts(values.facts));
      out(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatAssessment(result));
      return 0;
    }
    case 'rules': {
      const rules = loadRuleSet();
      out(values.json ? `${JSON.stringify(rules, null, 2)}\n` : formatRules(rules));
      return 0;
    }
    case 'recipients': {
      if (!values.incident || !values.file) throw new UsageError(`recipients needs --incident and --file\n${USAGE}`);
      const report = await uploadRecipients(remoteFrom(values, 'responder'), values.incident, values.file);
      out(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    case 'progress': {
      if (!values.incident || !values.notice) throw new UsageError(`progress needs --incident and --notice\n${USAGE}`);
      await watchProgress(remoteFrom(values, 'responder'), values.incident, values.notice, out);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}

if (require.main === module) {
  run(process.argv.slice(2), (s) => process.stdout.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof InvalidInput) {
        process.stderr.write(`invalid facts:\n${err.issues.map((i) => `  ${i}`).join('\n')}\n`);
        process.exit(2);
      }
      if (
        err instanceof RuleFileError ||
        err instanceof UsageError ||
        (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ) {
        process.stderr.write(`${(err as Error).message}\n`);
        process.exit(err instanceof RuleFileError ? 1 : 2);
      }
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
