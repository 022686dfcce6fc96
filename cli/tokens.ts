/**
 * `npm run -s cli -- tokens <command>`, against a running engine (--api / BRE_API; --token /
 * BRE_TOKEN or the development admin token):
 *   create --person <id> --role <role> [--label <text>]   prints the token once; only its hash is kept
 *   list [--json]                                         every token: id, person, role, created, revoked
 *   revoke --id <token id>                                takes effect on the next request
 */
import { parseArgs } from 'node:util';
import { Role } from '../domain/actor';
import { UsageError } from './assess';
import { call, remoteFrom } from './remote';
import { table } from './table';

const USAGE =
  `usage: cli tokens create --person <id> --role <${Role.options.join('|')}> [--label <text>]\n` +
  '       cli tokens list [--json] | cli tokens revoke --id <token id>   [--api <url>] [--token <admin token>]';

interface TokenRow {
  id: string;
  personId: string;
  role: string;
  label: string | null;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export async function runTokens(argv: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      person: { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      id: { type: 'string' },
      json: { type: 'boolean', default: false },
      api: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const remote = () => remoteFrom(values, 'admin');
  switch (positionals[0]) {
    case 'create': {
      if (!values.person || !values.role) throw new UsageError(`tokens create needs --person and --role\n${USAGE}`);
      const role = Role.safeParse(values.role);
      if (!role.success) throw new UsageError(`--role must be one of ${Role.options.join(', ')}\n${USAGE}`);
      const created = (await call(remote(), 'POST', '/v1/tokens', {
        json: { personId: values.person, role: role.data, ...(values.label ? { label: values.label } : {}) },
      })) as TokenRow & { token: string };
      if (values.json) out(`${JSON.stringify(created, null, 2)}\n`);
      else
        out(
          `${created.token}\n` +
            `token ${created.id} for ${created.personId} (${created.role}). It is shown this once: only its hash is kept.\n`,
        );
      return 0;
    }
    case 'list': {
      const { tokens } = (await call(remote(), 'GET', '/v1/tokens')) as { tokens: TokenRow[] };
      if (values.json) out(`${JSON.stringify(tokens, null, 2)}\n`);
      else
        out(
          `${table(
            ['id', 'person', 'role', 'created', 'by', 'revoked', 'label'],
            tokens.map((t) => [
              t.id,
              t.personId,
              t.role,
              t.createdAt,
              t.createdBy,
              t.revokedAt ? `${t.revokedAt} by ${t.revokedBy}` : '-',
              t.label ?? '',
            ]),
          )}\n`,
        );
      return 0;
    }
    case 'revoke': {
      if (!values.id) throw new UsageError(`tokens revoke needs --id\n${USAGE}`);
      const t = (await call(remote(), 'DELETE', `/v1/tokens/${encodeURIComponent(values.id)}`)) as TokenRow;
      out(`revoked ${t.id} (${t.personId}, ${t.role}) at ${t.revokedAt}\n`);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
