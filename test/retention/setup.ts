/**
 * Retention scenarios: the real activities (PGlite store, outbox mailer) behind the harness, the
 * outbox folder given to retention, and ways to close an incident, send it letters and inject faults.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities, type Activities, type ActivityDeps } from '../../activities';
import { createLedger } from '../../activities/ledger/ledger';
import { createMailer } from '../../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../../activities/notices';
import { loadPlan } from '../../activities/plans/load';
import type { Db } from '../../activities/store/db';
import { createGateway } from '../../api/gateway';
import { createRetentionGateway } from '../../api/routes/retention';
import { IncidentFacts } from '../../domain/facts';
import {
  closeUpdate,
  completeTaskUpdate,
  confirmContainmentUpdate,
  recordReviewUpdate,
} from '../../workflows/incident/messages';
import { holidays, ruleSet } from '../fixtures';
import { createHarness } from '../harness';
import { massNotice, seedRecipients } from '../recipients/campaign-fixtures';
import { openTestDatabase } from '../store/template';

export const DAY = 86_400_000;
export const responder = { id: 'rita@example.org', role: 'responder' as const };
export const manager = { id: 'max@example.org', role: 'manager' as const };

export interface RetentionEnvOptions {
  /** Wraps the store the activities use (fault injection). */
  wrapDb?: (db: Db) => Db;
  /** Activity overrides, given the real activities. */
  overrides?: (real: Activities) => Partial<Activities>;
}

export async function setupRetentionEnv(opts: RetentionEnvOptions = {}) {
  const db = await openTestDatabase();
  const ledger = createLedger(db);
  const outbox = mkdtempSync(join(tmpdir(), 'bre-retention-'));
  const mailer = createMailer({ outboxDir: outbox });
  const deps: ActivityDeps = {
    db: opts.wrapDb ? opts.wrapDb(db) : db,
    ledger,
    mailer,
    renderer: createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR }),
    rules: ruleSet,
    holidays,
    plans: (id) => loadPlan(id),
    clock: () => new Date(),
    outboxDir: outbox,
  };
  const real = createActivities(deps);
  const activities = { ...real, ...opts.overrides?.(real) };
  const harness = await createHarness({ activities, startTime: new Date('2026-03-02T09:15:00Z') });
  const gateway = createGateway(harness.client, harness.taskQueue);
  deps.incidents = gateway;
  const retention = createRetentionGateway(harness.client);
  return {
    harness,
    gateway,
    retention,
    ledger,
    db,
    outbox,
    real,
    /** Outbox files whose Message-ID belongs to this incident's campaign. */
    files(): string[] {
      return readdirSync(outbox).sort();
    },
    async entries(incidentId: string, action: string) {
      return (await ledger.list({ incidentId })).filter((e) => e.action === action);
    },
    async teardown() {
      await harness.teardown();
      mailer.close();
      await db.close();
      rmSync(outbox, { recursive: true, force: true });
    },
  };
}
export type RetentionEnv = Awaited<ReturnType<typeof setupRetentionEnv>>;

/**
 * `n` people imported for the incident and a letter sent to each through the real campaign
 * activities (deliveries with evidence, one .eml each in the outbox); one rejected address's SMTP
 * error text names the address, as real rejections do.
 */
export async function sendLetters(env: RetentionEnv, incidentId: string, n: number): Promise<string[]> {
  await seedRecipients(env.db, incidentId, n, { domain: `${incidentId.toLowerCase()}.example.net` });
  await env.db.query(`UPDATE recipients SET name = 'Person ' || id WHERE incident_id = $1`, [incidentId]);
  const key = { incidentId, noticeId: 'gdpr:individuals:DE' };
  await env.real.prepareCampaign({ ...key, audience: ['*'] });
  const r = await env.real.sendRecipientBatch({
    ...key,
    afterRecipientId: 0,
    limit: 10_000,
    notice: massNotice(incidentId),
    maxAttempts: 3,
  });
  expect(r.sent).toBe(n);
  const { rows } = await env.db.query<{ email: string }>(
    'SELECT email FROM recipients WHERE incident_id = $1 ORDER BY id',
    [incidentId],
  );
  return rows.map((r) => r.email);
}

/** A notice-free incident (risk unlikely) taken through containment, its tasks and the review to its close. */
export async function closeIncident(env: RetentionEnv, id: string): Promise<void> {
  const now = new Date(await env.harness.now()).toISOString();
  await env.gateway.report({
    incident: { id, title: 'Misconfigured mailing list', reportedBy: responder, reportedAt: now },
    facts: IncidentFacts.parse({
      awareAt: now,
      entity: { name: 'Beispiel GmbH', country: 'DE' },
      affected: [{ country: 'DE', count: 12 }],
      dataCategories: ['name', 'contact'],
      risk: 'unlikely',
      nature: 'A mailing list was visible to its members.',
    }),
    planId: 'default',
  });
  await env.harness.sleep(1000);
  await env.gateway.update(id, confirmContainmentUpdate, { actor: responder, note: 'list hidden' });
  await env.harness.sleep(1000);
  for (const taskId of ['root-cause', 'scope-confirmed', 'evidence-preserved']) {
    await env.gateway.update(id, completeTaskUpdate, {
      actor: responder,
      taskId,
      evidence: [{ label: `${taskId} report`, sha256: 'a'.repeat(64) }],
    });
  }
  await env.harness.sleep(1000);
  await env.gateway.update(id, recordReviewUpdate, { actor: manager, whatHappened: 'A list setting was wrong.' });
  await env.harness.sleep(1000);
  await env.gateway.update(id, closeUpdate, { actor: manager });
  // Not `result()`: while a client waits for a result, the time-skipping server may jump to the
  // next timer, which here is the retention's own.
  await env.harness.sleep(1000);
  expect((await env.gateway.status(id)).phase).toBe('closed');
}

export interface PersonRow {
  id: number;
  email: string | null;
  name: string | null;
  address_hash: string | null;
  erased_at: Date | null;
  files_erased_at: Date | null;
  country: string;
}
export async function people(env: RetentionEnv, incidentId: string): Promise<PersonRow[]> {
  const { rows } = await env.db.query<PersonRow>(
    `SELECT id, email, name, address_hash, erased_at, files_erased_at, country FROM recipients
     WHERE incident_id = $1 ORDER BY id`,
    [incidentId],
  );
  return rows;
}
