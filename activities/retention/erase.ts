/**
 * Erasing an incident's people from the store and their letters from the outbox. Every step is
 * idempotent and driven by state in the store, so re-running after a crash finishes the job:
 *
 * - people, in batches, each batch ONE transaction: the address in every delivery's and every
 *   letter's texts is replaced by the person's hash, then name and address give way to the hash in one UPDATE
 *   (a CHECK constraint refuses any row that is half erased);
 * - their outbox files, after their rows: each file's SHA-256 is recorded, then the file is
 *   unlinked, then the person is marked `files_erased_at`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { messageIdFor } from '../recipients/campaign';
import type { Db, Queryable } from '../store/db';
import { personHash } from './certificate';
import { indexOutbox } from './outbox';

interface EvidenceTexts {
  recipient_id: number;
  last_error: string | null;
  smtp_response: string | null;
}

/** The rows whose error text or SMTP reply names their person, with the address replaced by its hash. */
function scrubbedTexts<T extends EvidenceTexts>(
  rows: T[],
  hashOf: Map<number, { email: string; hash: string }>,
): (T & { last: string | null; response: string | null })[] {
  return rows
    .map((t) => {
      const p = hashOf.get(Number(t.recipient_id))!;
      return { ...t, last: scrub(t.last_error, p.email, p.hash), response: scrub(t.smtp_response, p.email, p.hash) };
    })
    .filter((t) => t.last !== t.last_error || t.response !== t.smtp_response);
}

export interface BatchRequest {
  incidentId: string;
  limit: number;
}
export interface BatchOutcome {
  /** People (or people's files) handled by this batch. */
  erased: number;
  /** Outbox files destroyed by this batch. */
  files: number;
  done: boolean;
}

export async function incidentSalt(db: Queryable, incidentId: string): Promise<string> {
  await db.query('INSERT INTO retention_salts (incident_id, salt) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    incidentId,
    randomBytes(32).toString('hex'),
  ]);
  const { rows } = await db.query<{ salt: string }>('SELECT salt FROM retention_salts WHERE incident_id = $1', [
    incidentId,
  ]);
  return rows[0].salt;
}

/** The address, wherever it appears in a text (any case), replaced by a reference to its hash. */
function scrub(text: string | null, address: string, hash: string): string | null {
  if (text === null) return null;
  const lower = text.toLowerCase();
  const needle = address.trim().toLowerCase();
  if (!needle || !lower.includes(needle)) return text;
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    out += `${text.slice(from, at)}<erased:${hash.slice(0, 16)}>`;
    from = at + needle.length;
  }
  return out + text.slice(from);
}

export async function erasePeopleBatch(db: Db, { incidentId, limit }: BatchRequest): Promise<BatchOutcome> {
  const salt = await incidentSalt(db, incidentId);
  const erased = await db.transaction(async (tx) => {
    const { rows: people } = await tx.query<{ id: number; email: string }>(
      `SELECT id, email FROM recipients WHERE incident_id = $1 AND erased_at IS NULL
       ORDER BY id LIMIT $2 FOR UPDATE`,
      [incidentId, limit],
    );
    if (!people.length) return 0;
    const ids = people.map((p) => Number(p.id));
    const hashOf = new Map(people.map((p) => [Number(p.id), { email: p.email, hash: personHash(salt, p.email) }]));
    const { rows: texts } = await tx.query<{
      notice_id: string;
      recipient_id: number;
      last_error: string | null;
      smtp_response: string | null;
    }>(
      `SELECT notice_id, recipient_id, last_error, smtp_response FROM deliveries
       WHERE incident_id = $1 AND recipient_id = ANY($2::bigint[]) AND (last_error IS NOT NULL OR smtp_response IS NOT NULL)`,
      [incidentId, ids],
    );
    const changed = scrubbedTexts(texts, hashOf);
    if (changed.length) {
      await tx.query(
        `UPDATE deliveries d SET last_error = v.last_error, smtp_response = v.smtp_response
         FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[]) AS v(notice_id, recipient_id, last_error, smtp_response)
         WHERE d.incident_id = $1 AND d.notice_id = v.notice_id AND d.recipient_id = v.recipient_id`,
        [
          incidentId,
          changed.map((t) => t.notice_id),
          changed.map((t) => Number(t.recipient_id)),
          changed.map((t) => t.last),
          changed.map((t) => t.response),
        ],
      );
    }
    // A letter's own evidence texts (one letter may satisfy several obligations) name the person too.
    const { rows: letterTexts } = await tx.query<{
      recipient_id: number;
      seq: number;
      last_error: string | null;
      smtp_response: string | null;
    }>(
      `SELECT recipient_id, seq, last_error, smtp_response FROM letters
       WHERE incident_id = $1 AND recipient_id = ANY($2::bigint[]) AND (last_error IS NOT NULL OR smtp_response IS NOT NULL)`,
      [incidentId, ids],
    );
    const changedLetters = scrubbedTexts(letterTexts, hashOf);
    if (changedLetters.length) {
      await tx.query(
        `UPDATE letters l SET last_error = v.last_error, smtp_response = v.smtp_response
         FROM unnest($2::bigint[], $3::int[], $4::text[], $5::text[]) AS v(recipient_id, seq, last_error, smtp_response)
         WHERE l.incident_id = $1 AND l.recipient_id = v.recipient_id AND l.seq = v.seq`,
        [
          incidentId,
          changedLetters.map((t) => Number(t.recipient_id)),
          changedLetters.map((t) => Number(t.seq)),
          changedLetters.map((t) => t.last),
          changedLetters.map((t) => t.response),
        ],
      );
    }
    // Name and address leave together, in one statement: never half a person.
    await tx.query(
      `UPDATE recipients r SET email = NULL, name = NULL, address_hash = v.hash, erased_at = now()
       FROM unnest($2::bigint[], $3::text[]) AS v(id, hash)
       WHERE r.incident_id = $1 AND r.id = v.id AND r.erased_at IS NULL`,
      [incidentId, ids, ids.map((id) => hashOf.get(id)!.hash)],
    );
    return people.length;
  });
  return { erased, files: 0, done: erased < limit };
}

export async function eraseOutboxBatch(
  db: Db,
  outboxDir: string | undefined,
  { incidentId, limit }: BatchRequest,
): Promise<BatchOutcome> {
  const { rows: people } = await db.query<{ id: number }>(
    `SELECT id FROM recipients WHERE incident_id = $1 AND files_erased_at IS NULL ORDER BY id LIMIT $2`,
    [incidentId, limit],
  );
  if (!people.length) return { erased: 0, files: 0, done: true };
  const ids = people.map((p) => Number(p.id));
  const { rows: deliveries } = await db.query<{ notice_id: string; recipient_id: number; message_id: string | null }>(
    `SELECT notice_id, recipient_id, message_id FROM deliveries WHERE incident_id = $1 AND recipient_id = ANY($2::bigint[])`,
    [incidentId, ids],
  );
  // Their letters (one per person across obligations): several deliveries rows share one letter's message.
  const { rows: letters } = await db.query<{ recipient_id: number; seq: number; message_id: string | null }>(
    `SELECT recipient_id, seq, message_id FROM letters WHERE incident_id = $1 AND recipient_id = ANY($2::bigint[])`,
    [incidentId, ids],
  );
  const outbox = await indexOutbox(outboxDir);
  // File name → recipient id: a file found through several obligations' rows is destroyed (and counted) once.
  const files = new Map<string, number>();
  const localPart = (noticeId: string, recipientId: number) =>
    messageIdFor({ incidentId, noticeId }, recipientId, 'x@x').slice(1).split('@')[0];
  for (const d of deliveries) {
    const recipientId = Number(d.recipient_id);
    // The recorded Message-ID, and the campaign's own for a send whose outcome was never recorded.
    const names = [
      ...(d.message_id ? outbox.byMessageId(d.message_id) : []),
      ...outbox.byLocalPart(localPart(d.notice_id, recipientId)),
    ];
    for (const name of names) files.set(name, recipientId);
  }
  for (const l of letters) {
    const recipientId = Number(l.recipient_id);
    // A letter's Message-ID is its own (activities/letters/campaign.ts: "letter-<seq>" per person).
    const names = [
      ...(l.message_id ? outbox.byMessageId(l.message_id) : []),
      ...outbox.byLocalPart(localPart(`letter-${Number(l.seq)}`, recipientId)),
    ];
    for (const name of names) files.set(name, recipientId);
  }
  let destroyed = 0;
  for (const [name, recipientId] of files) {
    const path = join(outboxDir!, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // gone already (an earlier attempt)
      throw err;
    }
    // Recorded before the unlink: a crash in between leaves a record and a file the next attempt removes.
    await db.query(
      `INSERT INTO retention_erased_files (incident_id, file_name, recipient_id, content_hash, bytes)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [incidentId, name, recipientId, createHash('sha256').update(bytes).digest('hex'), bytes.length],
    );
    try {
      await unlink(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    destroyed++;
  }
  await db.query(
    `UPDATE recipients SET files_erased_at = now() WHERE incident_id = $1 AND id = ANY($2::bigint[]) AND files_erased_at IS NULL`,
    [incidentId, ids],
  );
  return { erased: people.length, files: destroyed, done: people.length < limit };
}
