/**
 * Retention activities: erase an incident's people and their outbox copies in batches, and issue
 * the destruction certificate. Built with the store and the outbox folder from worker/.
 */
import type { Db } from '../store/db';
import { setHash, type DestructionCertificate, type RetentionScope } from './certificate';
import { eraseOutboxBatch, erasePeopleBatch, type BatchOutcome, type BatchRequest } from './erase';

export type { DestructionCertificate, RetentionScope } from './certificate';
export type { BatchOutcome, BatchRequest } from './erase';

export interface RetentionDeps {
  db: Db;
  /** The outbox transport's folder; unset: no outbox copies to delete. */
  outboxDir?: string;
  clock: () => Date;
}

export interface CertifyRequest {
  incidentId: string;
  scope: RetentionScope;
  process: DestructionCertificate['process'];
  startedAt: string;
}

/** What the evidence keeps of a person (documented in the certificate itself). */
const KEPT = [
  'recipients.address_hash: HMAC-SHA256 of the address, salt per incident (retention_salts)',
  'recipients.country, recipients.region: the jurisdiction',
  'recipients.locale',
  'deliveries.message_id, deliveries.smtp_response, deliveries.sent_at, deliveries.content_hash, deliveries.template_version',
  'retention_erased_files.content_hash: SHA-256 of each destroyed outbox file',
];

export function createRetentionActivities(deps: RetentionDeps) {
  const { db } = deps;
  return {
    async erasePeopleBatch(req: BatchRequest): Promise<BatchOutcome> {
      return erasePeopleBatch(db, req);
    },

    async eraseOutboxBatch(req: BatchRequest): Promise<BatchOutcome> {
      return eraseOutboxBatch(db, deps.outboxDir, req);
    },

    /** The certificate over everything destroyed so far for the incident; recomputable from the store. */
    async certifyDestruction({
      incidentId,
      scope,
      process,
      startedAt,
    }: CertifyRequest): Promise<DestructionCertificate> {
      const { rows: people } = await db.query<{ address_hash: string }>(
        'SELECT address_hash FROM recipients WHERE incident_id = $1 AND erased_at IS NOT NULL',
        [incidentId],
      );
      const { rows: remaining } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM recipients WHERE incident_id = $1 AND erased_at IS NULL',
        [incidentId],
      );
      const { rows: deliveries } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM deliveries d JOIN recipients r ON r.id = d.recipient_id
         WHERE d.incident_id = $1 AND r.erased_at IS NOT NULL`,
        [incidentId],
      );
      const { rows: files } = await db.query<{ content_hash: string; bytes: number }>(
        'SELECT content_hash, bytes FROM retention_erased_files WHERE incident_id = $1',
        [incidentId],
      );
      const { rows: letters } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM letters l JOIN recipients r ON r.id = l.recipient_id
         WHERE l.incident_id = $1 AND r.erased_at IS NOT NULL`,
        [incidentId],
      );
      const { rows: sentRows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM deliveries WHERE incident_id = $1 AND status = 'sent' AND content_hash IS NOT NULL`,
        [incidentId],
      );
      // One line per message sent, not per obligation: a combined letter satisfies several
      // obligations (several deliveries rows) with one message, written to the outbox once.
      const { rows: sent } = await db.query<{ content_hash: string }>(
        `SELECT DISTINCT message_id, content_hash FROM deliveries
         WHERE incident_id = $1 AND status = 'sent' AND content_hash IS NOT NULL`,
        [incidentId],
      );
      const sentSet = new Set(sent.map((s) => s.content_hash));
      const fileHashes = files.map((f) => f.content_hash);
      const erasedPeople = scope === 'all' ? people.length : 0;
      return {
        incidentId,
        scope,
        process,
        startedAt,
        destroyedAt: deps.clock().toISOString(),
        deleted: {
          tables:
            scope === 'all'
              ? [
                  {
                    table: 'recipients',
                    rows: people.length,
                    columns: ['email', 'name'],
                    how: 'set to NULL; the address replaced by address_hash',
                  },
                  {
                    table: 'deliveries',
                    rows: Number(deliveries[0].n),
                    columns: ['last_error', 'smtp_response'],
                    how: 'the address removed from the text, replaced by <erased:first 16 hex of address_hash>',
                  },
                  {
                    table: 'letters',
                    rows: Number(letters[0].n),
                    columns: ['last_error', 'smtp_response'],
                    how: 'the address removed from the text, replaced by <erased:first 16 hex of address_hash>',
                  },
                ]
              : [],
          files: { location: 'outbox', count: files.length, bytes: files.reduce((n, f) => n + Number(f.bytes), 0) },
        },
        kept: KEPT,
        counts: {
          people: erasedPeople,
          peopleRemaining: Number(remaining[0].n),
          files: files.length,
          sentDeliveries: Number(sentRows[0].n),
          sentMessages: sent.length,
          filesMatchingSent: fileHashes.filter((h) => sentSet.has(h)).length,
        },
        hashes: {
          algorithm: 'sha256',
          destroyedSet: setHash([
            ...(scope === 'all' ? people.map((p) => `person ${p.address_hash}`) : []),
            ...fileHashes.map((h) => `file ${h}`),
          ]),
          files: setHash(fileHashes),
          sent: setHash([...sent.map((s) => s.content_hash)]),
        },
      };
    },
  };
}
export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
