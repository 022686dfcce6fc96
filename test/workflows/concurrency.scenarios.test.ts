/**
 * Concurrent updates of one incident run one at a time (handlers.ts: a busy flag and a condition).
 * A change of facts races two approvals of the same notice; whatever order the updates arrive and
 * run in, the outcome must be one a serial order gives:
 *
 * - both approvals first: the notice goes out with the draft they approved, and the facts change
 *   finds it already sending (no redraft);
 * - the facts change first or between them: the notice is redrafted; approvals made before count
 *   against the old draft and lapse with it; approvals whose turn comes after are refused as stale
 *   or changed (or, without a content hash, count against the new draft once it is recorded).
 *
 * The ledger is replayed as a serial model (facts.updated, notice.drafted, notice.approved,
 * notice.sent in sequence order) and must agree with the final state; no notice is ever sent on
 * approvals of a draft that was replaced. Each test runs several rounds, varying the order the
 * three updates are sent in, and one run slows every ledger append so the handlers' awaits are long.
 */
import type { Activities } from '../../activities';
import type { Ledger } from '../../activities/ledger/ledger';
import type { Actor } from '../../domain/actor';
import { IncidentFacts } from '../../domain/facts';
import {
  decideNoticeUpdate,
  updateFactsUpdate,
  type Ack,
  type FactsChange,
  type IncidentInput,
} from '../../workflows/incident/messages';
import { currentApprovals } from '../../workflows/incident/state';
import { describeBackend } from '../harness';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const HOUR = 3_600_000;
const responder: Actor = { id: 'rita@example.org', role: 'responder' };
const manager: Actor = { id: 'max@example.org', role: 'manager' };
const legal: Actor = { id: 'lea@example.org', role: 'legal' };
const AUTHORITY = 'gdpr:authority:DE';
/** Why an approval may be refused when a facts change ran before its turn. */
const REFUSED_AS_STALE = /changed since you read it|being redrafted|is drafting, not awaiting approval/;

async function report(env: IncidentEnv, id: string): Promise<void> {
  const now = new Date(await env.harness.now()).toISOString();
  const input: IncidentInput = {
    incident: { id, title: 'Customer database exposed', reportedBy: responder, reportedAt: now },
    facts: IncidentFacts.parse({
      awareAt: now,
      entity: { name: 'Beispiel GmbH', country: 'DE' },
      affected: [{ country: 'DE', count: 1200 }],
      dataCategories: ['name', 'contact'],
      risk: 'risk',
      nature: 'An unprotected backup of the customer database was reachable from the internet.',
    }),
    planId: 'default',
  };
  await env.gateway.report(input);
}

interface RaceResult {
  facts: PromiseSettledResult<FactsChange>;
  approvals: { actor: Actor; result: PromiseSettledResult<Ack> }[];
  hashBefore: string;
}

/**
 * Reports an incident, waits for the authority notice's draft, then sends the facts change and
 * the two approvals at once, in the order `order` gives (0 = facts, 1 = manager, 2 = legal).
 */
async function race(env: IncidentEnv, id: string, order: number[], guarded: boolean): Promise<RaceResult> {
  await report(env, id);
  await env.harness.sleep(2 * HOUR);
  const notice = (await env.gateway.status(id)).notices.find((n) => n.id === AUTHORITY)!;
  expect(notice.status).toBe('awaiting-approval');
  const hashBefore = notice.draft!.contentHash;
  const guard = guarded ? { contentHash: hashBefore } : {};
  const calls: (() => Promise<unknown>)[] = [
    () =>
      env.gateway.update(id, updateFactsUpdate, {
        actor: responder,
        facts: { affected: [{ country: 'DE', count: 5000 }] },
        reason: 'more records found',
      }),
    () =>
      env.gateway.update(id, decideNoticeUpdate, {
        actor: manager,
        noticeId: AUTHORITY,
        decision: 'approve',
        ...guard,
      }),
    () =>
      env.gateway.update(id, decideNoticeUpdate, { actor: legal, noticeId: AUTHORITY, decision: 'approve', ...guard }),
  ];
  const settled: PromiseSettledResult<unknown>[] = [];
  const sent = await Promise.allSettled(order.map((i) => calls[i]()));
  order.forEach((i, k) => {
    settled[i] = sent[k];
  });
  // Let the redraft or the delivery that follows finish.
  await env.harness.sleep(1000);
  return {
    facts: settled[0] as PromiseSettledResult<FactsChange>,
    approvals: [
      { actor: manager, result: settled[1] as PromiseSettledResult<Ack> },
      { actor: legal, result: settled[2] as PromiseSettledResult<Ack> },
    ],
    hashBefore,
  };
}

/**
 * Replays the incident's ledger as a serial execution and checks it against the updates' answers
 * and the final state. Returns the serial order it shows: F for the facts change, A for a counted
 * approval (refused approvals leave no entry).
 */
async function checkSerial(env: IncidentEnv, id: string, r: RaceResult): Promise<string> {
  expect(r.facts.status).toBe('fulfilled');
  const entries = (await env.ledger.list({ incidentId: id })).filter(
    (e) =>
      e.action === 'facts.updated' ||
      ((e.payload as { noticeId?: string }).noticeId === AUTHORITY &&
        /^notice\.(drafted|approved|rejected|sent)$/.test(e.action)),
  );

  let hash: string | undefined;
  let stale = false;
  let sending = false;
  let redraftExpected = false;
  const approvers = new Map<string, string[]>();
  const approversOf = (h: string | undefined) => approvers.get(h ?? '') ?? [];
  let order = '';
  for (const e of entries) {
    const p = e.payload as { contentHash?: string; approvals?: number; approvers?: string[] };
    const at = `${e.action} (seq ${e.seq})`;
    switch (e.action) {
      case 'notice.drafted':
        expect([at, sending]).toEqual([at, false]);
        hash = p.contentHash;
        stale = false;
        break;
      case 'facts.updated':
        order += 'F';
        // A notice already approved is sending and keeps its draft; any other is redrafted.
        if (!sending) {
          stale = true;
          redraftExpected = true;
        }
        break;
      case 'notice.approved': {
        order += 'A';
        // Never an approval between a facts change and the redraft it causes, never of an older draft.
        expect([at, stale, p.contentHash]).toEqual([at, false, hash]);
        const list = [...approversOf(hash), e.actor];
        approvers.set(hash!, list);
        expect([at, p.approvals]).toEqual([at, new Set(list).size]);
        if (new Set(list).size >= 2) sending = true;
        break;
      }
      case 'notice.rejected':
        throw new Error(`unexpected ${at}`);
      case 'notice.sent':
        // Sent only on two approvals of the draft that is current, never of one that was replaced.
        expect([at, stale, sending, [...(p.approvers ?? [])].sort()]).toEqual([
          at,
          false,
          true,
          [...new Set(approversOf(hash))].sort(),
        ]);
        break;
    }
  }

  // The updates' answers agree with the ledger.
  expect(stale).toBe(false); // a facts change that redrafted was followed by the redraft
  const accepted = r.approvals.filter((a) => a.result.status === 'fulfilled').map((a) => a.actor.id);
  expect(
    entries
      .filter((e) => e.action === 'notice.approved')
      .map((e) => e.actor)
      .sort(),
  ).toEqual([...accepted].sort());
  for (const a of r.approvals)
    if (a.result.status === 'rejected') expect(String(a.result.reason)).toMatch(REFUSED_AS_STALE);
  const change = (r.facts as PromiseFulfilledResult<FactsChange>).value;
  expect(change.redrafted.includes(AUTHORITY)).toBe(redraftExpected);

  // And the state agrees with the ledger.
  const notice = (await env.gateway.status(id)).notices.find((n) => n.id === AUTHORITY)!;
  expect(notice.draft!.contentHash).toBe(hash);
  expect(
    currentApprovals(notice)
      .map((d) => d.by)
      .sort(),
  ).toEqual([...new Set(approversOf(hash))].sort());
  expect(notice.status).toBe(sending ? 'sent' : 'awaiting-approval');
  expect(entries.filter((e) => e.action === 'notice.sent')).toHaveLength(sending ? 1 : 0);
  if (sending) {
    // Both approvals ran before the change: the notice went out with the draft they read.
    expect(order).toBe('AAF');
    expect(hash).toBe(r.hashBefore);
  } else {
    expect(hash).not.toBe(r.hashBefore);
    expect(order).toMatch(/^A?F/);
  }
  return order;
}

describe(`concurrent updates of one incident [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  afterEach(async () => {
    await env.teardown();
  });

  /** Every order the three updates can be sent in. */
  const ORDERS = [
    [0, 1, 2],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
  ];

  it.each([
    ['with the content hash they read', true],
    ['without a content hash', false],
  ])(
    'a facts change racing two approvals %s ends as a serial order would, and the ledger agrees',
    async (_label, guarded) => {
      env = await setupIncidentEnv();
      for (const [k, order] of ORDERS.entries()) {
        const id = `INC-race-${guarded ? 'g' : 'u'}${k}`;
        await checkSerial(env, id, await race(env, id, order, guarded));
      }
      // Every notice sent went out once, by mail to the authority.
      const sent = (await Promise.all(ORDERS.map((_o, k) => env.actions(`INC-race-${guarded ? 'g' : 'u'}${k}`))))
        .flat()
        .filter((a) => a === 'notice.sent');
      expect(env.mails()).toHaveLength(sent.length);
      expect(await env.ledger.verify()).toMatchObject({ ok: true });
    },
  );

  it('with every ledger append slowed down (long awaits inside the handlers), the outcome is still a serial order', async () => {
    const box: { ledger?: Ledger } = {};
    const appendLedger: Activities['appendLedger'] = async (entry) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const row = await box.ledger!.append(entry);
      return { seq: row.seq, hash: row.hash };
    };
    env = await setupIncidentEnv(undefined, { appendLedger });
    box.ledger = env.ledger;
    for (const [k, order] of ORDERS.entries()) {
      const id = `INC-race-slow${k}`;
      await checkSerial(env, id, await race(env, id, order, k % 2 === 0));
    }
    expect(await env.ledger.verify()).toMatchObject({ ok: true });
  });
});
