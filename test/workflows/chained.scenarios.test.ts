import { IncidentFacts } from '../../domain/facts';
import { decideNoticeUpdate, type IncidentInput } from '../../workflows/incident/messages';
import { describeBackend } from '../harness';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const HOUR = 3_600_000;
const manager = { id: 'max@example.org', role: 'manager' as const };
const legal = { id: 'lea@example.org', role: 'legal' as const };
const responder = { id: 'rita@example.org', role: 'responder' as const };

describe(`chained stages through the workflow [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv(new Date('2026-07-01T16:00:00Z'));
  });
  afterEach(async () => {
    await env.teardown();
  });

  it("California: the attorney general's copy counts 15 days from the residents' notice as actually sent", async () => {
    await env.db.query(
      `INSERT INTO recipients (incident_id, email, country, region) SELECT 'INC-ca', 'p' || g || '@example.net', 'US', 'US-CA' FROM generate_series(1, 3) g`,
    );
    const now = new Date(await env.harness.now()).toISOString();
    const input: IncidentInput = {
      incident: { id: 'INC-ca', title: 'Payroll export stolen', reportedBy: responder, reportedAt: now },
      facts: IncidentFacts.parse({
        awareAt: now,
        entity: { name: 'Example Inc', country: 'US' },
        affected: [{ country: 'US', region: 'US-CA', count: 600 }],
        dataCategories: ['name', 'government-id'],
        risk: 'high',
      }),
      planId: 'default',
    };
    await env.gateway.report(input);
    await env.harness.sleep(HOUR);
    let status = await env.gateway.status('INC-ca');
    const ag = () => status.notices.find((n) => n.id === 'us-ca:attorney-general:US-CA')!;
    // Until the residents are told, the copy is due 15 days after the residents' own deadline
    // (discovered 1 July 09:00 PDT; residents by the end of 31 July PDT; AG by the end of 15 August PDT).
    expect(status.notices.find((n) => n.id === 'us-ca:residents:US-CA')!.obligation.dueAt).toBe(
      '2026-08-01T06:59:59.999Z',
    );
    expect(ag().obligation).toMatchObject({ after: 'us-ca:residents:US-CA', dueAt: '2026-08-16T06:59:59.999Z' });

    // Residents told on day 3 (3 July, 17:00 UTC = 10:00 PDT): the copy is now due by the end of 18 July PDT.
    await env.harness.sleep(2 * 24 * HOUR - 2 * HOUR);
    await env.gateway.update('INC-ca', decideNoticeUpdate, {
      actor: manager,
      noticeId: 'us-ca:residents:US-CA',
      decision: 'approve',
    });
    await env.harness.sleep(1000);
    status = await env.gateway.status('INC-ca');
    expect(status.notices.find((n) => n.id === 'us-ca:residents:US-CA')).toMatchObject({
      status: 'sent',
      delivery: { recipients: { total: 3, sent: 3 } },
    });
    expect(ag().obligation.dueAt).toBe('2026-07-19T06:59:59.999Z');
    expect(ag().clockDueAt).toBe('2026-07-19T06:59:59.999Z');
    // Its draft stated the old due time, so it was drafted again.
    const agDrafts = (await env.ledger.list({ incidentId: 'INC-ca' })).filter(
      (e) =>
        e.action === 'notice.drafted' &&
        (e.payload as { noticeId: string }).noticeId === 'us-ca:attorney-general:US-CA',
    );
    expect(agDrafts).toHaveLength(2);

    // Its reminders follow the new due time: the 24-hour reminder comes on 18 July, not 15 August.
    await env.harness.sleep(Date.parse('2026-07-18T06:59:59.999Z') - (await env.harness.now()) + 1000);
    const reminders = (await env.ledger.list({ incidentId: 'INC-ca' })).filter(
      (e) =>
        e.action === 'notice.reminder-sent' &&
        (e.payload as { noticeId: string }).noticeId === 'us-ca:attorney-general:US-CA',
    );
    expect(reminders.map((e) => (e.payload as { hoursLeft: number }).hoursLeft)).toEqual([24]);
    await env.gateway.update('INC-ca', decideNoticeUpdate, {
      actor: manager,
      noticeId: 'us-ca:attorney-general:US-CA',
      decision: 'approve',
    });
    await env.gateway.update('INC-ca', decideNoticeUpdate, {
      actor: legal,
      noticeId: 'us-ca:attorney-general:US-CA',
      decision: 'approve',
    });
    await env.harness.sleep(1000);
    status = await env.gateway.status('INC-ca');
    // The plan names no California AG contact: the approved copy waits for its portal filing.
    expect(ag().status).toBe('awaiting-filing');
    expect(ag().draft!.kind).toBe('us-ca-attorney-general');
  });
});
