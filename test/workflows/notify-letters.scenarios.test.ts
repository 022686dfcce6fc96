/**
 * One letter per person across obligations, on the real worker: a person covered by two laws gets
 * one letter once both notices are approved; a law added after their letter went brings a
 * supplementary letter with only what is new; the plan setting off keeps one campaign per
 * obligation; a person no obligation covers gets nothing and is listed apart.
 */
import { IncidentFacts, type IncidentFactsInput } from '../../domain/facts';
import { loadPlan } from '../../activities/plans/load';
import { coverageReport } from '../../activities/recipients/coverage';
import type { Queryable } from '../../activities/store/db';
import { decideNoticeUpdate, updateFactsUpdate, type IncidentInput } from '../../workflows/incident/messages';
import { describeBackend } from '../harness';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const manager = { id: 'max@example.org', role: 'manager' as const };
const responder = { id: 'rita@example.org', role: 'responder' as const };
const GDPR = 'gdpr:individuals:DE';
const CA = 'us-ca:residents:US-CA';

/** `de` people in Germany and `ca` in California (person<i>@example.net, in that order). */
async function people(db: Queryable, incidentId: string, de: number, ca: number, extra: string[] = []) {
  const rows: string[] = [];
  const params: unknown[] = [incidentId];
  const add = (email: string, country: string, region: string | null) => {
    params.push(email, country, region);
    rows.push(`($1, $${params.length - 2}, 'en', $${params.length - 1}, $${params.length})`);
  };
  for (let i = 0; i < de; i++) add(`de${i}@example.net`, 'DE', null);
  for (let i = 0; i < ca; i++) add(`ca${i}@example.net`, 'US', 'US-CA');
  for (const e of extra) {
    const [email, country, region] = e.split(',');
    add(email, country, region || null);
  }
  await db.query(
    `INSERT INTO recipients (incident_id, email, locale, country, region) VALUES ${rows.join(', ')}`,
    params,
  );
}

const facts = (now: string, dataCategories: string[], over: Partial<IncidentFactsInput> = {}) =>
  IncidentFacts.parse({
    awareAt: now,
    entity: { name: 'Beispiel GmbH', country: 'DE' },
    affected: [
      { country: 'DE', count: 30 },
      { country: 'US', region: 'US-CA', count: 10 },
    ],
    dataCategories,
    risk: 'high',
    encrypted: false,
    nature: 'Customer records were copied from a misconfigured backup server.',
    ...over,
  });

/** Mails per To address, with their Message-IDs and bodies. */
function byAddress(mails: string[]) {
  const m = new Map<string, { id: string; raw: string }[]>();
  for (const raw of mails) {
    const to = /^To: (\S+)/m.exec(raw)?.[1];
    const id = /^Message-ID: (\S+)/im.exec(raw)?.[1];
    if (!to || !id) continue;
    m.set(to, [...(m.get(to) ?? []), { id, raw }]);
  }
  return m;
}
/** The decoded text part (quoted-printable soft breaks undone) of a raw mail. */
const body = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe(`one letter per person [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  afterEach(async () => {
    await env.teardown();
  });

  async function report(id: string, dataCategories: string[]) {
    const now = new Date(await env.harness.now()).toISOString();
    const input: IncidentInput = {
      incident: { id, title: 'Backup exposed', reportedBy: responder, reportedAt: now },
      facts: facts(now, dataCategories),
      planId: 'default',
    };
    await env.gateway.report(input);
    await env.harness.sleep(1000);
    return now;
  }
  const approve = async (id: string, noticeId: string) => {
    await env.gateway.update(id, decideNoticeUpdate, { actor: manager, noticeId, decision: 'approve' });
    await env.harness.sleep(1000);
  };
  const notice = async (id: string, noticeId: string) =>
    (await env.gateway.status(id)).notices.find((n) => n.id === noticeId)!;

  it('a person covered by two laws gets one letter, once both are approved; evidence of both points to it', async () => {
    env = await setupIncidentEnv();
    await people(env.db, 'INC-one', 3, 2);
    await report('INC-one', ['name', 'contact', 'government-id']);

    await approve('INC-one', GDPR);
    // The people only GDPR covers have their letter; the Californians wait for the CA notice.
    expect([...byAddress(env.mails()).keys()].sort()).toEqual([
      'de0@example.net',
      'de1@example.net',
      'de2@example.net',
    ]);
    expect((await notice('INC-one', GDPR)).status).toBe('sending');

    await approve('INC-one', CA);
    const mails = byAddress(env.mails());
    expect(mails.size).toBe(5);
    for (const [to, got] of mails)
      expect({ to, n: got.length, ids: got.map((g) => g.id) }).toEqual({ to, n: 1, ids: [got[0].id] });
    const ca = body(mails.get('ca0@example.net')![0].raw);
    expect(ca).toContain('Article 34 of the General Data Protection Regulation');
    expect(ca).toContain('Cal. Civ. Code');
    expect(ca).toMatch(/Several laws require us to tell you/);
    // A German resident's letter is the GDPR notice as approved, nothing else.
    expect(body(mails.get('de0@example.net')![0].raw)).not.toContain('Cal. Civ. Code');

    for (const id of [GDPR, CA]) expect((await notice('INC-one', id)).status).toBe('sent');
    expect((await notice('INC-one', GDPR)).delivery?.recipients).toEqual({
      total: 5,
      sent: 5,
      failedPermanent: 0,
      cancelled: 0,
    });
    expect((await notice('INC-one', CA)).delivery?.recipients).toMatchObject({ total: 2, sent: 2 });

    const { rows } = await env.db.query<{ notice_id: string; message_id: string; content_hash: string }>(
      `SELECT d.notice_id, d.message_id, d.content_hash FROM deliveries d JOIN recipients r ON r.id = d.recipient_id
        WHERE d.incident_id = 'INC-one' AND r.email = 'ca0@example.net' ORDER BY d.notice_id`,
    );
    expect(rows.map((r) => r.notice_id)).toEqual([GDPR, CA]);
    expect(rows[0].message_id).toBe(rows[1].message_id);
    expect(rows[0].content_hash).toBe(rows[1].content_hash);
    expect(rows[0].message_id).toBe(mails.get('ca0@example.net')![0].id);

    const completed = (await env.ledger.list({ incidentId: 'INC-one' })).filter(
      (e) => e.action === 'notice.mass-notification-completed',
    );
    expect(completed.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ noticeId: GDPR, people: 5, letters: 5, combinedLetters: 2 }),
        expect.objectContaining({ noticeId: CA, people: 2, letters: 2, combinedLetters: 2 }),
      ]),
    );
  });

  it('a law added after the letters went brings a supplementary letter with only what is new; nobody twice', async () => {
    env = await setupIncidentEnv();
    await people(env.db, 'INC-sup', 2, 2);
    await report('INC-sup', ['name', 'contact']);
    await approve('INC-sup', GDPR);
    expect(env.mails()).toHaveLength(4);
    expect((await notice('INC-sup', GDPR)).status).toBe('sent');

    // Government ids were taken too: California's threshold is crossed.
    await env.gateway.update('INC-sup', updateFactsUpdate, {
      actor: responder,
      facts: { dataCategories: ['name', 'contact', 'government-id'] },
      reason: 'ids in the dump',
    });
    await env.harness.sleep(1000);
    await approve('INC-sup', CA);

    const mails = byAddress(env.mails());
    expect(mails.get('de0@example.net')).toHaveLength(1);
    const ca = mails.get('ca1@example.net')!;
    expect(ca).toHaveLength(2);
    expect(ca[0].id).not.toBe(ca[1].id);
    const [first, second] = ca.map((m) => body(m.raw));
    const supplement = first.includes('Further information') ? first : second;
    expect(supplement).toContain('Further information about the data breach');
    expect(supplement).toContain('Cal. Civ. Code');
    // What the first letter said is not said again.
    expect(supplement).not.toContain('Article 34 of the General Data Protection Regulation');
    expect((await notice('INC-sup', CA)).status).toBe('sent');

    const { rows } = await env.db.query<{ seq: number; notice_ids: string[]; covered_before: string[] }>(
      `SELECT l.seq, l.notice_ids, l.covered_before FROM letters l JOIN recipients r ON r.id = l.recipient_id
        WHERE l.incident_id = 'INC-sup' AND r.email = 'ca1@example.net' ORDER BY l.seq`,
    );
    expect(rows).toEqual([
      { seq: 1, notice_ids: [GDPR], covered_before: [] },
      { seq: 2, notice_ids: [CA], covered_before: [GDPR] },
    ]);
    const completed = (await env.ledger.list({ incidentId: 'INC-sup' })).find(
      (e) => e.action === 'notice.mass-notification-completed' && (e.payload as { noticeId: string }).noticeId === CA,
    );
    expect(completed?.payload).toMatchObject({ people: 2, letters: 2, supplementaryLetters: 2 });
  });

  it('with combineLetters off, each obligation keeps its own campaign (a Californian gets two letters)', async () => {
    const plan = loadPlan('default');
    env = await setupIncidentEnv(undefined, {
      loadPlan: async () => ({ ...plan, notification: { combineLetters: false } }),
    });
    await people(env.db, 'INC-off', 1, 1);
    await report('INC-off', ['name', 'contact', 'government-id']);
    await approve('INC-off', GDPR);
    await approve('INC-off', CA);
    const mails = byAddress(env.mails());
    expect(mails.get('de0@example.net')).toHaveLength(1);
    expect(mails.get('ca0@example.net')).toHaveLength(2);
    expect((await notice('INC-off', GDPR)).delivery?.reference).toBe(`INC-off/notify/${GDPR}`);
    expect((await notice('INC-off', CA)).delivery?.reference).toBe(`INC-off/notify/${CA}`);
    const { rows } = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM letters WHERE incident_id = 'INC-off'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('a person no obligation covers gets nothing and is listed apart', async () => {
    env = await setupIncidentEnv();
    const now = new Date(await env.harness.now()).toISOString();
    await people(env.db, 'INC-us', 0, 2, ['tx0@example.net,US,US-TX']);
    await env.gateway.report({
      incident: { id: 'INC-us', title: 'Backup exposed', reportedBy: responder, reportedAt: now },
      facts: facts(now, ['name', 'government-id'], {
        entity: { name: 'Example Inc', country: 'US' },
        affected: [{ country: 'US', region: 'US-CA', count: 2 }],
      }),
      planId: 'default',
    });
    await env.harness.sleep(1000);
    const status = await env.gateway.status('INC-us');
    const individuals = status.notices.filter((n) => n.obligation.recipient === 'individuals');
    expect(individuals.map((n) => n.id)).toEqual([CA]);
    const coverage = await coverageReport(
      env.db,
      'INC-us',
      individuals.map((n) => ({ noticeId: n.id, audience: n.obligation.audience })),
    );
    expect(coverage).toMatchObject({
      people: 3,
      covered: 2,
      uncovered: 1,
      byObligation: [{ noticeId: CA, people: 2 }],
    });
    expect(coverage.uncoveredPeople).toEqual([
      expect.objectContaining({ email: 'tx0@example.net', country: 'US', region: 'US-TX', decision: null }),
    ]);
    await approve('INC-us', CA);
    expect([...byAddress(env.mails()).keys()].sort()).toEqual(['ca0@example.net', 'ca1@example.net']);
  });
});
