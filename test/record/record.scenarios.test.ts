/**
 * The record of an incident run through the real workflow (harness, time-skipping): a late authority
 * notice approved by two people with the reasons for the delay, sent with its evidence; the facts
 * changed; tasks, the review and an action item; a step done outside the engine; then a tampered row.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromiumPath } from '../../activities/record/pdf';
import type { IncidentRecord } from '../../activities/record/schema';
import { buildApp } from '../../api/app';
import type { Actor } from '../../domain/actor';
import { IncidentFacts } from '../../domain/facts';
import { assess } from '../../domain/rules/evaluate';
import {
  acceptActionItemUpdate,
  closeUpdate,
  completeTaskUpdate,
  confirmContainmentUpdate,
  decideNoticeUpdate,
  recordReviewUpdate,
  updateFactsUpdate,
} from '../../workflows/incident/messages';
import { holidays, ruleSet } from '../fixtures';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';
import { tamper } from './fixtures';

const HOUR = 3_600_000;
const ID = 'INC-REC';
const AUTHORITY = 'gdpr:authority:DE';
const DELAY = 'Forensic scoping of the backup took longer than planned.';
const responder = { id: 'rita@example.org', role: 'responder' as const };
const manager = { id: 'max@example.org', role: 'manager' as const };
const legal = { id: 'lea@example.org', role: 'legal' as const };
const tokens = new Map<string, Actor>([
  ['tok-auditor', { id: 'aud@example.org', role: 'auditor' }],
  ['tok-legal', legal],
  ['tok-responder', responder],
]);
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const PDF_TOOLS = existsSync(chromiumPath()) && existsSync('/usr/bin/pdftotext');

describe('incident record of a real workflow run', () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  let awareAt: string;
  const getRecord = async (format = 'json') =>
    app.inject({ method: 'GET', url: `/v1/incidents/${ID}/record?format=${format}`, headers: as('tok-auditor') });

  beforeAll(async () => {
    env = await setupIncidentEnv();
    app = await buildApp({
      gateway: env.gateway,
      ledger: env.ledger,
      db: env.db,
      tokens,
      now: () => new Date('2026-03-20T12:00:00Z'),
      assess: (f) => assess(f, ruleSet, holidays),
    });
    awareAt = new Date(await env.harness.now()).toISOString();
    await env.gateway.report({
      incident: { id: ID, title: 'Customer database exposed', reportedBy: responder, reportedAt: awareAt },
      facts: IncidentFacts.parse({
        awareAt,
        entity: { name: 'Beispiel GmbH', country: 'DE' },
        affected: [{ country: 'DE', count: 1200 }],
        dataCategories: ['name', 'contact'],
        risk: 'risk',
        nature: 'An unprotected backup of the customer database was reachable from the internet.',
      }),
      planId: 'default',
    });
    await env.harness.sleep(10 * HOUR);
    await env.gateway.update(ID, updateFactsUpdate, {
      actor: responder,
      facts: {
        recordCount: 5400,
        likelyConsequences: 'Phishing aimed at the customers.',
        measuresTaken: 'Backup removed; access logs reviewed.',
      },
      reason: 'forensics counted the rows',
    });
    // Nobody approves in time: reminders, the missed deadline at 72 h, escalation.
    await env.harness.sleep(63 * HOUR);
    await env.gateway.update(ID, decideNoticeUpdate, {
      actor: manager,
      noticeId: AUTHORITY,
      decision: 'approve',
      delayReason: DELAY,
    });
    await env.gateway.update(ID, decideNoticeUpdate, { actor: legal, noticeId: AUTHORITY, decision: 'approve' });
    await env.harness.sleep(1);
    await env.gateway.update(ID, confirmContainmentUpdate, { actor: responder, note: 'bucket locked' });
    for (const taskId of ['root-cause', 'scope-confirmed', 'evidence-preserved'])
      await env.gateway.update(ID, completeTaskUpdate, {
        actor: responder,
        taskId,
        notes: `${taskId} done`,
        evidence: [{ label: `${taskId} report`, sha256: 'ab'.repeat(32) }],
      });
    await env.harness.sleep(1);
    await env.gateway.update(ID, recordReviewUpdate, {
      actor: manager,
      whatHappened: 'A backup bucket was public.',
      rootCauses: ['no review of bucket policies'],
      actionItems: [
        {
          id: 'policy-scan',
          title: 'Scan bucket policies',
          owner: { role: 'responder' },
          dueAt: '2026-06-01T00:00:00Z',
        },
      ],
    });
    await env.gateway.update(ID, acceptActionItemUpdate, {
      actor: manager,
      itemId: 'policy-scan',
      reason: 'Covered by the cloud provider scan from April.',
    });
    await env.gateway.update(ID, closeUpdate, { actor: manager });
    await env.harness.client.workflow.getHandle(ID).result();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await env?.teardown();
  });

  it('holds the timeline, facts and their change, the late notice with approvals, evidence and reasons, tasks and the review', async () => {
    const res = await getRecord();
    expect(res.statusCode).toBe(200);
    const r = res.json<IncidentRecord>();
    // Time goes on skipping in the background (a retention timer may add entries later): compare up to the record's last.
    const last = r.timeline.at(-1)!.seq;
    const entries = (await env.ledger.list({ incidentId: ID })).filter((e) => e.seq <= last);
    expect(r.timeline.map((t) => [t.seq, t.action, t.hash])).toEqual(entries.map((e) => [e.seq, e.action, e.hash]));
    expect(r.chain).toEqual({
      ok: true,
      verified: entries.length,
      firstBadSeq: null,
      reason: null,
      head: entries.at(-1)!.hash,
    });
    expect(r).toMatchObject({
      incidentId: ID,
      title: 'Customer database exposed',
      drill: false,
      planId: 'default',
      reportedBy: responder.id,
      phase: 'closed',
      noNoticeReasons: [],
      summary: {
        awareAt,
        peopleAffected: 1200,
        recordsAffected: 5400,
        consequences: 'Phishing aimed at the customers.',
        measures: 'Backup removed; access logs reviewed.',
      },
      factChanges: [
        {
          by: responder.id,
          changed: ['recordCount', 'likelyConsequences', 'measuresTaken'],
          reason: 'forensics counted the rows',
        },
      ],
    });
    expect(r.dates.containedAt).not.toBeNull();
    expect(r.dates.closedAt).not.toBeNull();

    const dueAt = new Date(Date.parse(awareAt) + 72 * HOUR).toISOString();
    expect(r.obligations).toEqual([
      expect.objectContaining({
        id: AUTHORITY,
        regime: 'gdpr',
        recipient: 'authority',
        recipientName: 'Lead or competent supervisory authority',
        jurisdiction: 'DE',
        legalDueAt: dueAt,
        channel: 'email:mailbox@datenschutz-berlin.example',
        outcome: 'late',
        reason: DELAY,
        citation: expect.stringMatching(/Art\. 33/),
      }),
    ]);
    expect(Date.parse(r.obligations[0].deliveredAt!)).toBeGreaterThan(Date.parse(dueAt));

    const [notice] = r.notices;
    expect(notice.noticeId).toBe(AUTHORITY);
    // Drafted, redrafted after the facts change, and again with the reasons for the delay.
    expect(notice.drafts.length).toBeGreaterThanOrEqual(2);
    const finalHash = notice.drafts.at(-1)!.contentHash;
    expect(notice.decisions).toEqual([
      expect.objectContaining({
        by: manager.id,
        role: 'manager',
        decision: 'approve',
        delayReason: DELAY,
        contentHash: finalHash,
      }),
      expect.objectContaining({ by: legal.id, role: 'legal', decision: 'approve', contentHash: finalHash }),
    ]);
    expect(notice.delivery).toMatchObject({
      kind: 'email',
      to: 'mailbox@datenschutz-berlin.example',
      late: true,
      delayReason: DELAY,
      approvers: [manager.id, legal.id],
      evidence: {
        messageId: expect.stringMatching(/^<.+@.+>$/),
        response: expect.any(String),
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        transport: 'outbox',
      },
    });
    expect(notice.reminders.map((x) => x.hoursLeft)).toEqual([24, 4]);
    expect(notice.escalations.map((x) => x.role)).toEqual(['admin']);
    expect(r.missedDeadlines).toEqual([
      expect.objectContaining({
        kind: 'legal-deadline',
        subject: AUTHORITY,
        dueAt,
        reason: DELAY,
        settledAt: notice.delivery!.at,
      }),
    ]);
    expect(r.tasks.map((t) => [t.taskId, t.completedBy, t.evidence.length])).toEqual([
      ['root-cause', responder.id, 1],
      ['scope-confirmed', responder.id, 1],
      ['evidence-preserved', responder.id, 1],
    ]);
    expect(r.review).toMatchObject({
      recordedBy: manager.id,
      whatHappened: 'A backup bucket was public.',
      rootCauses: ['no review of bucket policies'],
      actionItems: [
        {
          id: 'policy-scan',
          status: 'accepted',
          settledBy: manager.id,
          note: 'Covered by the cloud provider scan from April.',
        },
      ],
    });
    expect(r.review!.scheduledStart).not.toBeNull();
  });

  it('renders the same record as a self-contained page', async () => {
    const res = await getRecord('html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    const record = (await getRecord()).json<IncidentRecord>();
    expect(html).toContain(`<h1>Incident record: ${ID}</h1>`);
    expect(html).toContain('Ledger chain check: intact');
    expect(html).toContain('<td>Lead or competent supervisory authority</td>');
    expect(html).toContain(record.notices[0].delivery!.evidence!.contentHash!);
    expect(html).toContain(DELAY);
    expect(html).not.toMatch(/<script|<link|src="http/i);
    // Handlebars escapes: the Message-ID's angle brackets come out as entities.
    expect(html).toContain(record.notices[0].delivery!.evidence!.messageId!.replace('<', '&lt;').replace('>', '&gt;'));
  });

  (PDF_TOOLS ? it : it.skip)(
    `renders a PDF whose text pdftotext reads back${PDF_TOOLS ? '' : ` (SKIPPED: no Chromium at ${chromiumPath()} or no /usr/bin/pdftotext)`}`,
    async () => {
      const res = await getRecord('pdf');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'bre-record-pdf-'));
      try {
        writeFileSync(join(dir, 'r.pdf'), res.rawPayload);
        const text = execFileSync('/usr/bin/pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
        expect(text).toContain(`Incident record: ${ID}`);
        expect(text).toContain('Ledger chain check: intact');
        expect(text).toContain(AUTHORITY);
        expect(text).toMatch(/Forensic scoping of the\s+backup took longer/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('answers 503 with a clear message when no Chromium is installed', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await getRecord('pdf');
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toMatch(/no Chromium at \/nonexistent\/chromium/);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  it('records a step done outside the engine with the caller, refuses an unknown incident and a role without the right', async () => {
    const post = (id: string, token: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/v1/incidents/${id}/ledger-entries`, headers: as(token), payload });
    const unknown = await post('INC-nope', 'tok-legal', { action: 'phone call' });
    expect(unknown.statusCode).toBe(404);
    expect(await env.ledger.list({ incidentId: 'INC-nope' })).toEqual([]);
    expect((await post(ID, 'tok-auditor', { action: 'phone call' })).statusCode).toBe(403);
    expect((await post(ID, 'tok-legal', { action: '' })).statusCode).toBe(400);

    const res = await post(ID, 'tok-legal', {
      action: 'phone call to the regulator',
      payload: { note: 'Told the DPA hotline the notice is on its way', role: 'admin' },
    });
    expect(res.statusCode).toBe(201);
    const { entry } = res.json();
    expect(entry).toMatchObject({
      incidentId: ID,
      actor: legal.id,
      action: 'external.phone call to the regulator',
      // The caller's role, whatever the payload claims.
      payload: { note: 'Told the DPA hotline the notice is on its way', role: 'legal' },
    });
    const head = (await env.ledger.list({ incidentId: ID })).at(-2)!;
    expect(entry.prevHash).toBe(head.hash);
    const r = (await getRecord()).json<IncidentRecord>();
    expect(r.outsideSteps).toEqual([
      expect.objectContaining({
        seq: entry.seq,
        actor: legal.id,
        role: 'legal',
        action: 'external.phone call to the regulator',
      }),
    ]);
    expect(r.chain.ok).toBe(true);
  });

  it('puts the incident in the register with each obligation and whether it was met', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/register', headers: as('tok-auditor') });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toEqual([
      expect.objectContaining({
        incidentId: ID,
        notified: true,
        peopleAffected: 1200,
        recordsAffected: 5400,
        obligations: [expect.objectContaining({ id: AUTHORITY, outcome: 'late', reason: DELAY })],
        noNoticeReasons: [],
        chainOk: true,
      }),
    ]);
    const csv = await app.inject({ method: 'GET', url: '/v1/register?format=csv', headers: as('tok-auditor') });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain(`"${ID}","Customer database exposed","closed"`);
    expect((await app.inject({ method: 'GET', url: '/v1/register', headers: as('tok-responder') })).statusCode).toBe(
      403,
    );
  });

  it('names the first altered seq in the record, its page and the verify route once a row is tampered with', async () => {
    const sent = (await env.ledger.list({ incidentId: ID })).find((e) => e.action === 'notice.sent')!;
    await tamper(
      env.db,
      `UPDATE ledger_entries SET payload = jsonb_set(payload, '{to}', '"elsewhere@example.org"') WHERE seq = $1`,
      [sent.seq],
    );
    const r = (await getRecord()).json<IncidentRecord>();
    expect(r.chain).toMatchObject({ ok: false, firstBadSeq: sent.seq, reason: expect.stringMatching(/hash mismatch/) });
    expect((await getRecord('html')).body).toContain(`BROKEN at seq ${sent.seq}`);
    const verify = await app.inject({
      method: 'GET',
      url: `/v1/ledger/verify?incidentId=${ID}`,
      headers: as('tok-auditor'),
    });
    expect(verify.json()).toMatchObject({ ok: false, firstBadSeq: sent.seq });
    expect(
      (await app.inject({ method: 'GET', url: '/v1/ledger/verify?incidentId=INC-nope', headers: as('tok-auditor') }))
        .statusCode,
    ).toBe(404);
    const register = (await app.inject({ method: 'GET', url: '/v1/register', headers: as('tok-auditor') })).json();
    expect(register.rows[0].chainOk).toBe(false);
  });
});
