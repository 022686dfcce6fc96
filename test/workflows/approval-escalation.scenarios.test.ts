/**
 * Escalation of a pending approval: at 50 % and 80 % of the time from the draft to the due time
 * (the default plan's `approvals.escalateAt`), the escalation chain's first and second roles
 * (admin, then legal) are mailed and the ledger says so; an approval or a rejection ends it; in a
 * drill only participants are written to.
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { createDrillStore } from '../../activities/drills/store';
import type { LedgerEntry } from '../../activities/ledger/ledger';
import { IncidentFacts } from '../../domain/facts';
import { decideNoticeUpdate, type IncidentInput } from '../../workflows/incident/messages';
import { describeBackend } from '../harness';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const responder = { id: 'rita@example.org', role: 'responder' as const };
const manager = { id: 'max@example.org', role: 'manager' as const };
const legal = { id: 'lea@example.org', role: 'legal' as const };
const AUTHORITY = 'gdpr:authority:DE';
const ESCALATED = 'notice.approval-escalated';

async function report(env: IncidentEnv, id: string, drill?: IncidentInput['drill']): Promise<number> {
  const now = await env.harness.now();
  await env.gateway.report({
    incident: {
      id,
      title: 'Customer database exposed',
      reportedBy: responder,
      reportedAt: new Date(now).toISOString(),
    },
    facts: IncidentFacts.parse({
      awareAt: new Date(now).toISOString(),
      entity: { name: 'Beispiel GmbH', country: 'DE' },
      affected: [{ country: 'DE', count: 1200 }],
      dataCategories: ['name', 'contact'],
      risk: 'risk',
    }),
    planId: 'default',
    ...(drill ? { drill } : {}),
  });
  return now;
}

const escalations = async (env: IncidentEnv, id: string): Promise<LedgerEntry[]> =>
  (await env.ledger.list({ incidentId: id })).filter((e) => e.action === ESCALATED);

/** The approval escalations mailed so far, parsed. */
async function approvalMails(env: IncidentEnv): Promise<ParsedMail[]> {
  const all = await Promise.all(env.mails().map((m) => simpleParser(m)));
  return all.filter((m) => /Approval pending/.test(m.subject ?? ''));
}
const toOf = (m: ParsedMail) => (m.to as AddressObject).value.map((a) => a.address);

/** Advances virtual time to `at` (ms since the epoch). */
async function until(env: IncidentEnv, at: number): Promise<void> {
  const now = await env.harness.now();
  if (at > now) await env.harness.sleep(at - now);
}

describe(`approval escalation [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv();
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('mails admin at 50 % and legal at 80 % of the time to the deadline; approval or rejection stops it', async () => {
    const t0 = await report(env, 'INC-esc-pending');
    await report(env, 'INC-esc-approved');
    await report(env, 'INC-esc-rejected');
    const due = t0 + 72 * HOUR; // GDPR Art. 33(1)
    await env.harness.sleep(MINUTE);
    const drafted = (await env.ledger.list({ incidentId: 'INC-esc-pending' })).find(
      (e) => e.action === 'notice.drafted',
    )!;
    const draftedAt = Date.parse(drafted.at);
    expect(draftedAt - t0).toBeLessThan(MINUTE);
    const first = draftedAt + 0.5 * (due - draftedAt);
    const second = draftedAt + 0.8 * (due - draftedAt);

    // Rejected (with a reason) before the first point: no escalation ever.
    await env.gateway.update('INC-esc-rejected', decideNoticeUpdate, {
      actor: legal,
      noticeId: AUTHORITY,
      decision: 'reject',
      reason: 'the number of people is not confirmed',
    });

    await until(env, first - MINUTE);
    expect(await escalations(env, 'INC-esc-pending')).toEqual([]);
    await until(env, first + MINUTE);
    const [atHalf] = await escalations(env, 'INC-esc-pending');
    expect(atHalf).toBeDefined();
    expect(Math.abs(Date.parse(atHalf.at) - first)).toBeLessThan(MINUTE);
    expect(atHalf.payload).toMatchObject({
      noticeId: AUTHORITY,
      threshold: 0.5,
      role: 'admin',
      to: ['ciso@example.org'],
      mail: { messageId: expect.stringMatching(/^<.+@example\.org>$/) },
      dueAt: new Date(due).toISOString(),
      approvals: 0,
      needed: 2,
    });
    const mails = await approvalMails(env);
    const mail = mails.find((m) => m.subject?.includes('INC-esc-pending'))!;
    expect(toOf(mail)).toEqual(['ciso@example.org']);
    expect(mail.subject).toBe(
      '[Escalation] Approval pending – incident INC-esc-pending: GDPR notice to the supervisory authority due in 36 h',
    );
    expect(mail.text).toMatch(/still awaits approval, and 50 % of the time/);
    expect(mail.text).toMatch(/Time left: 36 hours/);
    expect(mail.text).toMatch(/Approvals: 0 of 2/);
    expect((await escalations(env, 'INC-esc-approved')).map((e) => e.payload)).toEqual([
      expect.objectContaining({ threshold: 0.5, role: 'admin' }),
    ]);

    // Both approvals between the two points: the notice is sent and nobody is chased again.
    for (const actor of [manager, legal])
      await env.gateway.update('INC-esc-approved', decideNoticeUpdate, {
        actor,
        noticeId: AUTHORITY,
        decision: 'approve',
      });
    await env.harness.sleep(MINUTE);
    const approved = (await env.gateway.status('INC-esc-approved')).notices.find((n) => n.id === AUTHORITY)!;
    expect(approved.status).toBe('sent');

    await until(env, second - MINUTE);
    expect(await escalations(env, 'INC-esc-pending')).toHaveLength(1);
    await until(env, second + MINUTE);
    const [, atFourFifths] = await escalations(env, 'INC-esc-pending');
    expect(Math.abs(Date.parse(atFourFifths.at) - second)).toBeLessThan(MINUTE);
    expect(atFourFifths.payload).toMatchObject({
      threshold: 0.8,
      role: 'legal',
      to: ['dpo@example.org'],
      mail: { messageId: expect.any(String) },
    });

    // To the deadline and past it: the pending one gets the missed-deadline escalation, not more of these.
    await until(env, due + HOUR);
    expect(await escalations(env, 'INC-esc-pending')).toHaveLength(2);
    expect((await env.actions('INC-esc-pending')).filter((a) => a === 'notice.deadline-missed')).toHaveLength(1);
    expect(await escalations(env, 'INC-esc-approved')).toHaveLength(1);
    expect(await escalations(env, 'INC-esc-rejected')).toEqual([]);
  });

  it('in a drill, only participants are written to: a role no participant holds is recorded as skipped', async () => {
    const id = 'DRILL-esc-20260302-091500';
    const t0 = await env.harness.now();
    await createDrillStore(env.db).register({
      incidentId: id,
      drillId: 'esc',
      planId: 'default',
      scenarioId: 'approval-escalation',
      participants: ['dpo@example.org'],
      standIn: 'dpo@example.org',
      startedAt: new Date(t0).toISOString(),
    });
    await report(env, id, {
      drillId: 'esc',
      scenarioId: 'approval-escalation',
      participants: ['dpo@example.org'],
      standIn: 'dpo@example.org',
    });
    await until(env, t0 + 60 * HOUR);
    const [half, fourFifths] = (await escalations(env, id)).map((e) => e.payload);
    expect(half).toMatchObject({ role: 'admin', to: [], mail: { skipped: 'no drill participant holds this role' } });
    expect(fourFifths).toMatchObject({
      role: 'legal',
      to: ['dpo@example.org'],
      mail: { messageId: expect.any(String) },
    });
    const mails = await approvalMails(env);
    expect(mails.map(toOf)).toEqual([['dpo@example.org']]);
    expect(mails[0].subject).toMatch(/^\[DRILL\] \[Escalation\] Approval pending/);
  });
});
