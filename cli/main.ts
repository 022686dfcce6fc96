/**
 * `npm run -s cli -- <command>`:
 *   assess --facts <file.json> [--json]   which laws require which notices by when
 *   rules [--json]                        the loaded regimes, versions, citations, unverified points
 */
import { parseArgs } from 'node:util';
import { loadRuleSet, RuleFileError } from '../activities/rules/load';
import { formatAssessment, InvalidInput, readFacts, runAssessment, UsageError } from './assess';
import { formatRules } from './rules';

const USAGE = 'usage: cli assess --facts <file.json> [--json] | cli rules [--json]';

export async function run(argv: string[], out: (s: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { facts: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  switch (command) {
    case 'assess': {
      if (!values.facts) throw new UsageError(`assess needs --facts <file.json>\n${USAGE}`);
      const result = runAssessment(readFacts(values.facts));
      out(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatAssessment(result));
      return;
    }
    case 'rules': {
      const rules = loadRuleSet();
      out(values.json ? `${JSON.stringify(rules, null, 2)}\n` : formatRules(rules));
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

if (require.main === module) {
  run(process.argv.slice(2), (s) => process.stdout.write(s)).catch((err: unknown) => {
    if (err instanceof InvalidInput) {
      process.stderr.write(`invalid facts:\n${err.issues.map((i) => `  ${i}`).join('\n')}\n`);
      process.exit(2);
    }
    if (err instanceof RuleFileError || err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(err instanceof RuleFileError ? 1 : 2);
    }
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
