/**
 * The destruction certificate and the recipes an auditor recomputes it with (see the README):
 *
 * - a person's hash: HMAC-SHA256, key = the incident's salt (its text, UTF-8), message = the
 *   address trimmed and lower-cased; lowercase hex. Stored in `recipients.address_hash`.
 * - a set hash: SHA-256 over the set's lines sorted bytewise, each line followed by "\n".
 *   `destroyedSet` has one line `person <address_hash>` per erased person and one line
 *   `file <content sha256>` per destroyed outbox file; `files` has the bare content hashes of the
 *   destroyed files; `sent` the bare content hashes of the incident's sent messages (one line per
 *   distinct Message-ID of its sent deliveries: a combined letter satisfies several obligations
 *   with one message). With every letter written to the outbox once, `files` equals `sent`: what
 *   was sent is what was destroyed.
 */
import { createHash, createHmac } from 'node:crypto';

export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

export function personHash(salt: string, address: string): string {
  return createHmac('sha256', salt).update(normaliseAddress(address)).digest('hex');
}

/** SHA-256 over the lines sorted bytewise (code units of ASCII hex are bytes), each ending in "\n". */
export function setHash(lines: readonly string[]): string {
  const h = createHash('sha256');
  for (const line of [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${line}\n`);
  return h.digest('hex');
}

export type RetentionScope = 'outbox' | 'all';

export interface DestructionCertificate {
  incidentId: string;
  /** `outbox`: the outbox copies alone (their period ended first); `all`: names, addresses and copies. */
  scope: RetentionScope;
  /** Which process destroyed it. */
  process: { workflowType: string; workflowId: string; runId: string };
  startedAt: string;
  destroyedAt: string;
  deleted: {
    tables: { table: string; rows: number; columns: string[]; how: string }[];
    files: { location: string; count: number; bytes: number };
  };
  /** What the evidence keeps, without the person. */
  kept: string[];
  counts: {
    /** People erased so far (0 for an outbox-only certificate). */
    people: number;
    /** People of the incident still whole (0 for a complete certificate). */
    peopleRemaining: number;
    files: number;
    /** Sent deliveries: one per obligation a person was told under. */
    sentDeliveries: number;
    /** Messages sent (distinct Message-IDs): a combined letter is one message for several deliveries (absent on certificates issued before letters). */
    sentMessages?: number;
    /** Destroyed files whose content hash is the content hash of a sent delivery. */
    filesMatchingSent: number;
  };
  hashes: { algorithm: 'sha256'; destroyedSet: string; files: string; sent: string };
}
