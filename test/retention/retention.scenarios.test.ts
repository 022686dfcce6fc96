/**
 * Personal data leaves on time: 90 days after the close the incident's people lose their names
 * and addresses, their outbox copies are deleted, and a certificate an auditor can recompute goes
 * to the ledger; a litigation hold stops it; a crash mid-deletion resumes without half a person.
 */
import { createHash, createHmac } from 'node:crypto';
import { safeMessageIdForFile } from '../../activities/mail';
import type { DestructionCertificate } from '../../activities/retention';
import type { Db } from '../../activities/store/db';
import { describeBackend } from '../harness';
import { retentionWorkflowId, type RetentionInput, type RetentionStatus } from '../../workflows/retention/messages';
import {
  closeIncident,
  DAY,
  manager,
  people,
  responder,
  sendLetters,
  setupRetentionEnv,
  type RetentionEnv,
} from './setup';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The auditor's recipe (README): lines sorted bytewise, each followed by "\n", SHA-256. */
const setHash = (lines: string[]) =>
  sha256(
    lines
      .sort()
      .map((l) => `${l}\n`)
      .join(''),
  );

async function messageIds(env: RetentionEnv, incidentId: string): Promise<string[]> {
  const { rows } = await env.db.query<{ message_id: string }>(
    `SELECT message_id FROM deliveries WHERE incident_id = $1 AND message_id IS NOT NULL`,
    [incidentId],
  );
  return rows.map((r) => r.message_id);
}
const filesOf = (env: RetentionEnv, ids: string[]) =>
  env.files().filter((f) => ids.some((id) => f.endsWith(`-${safeMessageIdForFile(id)}.eml`)));

async function certificates(env: RetentionEnv, incidentId: string, action = 'retention.destroyed') {
  return (await env.entries(incidentId, action)).map(
    (e) => (e.payload as unknown as { certificate: DestructionCertificate }).certificate,
  );
}

describe(`retention of personal data [${describeBackend()}]`, () => {
  let env: RetentionEnv;
  afterEach(async () => {
    await env?.teardown();
  });

  it('90 days after the close, deletes exactly the incident’s people and files and certifies it', async () => {
    env = await setupRetentionEnv();
    const addresses = await sendLetters(env, 'INC-ret-a', 12);
    await sendLetters(env, 'INC-ret-b', 5);
    // A rejected letter's SMTP text names the person: it must not outlive them.
    await env.db.query(
      `UPDATE deliveries SET last_error = $2 WHERE incident_id = $1 AND recipient_id = (SELECT min(id) FROM recipients WHERE incident_id = $1)`,
      ['INC-ret-a', `550 5.1.1 <${addresses[0].toUpperCase()}>: mailbox unavailable`],
    );
    const idsA = await messageIds(env, 'INC-ret-a');
    const idsB = await messageIds(env, 'INC-ret-b');
    const evidenceBefore = (
      await env.db.query(
        'SELECT recipient_id, message_id, smtp_response, content_hash, sent_at FROM deliveries WHERE incident_id = $1 ORDER BY recipient_id',
        ['INC-ret-a'],
      )
    ).rows;
    expect(filesOf(env, idsA)).toHaveLength(12);
    const filesB = filesOf(env, idsB);
    expect(filesB).toHaveLength(5);

    await closeIncident(env, 'INC-ret-a');
    const scheduled = await env.entries('INC-ret-a', 'retention.scheduled');
    expect(scheduled).toHaveLength(1);
    const status = (await env.retention.status('INC-ret-a'))!;
    expect(status).toMatchObject({ phase: 'scheduled', policy: { recipientDataDays: 90, outboxDays: 90 }, hold: null });
    expect(Date.parse(status.dueAt) - Date.parse(status.closedAt)).toBe(90 * DAY);
    expect(scheduled[0].payload).toMatchObject({ workflowId: 'INC-ret-a/retention', dueAt: status.dueAt });

    // A day before: nothing has gone.
    await env.harness.sleep(89 * DAY);
    expect((await people(env, 'INC-ret-a')).every((p) => p.email && !p.erased_at)).toBe(true);
    expect(filesOf(env, idsA)).toHaveLength(12);

    await env.harness.sleep(DAY + 60_000);
    const done = (await env.retention.status('INC-ret-a'))!;
    expect(done.phase).toBe('destroyed');

    // The incident's people: no name, no address, a salted hash of the address; jurisdiction kept.
    const { rows: saltRows } = await env.db.query<{ salt: string }>(
      'SELECT salt FROM retention_salts WHERE incident_id = $1',
      ['INC-ret-a'],
    );
    const salt = saltRows[0].salt;
    const erased = await people(env, 'INC-ret-a');
    expect(erased).toHaveLength(12);
    erased.forEach((p, i) => {
      expect(p).toMatchObject({ email: null, name: null, country: 'DE' });
      expect(p.address_hash).toBe(createHmac('sha256', salt).update(addresses[i].toLowerCase()).digest('hex'));
    });
    // Their evidence: Message-ID, SMTP reply, content hash, time, all kept; the address gone from the texts.
    const { rows: after } = await env.db.query<Record<string, unknown>>(
      'SELECT recipient_id, message_id, smtp_response, content_hash, sent_at, last_error FROM deliveries WHERE incident_id = $1 ORDER BY recipient_id',
      ['INC-ret-a'],
    );
    expect(after.map(({ last_error: _l, ...rest }) => rest)).toEqual(evidenceBefore);
    const dump = JSON.stringify(await env.db.query('SELECT * FROM deliveries WHERE incident_id = $1', ['INC-ret-a']));
    for (const a of addresses) expect(dump.toLowerCase()).not.toContain(a);
    expect(after[0].last_error).toMatch(/^550 5\.1\.1 <<erased:[0-9a-f]{16}>>: mailbox unavailable$/);
    // Their letters are gone from the outbox; the other incident's people and letters are untouched.
    expect(filesOf(env, idsA)).toEqual([]);
    expect(filesOf(env, idsB)).toEqual(filesB);
    expect((await people(env, 'INC-ret-b')).every((p) => p.email && p.name && !p.erased_at)).toBe(true);

    // The certificate: in the ledger and in the status, counts and hashes recomputable from the store.
    const [cert] = await certificates(env, 'INC-ret-a');
    expect(done.certificate).toEqual(cert);
    expect(cert).toMatchObject({
      incidentId: 'INC-ret-a',
      scope: 'all',
      process: { workflowType: 'retentionWorkflow', workflowId: 'INC-ret-a/retention', runId: expect.any(String) },
      counts: { people: 12, peopleRemaining: 0, files: 12, sentDeliveries: 12, filesMatchingSent: 12 },
    });
    expect(cert.deleted.tables).toEqual([
      expect.objectContaining({ table: 'recipients', rows: 12, columns: ['email', 'name'] }),
      expect.objectContaining({ table: 'deliveries', rows: 12 }),
      expect.objectContaining({ table: 'letters', rows: 0, columns: ['last_error', 'smtp_response'] }),
    ]);
    expect(cert.deleted.files).toMatchObject({ location: 'outbox', count: 12 });
    const fileHashes = evidenceBefore.map((d) => String(d.content_hash));
    expect(cert.hashes.files).toBe(setHash(fileHashes));
    expect(cert.hashes.sent).toBe(cert.hashes.files); // what was sent is what was destroyed
    expect(cert.hashes.destroyedSet).toBe(
      setHash([...erased.map((p) => `person ${p.address_hash}`), ...fileHashes.map((h) => `file ${h}`)]),
    );
    expect(await env.entries('INC-ret-b', 'retention.destroyed')).toEqual([]);
    expect((await env.ledger.verify()).ok).toBe(true);
  }, 120_000);

  it('a litigation hold stops the deletion; its release restarts the full period', async () => {
    env = await setupRetentionEnv();
    await sendLetters(env, 'INC-hold', 3);
    const ids = await messageIds(env, 'INC-hold');
    await closeIncident(env, 'INC-hold');
    await env.harness.sleep(30 * DAY);

    await expect(env.retention.hold('INC-hold', { actor: responder, reason: 'lawsuit' })).rejects.toThrow(
      /manager, admin/,
    );
    const held = await env.retention.hold('INC-hold', { actor: manager, reason: 'Claim 4711 filed by a customer' });
    expect(held).toMatchObject({ phase: 'held', hold: { by: manager.id, reason: 'Claim 4711 filed by a customer' } });
    await expect(env.retention.hold('INC-hold', { actor: manager, reason: 'again' })).rejects.toThrow(/already held/);

    // Long past the original due date: still all there.
    await env.harness.sleep(200 * DAY);
    expect((await env.retention.status('INC-hold'))!.phase).toBe('held');
    expect((await people(env, 'INC-hold')).every((p) => p.email && !p.erased_at)).toBe(true);
    expect(filesOf(env, ids)).toHaveLength(3);

    const releasedAt = await env.harness.now();
    const released = await env.retention.release('INC-hold', { actor: manager, reason: 'Claim settled' });
    expect(released.phase).toBe('scheduled');
    expect(Date.parse(released.dueAt)).toBe(releasedAt + 90 * DAY);
    expect(released.holds).toEqual([
      expect.objectContaining({
        reason: 'Claim 4711 filed by a customer',
        releasedBy: manager.id,
        releaseReason: 'Claim settled',
      }),
    ]);
    await expect(env.retention.release('INC-hold', { actor: manager })).rejects.toThrow(/not held/);

    await env.harness.sleep(89 * DAY);
    expect((await people(env, 'INC-hold')).every((p) => p.email && !p.erased_at)).toBe(true);
    await env.harness.sleep(DAY + 60_000);
    expect((await env.retention.status('INC-hold'))!.phase).toBe('destroyed');
    expect((await people(env, 'INC-hold')).every((p) => !p.email && p.erased_at)).toBe(true);
    expect(filesOf(env, ids)).toEqual([]);
    // The incident's own mail (task assignments, the review invitation) is not the people's and stays.
    expect(env.files().length).toBeGreaterThan(0);
    const actions = (await env.ledger.list({ incidentId: 'INC-hold' })).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('retention.'))).toEqual([
      'retention.scheduled',
      'retention.held',
      'retention.released',
      'retention.destroyed',
    ]);
    const [heldEntry] = await env.entries('INC-hold', 'retention.held');
    expect(heldEntry).toMatchObject({
      actor: manager.id,
      payload: { role: 'manager', reason: 'Claim 4711 filed by a customer' },
    });
    await expect(env.retention.hold('INC-hold', { actor: manager, reason: 'late' })).rejects.toThrow(
      /already (destroyed|completed)/,
    );
  }, 120_000);
});

describe(`retention when deletion crashes [${describeBackend()}]`, () => {
  let env: RetentionEnv;
  afterEach(async () => {
    await env?.teardown();
  });

  /** Whole people and erased people; anything else would be half a person. */
  async function shape(incidentId: string) {
    const rows = await people(env, incidentId);
    const { rows: texts } = await env.db.query<{ recipient_id: number; last_error: string | null }>(
      'SELECT recipient_id, last_error FROM deliveries WHERE incident_id = $1',
      [incidentId],
    );
    const whole = rows.filter((p) => p.email && p.name && !p.address_hash && !p.erased_at);
    const erased = rows.filter((p) => !p.email && !p.name && p.address_hash && p.erased_at);
    // An erased person's address is in no delivery text; a whole person's error text still names them.
    const scrubbedOfWhole = whole.filter((p) => {
      const t = texts.find((d) => Number(d.recipient_id) === Number(p.id))?.last_error;
      return t !== null && t !== undefined && !t.includes(p.email!);
    });
    return { total: rows.length, whole: whole.length, erased: erased.length, scrubbedOfWhole: scrubbedOfWhole.length };
  }

  const start = (input: RetentionInput) =>
    env.harness.client.workflow.start('retentionWorkflow', {
      workflowId: retentionWorkflowId(input.incidentId),
      taskQueue: env.harness.taskQueue,
      args: [input],
    });

  it('a crash inside a batch and another between rows and files resume to the end, never half a person', async () => {
    let failTx = 2; // the second batch of people fails inside its transaction, after the delivery texts were scrubbed
    let failMark = 1; // the first outbox batch fails after unlinking its files, before marking the people
    const crashes: Awaited<ReturnType<typeof shape>>[] = [];
    env = await setupRetentionEnv({
      wrapDb: (db): Db => ({
        ...db,
        query: (sql, params) => {
          if (/SET files_erased_at/.test(sql) && failMark-- === 1) return Promise.reject(new Error('power cut'));
          return db.query(sql, params);
        },
        transaction: (fn) =>
          db.transaction((tx) =>
            fn({
              query: async (sql, params) => {
                if (/UPDATE recipients r SET email = NULL/.test(sql) && --failTx === 0) throw new Error('power cut');
                return tx.query(sql, params);
              },
            }),
          ),
      }),
      overrides: (real) => ({
        async erasePeopleBatch(req) {
          try {
            return await real.erasePeopleBatch(req);
          } catch (err) {
            crashes.push(await shape(req.incidentId));
            throw err;
          }
        },
      }),
    });
    const addresses = await sendLetters(env, 'INC-crash', 10);
    await env.db.query(
      `UPDATE deliveries d SET last_error = '550 no such user ' || r.email FROM recipients r
       WHERE r.id = d.recipient_id AND d.incident_id = $1`,
      ['INC-crash'],
    );
    const handle = await start({
      incidentId: 'INC-crash',
      closedAt: new Date(await env.harness.now()).toISOString(),
      policy: { recipientDataDays: 0, outboxDays: 0 },
      batchSize: 4,
    });
    await env.harness.sleep(60_000);
    const cert = (await handle.result()) as DestructionCertificate;

    // At the crash: the first batch erased whole, the second rolled back whole (its scrubbed texts too).
    expect(crashes).toEqual([{ total: 10, whole: 6, erased: 4, scrubbedOfWhole: 0 }]);
    expect(failMark).toBeLessThan(0);
    expect(await shape('INC-crash')).toEqual({ total: 10, whole: 0, erased: 10, scrubbedOfWhole: 0 });
    expect(env.files()).toEqual([]);
    const dump = JSON.stringify(
      (await env.db.query('SELECT * FROM deliveries WHERE incident_id = $1', ['INC-crash'])).rows,
    );
    for (const a of addresses) expect(dump).not.toContain(a);
    // Every file counted once though its deletion was interrupted and run again.
    expect(cert.counts).toEqual({
      people: 10,
      peopleRemaining: 0,
      files: 10,
      sentDeliveries: 10,
      sentMessages: 10,
      filesMatchingSent: 10,
    });
    expect(cert.hashes.files).toBe(cert.hashes.sent);
    expect(await certificates(env, 'INC-crash')).toEqual([cert]);
  }, 120_000);

  it('outbox copies with a shorter period go first, with their own certificate; the people at their own date', async () => {
    env = await setupRetentionEnv();
    await sendLetters(env, 'INC-short', 3);
    const closedAt = await env.harness.now();
    const handle = await start({
      incidentId: 'INC-short',
      closedAt: new Date(closedAt).toISOString(),
      policy: { recipientDataDays: 90, outboxDays: 30 },
    });
    await env.harness.sleep(30 * DAY + 60_000);
    const mid = (await handle.query('retentionStatus')) as RetentionStatus;
    expect(mid).toMatchObject({ phase: 'scheduled', outboxDone: true, certificate: null });
    expect(mid.outboxCertificate).toMatchObject({
      scope: 'outbox',
      counts: { people: 0, files: 3, peopleRemaining: 3 },
    });
    expect(mid.outboxCertificate!.deleted.tables).toEqual([]);
    expect(env.files()).toEqual([]);
    expect((await people(env, 'INC-short')).every((p) => p.email && !p.erased_at && p.files_erased_at)).toBe(true);
    expect(await certificates(env, 'INC-short', 'retention.outbox-destroyed')).toHaveLength(1);

    await env.harness.sleep(60 * DAY);
    const cert = (await handle.result()) as DestructionCertificate;
    expect(cert).toMatchObject({ scope: 'all', counts: { people: 3, files: 3, peopleRemaining: 0 } });
    expect((await people(env, 'INC-short')).every((p) => !p.email && p.erased_at)).toBe(true);
  }, 120_000);
});
