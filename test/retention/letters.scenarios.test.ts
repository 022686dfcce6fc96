/**
 * Retention of people told by letter (one letter per person across obligations): a combined
 * letter is one message, one outbox file, for several obligations' deliveries rows. The erase
 * scrubs the address from the letters' own texts too, and the certificate counts each file once:
 * what was sent (one line per message) is what was destroyed.
 */
import { createHash } from 'node:crypto';
import type { LetterPart } from '../../activities/letters/compose';
import { noticeKind } from '../../activities/notices';
import type { DestructionCertificate } from '../../activities/retention';
import { IncidentFacts } from '../../domain/facts';
import { safeMessageIdForFile } from '../../activities/mail';
import { describeBackend } from '../harness';
import { obligationsOf } from '../rules/helpers';
import { closeIncident, DAY, people, setupRetentionEnv, type RetentionEnv } from './setup';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const setHash = (lines: string[]) =>
  sha256(
    [...lines]
      .sort()
      .map((l) => `${l}\n`)
      .join(''),
  );

const ID = 'INC-ret-letters';
const facts = IncidentFacts.parse({
  awareAt: '2026-03-02T09:15:00Z',
  entity: { name: 'Beispiel GmbH', country: 'DE' },
  affected: [
    { country: 'DE', count: 3 },
    { country: 'US', region: 'US-CA', count: 2 },
  ],
  dataCategories: ['name', 'contact', 'government-id'],
  risk: 'high',
  nature: 'Customer records were copied from a misconfigured backup server.',
});
const part = (regime: string): LetterPart & { audience: string[] } => {
  const o = obligationsOf(regime, facts).find((x) => x.recipient === 'individuals')!;
  return {
    noticeId: o.id,
    kind: noticeKind(o),
    audience: o.audience,
    request: {
      incident: { id: ID, title: 'Backup exposed' },
      facts,
      obligation: o,
      contact: { name: 'DPO', email: 'dpo@example.org' },
      timeZone: 'Europe/Berlin',
    },
  };
};

/** 3 people in Germany (GDPR) and 2 in California (GDPR and California): one round, one letter each. */
async function sendCombinedLetters(env: RetentionEnv): Promise<string[]> {
  const addresses = ['de0', 'de1', 'de2', 'ca0', 'ca1'].map((p) => `${p}@letters.example.net`);
  for (const [i, email] of addresses.entries())
    await env.db.query(
      `INSERT INTO recipients (incident_id, email, name, locale, country, region) VALUES ($1, $2, $3, 'en', $4, $5)`,
      [ID, email, `Person ${i}`, i < 3 ? 'DE' : 'US', i < 3 ? null : 'US-CA'],
    );
  const parts = [part('gdpr'), part('us-ca')];
  const round = { incidentId: ID, round: `${ID}/letters/1` };
  await env.real.prepareLetters({
    ...round,
    ready: parts.map(({ noticeId, audience }) => ({ noticeId, audience })),
    blocked: [],
  });
  const r = await env.real.sendLetterBatch({
    ...round,
    afterRecipientId: 0,
    limit: 100,
    parts: parts.map(({ noticeId, kind, request }) => ({ noticeId, kind, request })),
    from: 'notices@example.org',
    maxAttempts: 3,
  });
  expect(r.sent).toBe(5);
  return addresses;
}

describe(`retention of letters [${describeBackend()}]`, () => {
  let env: RetentionEnv;
  afterEach(async () => {
    await env?.teardown();
  });

  it('a combined letter is one file for two obligations: erased from the letters too, certified once', async () => {
    env = await setupRetentionEnv();
    const addresses = await sendCombinedLetters(env);
    // The letters' own evidence texts may name the person (a rejection, a relay's reply).
    await env.db.query(
      `UPDATE letters l SET last_error = '550 5.1.1 <' || upper(r.email) || '>: mailbox unavailable',
                            smtp_response = '250 2.0.0 queued for ' || r.email
         FROM recipients r WHERE r.id = l.recipient_id AND l.incident_id = $1`,
      [ID],
    );
    const { rows: shared } = await env.db.query<{ message_id: string; n: number }>(
      `SELECT message_id, count(*)::int AS n FROM deliveries WHERE incident_id = $1 GROUP BY message_id ORDER BY n DESC`,
      [ID],
    );
    // Two Californians: each one message satisfying two obligations; three Germans: one each.
    expect(shared.map((s) => s.n)).toEqual([2, 2, 1, 1, 1]);
    const { rows: sentLetters } = await env.db.query<{ content_hash: string; message_id: string }>(
      `SELECT content_hash, message_id FROM letters WHERE incident_id = $1 AND status = 'sent'`,
      [ID],
    );
    const letterFiles = () =>
      env.files().filter((f) => sentLetters.some((l) => f.endsWith(`-${safeMessageIdForFile(l.message_id)}.eml`)));
    expect(env.files()).toHaveLength(5);
    expect(letterFiles()).toHaveLength(5);

    await closeIncident(env, ID);
    await env.harness.sleep(90 * DAY + 60_000);
    expect((await env.retention.status(ID))!.phase).toBe('destroyed');

    expect((await people(env, ID)).every((p) => p.email === null && p.name === null && p.address_hash)).toBe(true);
    const { rows: letters } = await env.db.query<Record<string, unknown>>(
      'SELECT * FROM letters WHERE incident_id = $1',
      [ID],
    );
    const dump = JSON.stringify(letters).toLowerCase();
    for (const a of addresses) expect(dump).not.toContain(a);
    for (const l of letters) {
      expect(l.last_error).toMatch(/^550 5\.1\.1 <<erased:[0-9a-f]{16}>>: mailbox unavailable$/);
      expect(l.smtp_response).toMatch(/^250 2\.0\.0 queued for <erased:[0-9a-f]{16}>$/);
      expect(l.message_id).toEqual(expect.any(String)); // the evidence stays
    }
    // Their letters are gone; the incident's own mail (task assignments, the review) is not theirs and stays.
    expect(letterFiles()).toEqual([]);
    expect(env.files().length).toBeGreaterThan(0);

    const cert = (await env.entries(ID, 'retention.destroyed')).map(
      (e) => (e.payload as unknown as { certificate: DestructionCertificate }).certificate,
    )[0];
    // One file per letter, counted once, though two obligations' rows name the same Message-ID.
    expect(cert.counts).toEqual({
      people: 5,
      peopleRemaining: 0,
      files: 5,
      sentDeliveries: 7,
      sentMessages: 5,
      filesMatchingSent: 5,
    });
    expect(cert.deleted.files).toMatchObject({ count: 5 });
    expect(cert.deleted.tables).toEqual([
      expect.objectContaining({ table: 'recipients', rows: 5 }),
      expect.objectContaining({ table: 'deliveries', rows: 7 }),
      expect.objectContaining({ table: 'letters', rows: 5, columns: ['last_error', 'smtp_response'] }),
    ]);
    const { rows: files } = await env.db.query<{ content_hash: string }>(
      'SELECT content_hash FROM retention_erased_files WHERE incident_id = $1',
      [ID],
    );
    expect(files).toHaveLength(5);
    const fileHashes = files.map((f) => f.content_hash);
    expect(fileHashes.sort()).toEqual(sentLetters.map((l) => l.content_hash).sort());
    expect(cert.hashes.files).toBe(setHash(fileHashes));
    // The auditor's recipe: the content hash of each sent message (distinct Message-ID), not of each row.
    expect(cert.hashes.sent).toBe(cert.hashes.files);
    const erased = await people(env, ID);
    expect(cert.hashes.destroyedSet).toBe(
      setHash([...erased.map((p) => `person ${p.address_hash}`), ...fileHashes.map((h) => `file ${h}`)]),
    );
  }, 120_000);
});
