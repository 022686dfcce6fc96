/**
 * `npm run -s cli -- drill <command>`:
 *   schedule --id <id> --scenario <id> [--plan <id>] (--cron "<m h dom mon dow>" | --every-hours <n>) [--tz <zone>]
 *            [--participant <email>]... [--stand-in <email>] [--paused]
 *   list | describe <id> | pause <id> | unpause <id> | trigger <id> | delete <id>
 *   report <run or drill id> [--json]
 *   rehearse --scenario <id> [--plan <id>] [--delay <role>=<hours>]... [--json]
 * All but `rehearse` talk to a running engine (--api / BRE_API, --token / BRE_TOKEN or the dev tokens);
 * `rehearse` runs on its own in-process engine and exits 1 when a legal deadline is missed.
 */
import { parseArgs } from 'node:util';
import { drillVerdict } from '../activities/drills/report-html';
import { Role } from '../domain/actor';
import { label, type DrillReport } from '../domain/drill-score';
import { UsageError } from './assess';
import { call, remoteFrom } from './remote';

const USAGE =
  'usage: cli drill schedule --id <id> --scenario <id> [--plan <id>] (--cron "<expr>" | --every-hours <n>) [--tz <zone>] [--participant <email>]... [--stand-in <email>] [--paused]\n' +
  '       cli drill list | describe <id> | pause <id> | unpause <id> | trigger <id> | delete <id> | report <id> [--json]\n' +
  '       cli drill rehearse --scenario <id> [--plan <id>] [--delay <role>=<hours>]... [--json]';

/** Runs a drill command; resolves to the process exit code. */
export async function runDrill(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void = out,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      plan: { type: 'string', default: 'default' },
      scenario: { type: 'string' },
      cron: { type: 'string' },
      'every-hours': { type: 'string' },
      tz: { type: 'string', default: 'UTC' },
      participant: { type: 'string', multiple: true, default: [] },
      'stand-in': { type: 'string' },
      paused: { type: 'boolean', default: false },
      delay: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      api: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const [command, target] = positionals;
  const json = (v: unknown) => out(`${JSON.stringify(v, null, 2)}\n`);
  const needId = () =>
    target ??
    (() => {
      throw new UsageError(`drill ${command} needs an id\n${USAGE}`);
    })();
  const remote = (role: string) => remoteFrom(values, role);
  const path = (id: string, tail = '') => `/v1/drills/${encodeURIComponent(id)}${tail}`;

  switch (command) {
    case 'rehearse': {
      if (!values.scenario) throw new UsageError(`drill rehearse needs --scenario\n${USAGE}`);
      // The worker and its native core load only for a rehearsal (the other commands are API calls).
      const { rehearse } = await import('../worker/rehearsal');
      const report = await rehearse({
        planId: values.plan,
        scenarioId: values.scenario,
        responseHours: parseDelays(values.delay),
        progress: (line) => err(`${line}\n`),
      });
      if (values.json) json({ ...report, verdict: drillVerdict(report) });
      else out(formatReport(report));
      return report.missedLegalDeadline ? 1 : 0;
    }
    case 'schedule': {
      if (!values.id || !values.scenario) throw new UsageError(`drill schedule needs --id and --scenario\n${USAGE}`);
      const every = values['every-hours'] !== undefined ? Number(values['every-hours']) : undefined;
      json(
        await call(remote('manager'), 'POST', '/v1/drills', {
          json: {
            drillId: values.id,
            planId: values.plan,
            scenarioId: values.scenario,
            participants: values.participant,
            ...(values['stand-in'] ? { standIn: values['stand-in'] } : {}),
            paused: values.paused,
            schedule: {
              ...(values.cron ? { cron: values.cron } : {}),
              ...(every !== undefined ? { everyHours: every } : {}),
              timeZone: values.tz,
            },
          },
        }),
      );
      return 0;
    }
    case 'list':
      json(await call(remote('auditor'), 'GET', '/v1/drills'));
      return 0;
    case 'describe':
      json(await call(remote('auditor'), 'GET', path(needId())));
      return 0;
    case 'pause':
    case 'unpause':
      json(await call(remote('manager'), 'POST', path(needId(), `/${command}`), { json: {} }));
      return 0;
    case 'trigger':
      json(await call(remote('manager'), 'POST', path(needId(), '/trigger')));
      return 0;
    case 'delete':
      await call(remote('manager'), 'DELETE', path(needId()));
      out(`deleted drill ${target}\n`);
      return 0;
    case 'report': {
      const report = (await call(remote('auditor'), 'GET', path(needId(), '/report?format=json'))) as DrillReport;
      out(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}

function parseDelays(items: string[]): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  for (const item of items) {
    const m = /^([a-z]+)=(\d+(?:\.\d+)?)$/.exec(item);
    const role = m ? Role.safeParse(m[1]) : undefined;
    if (!m || !role?.success)
      throw new UsageError(`--delay takes <role>=<hours>, role one of ${Role.options.join(', ')} (got "${item}")`);
    out[role.data] = Number(m[2]);
  }
  return out;
}

/** The report as a plan owner reads it in a terminal. */
export function formatReport(r: DrillReport): string {
  const lines = [
    `Drill ${r.incidentId} — scenario ${r.scenarioId}, plan ${r.planId} (${r.planVersion})`,
    `${r.startedAt} → ${r.finishedAt}`,
    '',
    ...drillVerdict(r),
    '',
    'Obligations:',
    ...r.obligations.map((o) => {
      // met: true/false against a legal due time; null where the law gives no number (or the drill ended first).
      const verdict = o.met === false ? 'MISSED' : o.met ? 'met   ' : o.deliveredAt ? 'sent  ' : 'open  ';
      const due = o.dueAt ? `due ${o.dueAt}` : 'no number in the law';
      const when =
        o.marginHours !== null ? `margin ${o.marginHours} h` : o.deliveredAt ? `delivered ${o.deliveredAt}` : '';
      return `  ${verdict} ${o.id.padEnd(36)} ${due}  ${when}`.trimEnd();
    }),
    '',
    'Steps (hours from trigger; plan target):',
    ...r.steps.map(
      (s) =>
        `  ${s.metTarget === false ? '!' : ' '} ${label(s).padEnd(52)} ${s.hours === null ? 'not done' : `${s.hours} h`} (target ${s.targetHours} h)`,
    ),
    '',
    ...(r.slowest ? [`Slowest step: ${label(r.slowest)}, ${r.slowest.hours} h`] : []),
    ...(r.trend.direction ? [`Against the previous run of this scenario: ${r.trend.direction}`] : []),
    ...(r.findings.length ? ['Findings:', ...r.findings.map((f) => `  - ${f}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
