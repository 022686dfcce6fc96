import { createHash } from 'node:crypto';

/**
 * A Message-ID that is the same every time the same notice is (re)sent, so a recipient or an
 * auditor can tell a resend from a second notice. `parts` identify the notice, e.g.
 * [incidentId, obligationId, revision]; `domain` is the sender's domain.
 */
export function makeMessageId(parts: readonly string[], domain: string): string {
  if (parts.length === 0 || parts.some((p) => p.length === 0))
    throw new Error('makeMessageId: parts must be non-empty strings');
  if (!/^[A-Za-z0-9.-]+$/.test(domain)) throw new Error(`makeMessageId: invalid domain "${domain}"`);
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p.length}:${p}`); // length-prefixed: ["ab","c"] ≠ ["a","bc"]
  return `<notice.${hash.digest('hex').slice(0, 40)}@${domain.toLowerCase()}>`;
}

/** Domain part of an address such as "Engine <noreply@example.org>" or "noreply@example.org". */
export function domainOf(address: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address);
  if (!m) throw new Error(`domainOf: no domain in "${address}"`);
  return m[1].toLowerCase();
}
