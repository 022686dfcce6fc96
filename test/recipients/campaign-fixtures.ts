/** Recipients put straight into the store, and a mass notice to send them, for campaign tests. */
import { IncidentFacts } from '../../domain/facts';
import { obligationsOf } from '../rules/helpers';
import type { MassNotice } from '../../activities/recipients/campaign';
import { noticeKind } from '../../activities/notices';
import type { LettersRound } from '../../workflows/notify/messages';
import type { Queryable } from '../../activities/store/db';

export async function seedRecipients(
  db: Queryable,
  incidentId: string,
  n: number,
  opts: { domain?: string; locale?: (i: number) => string; region?: (i: number) => string | null } = {},
): Promise<void> {
  for (let start = 0; start < n; start += 1000) {
    const params: unknown[] = [incidentId];
    const values: string[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      const region = opts.region?.(i) ?? null;
      params.push(`person${i}@${opts.domain ?? 'example.net'}`, opts.locale?.(i) ?? 'en', region ? 'US' : 'DE', region);
      values.push(`($1, $${params.length - 3}, $${params.length - 2}, $${params.length - 1}, $${params.length})`);
    }
    await db.query(
      `INSERT INTO recipients (incident_id, email, locale, country, region) VALUES ${values.join(', ')}`,
      params,
    );
  }
}

const facts = IncidentFacts.parse({
  awareAt: '2026-03-02T09:15:00Z',
  entity: { name: 'Beispiel GmbH', country: 'DE' },
  affected: [{ country: 'DE', count: 1000 }],
  dataCategories: ['name', 'contact', 'financial'],
  risk: 'high',
  nature: 'Customer records were copied from a misconfigured backup server.',
  likelyConsequences: 'Phishing using your name and order history.',
  measuresTaken: 'The server was taken offline and all passwords were reset.',
});

export function massNotice(incidentId: string): MassNotice {
  const obligation = obligationsOf('gdpr', facts).find((o) => o.recipient === 'individuals');
  if (!obligation) throw new Error('fixture facts must yield a GDPR individuals obligation');
  return {
    kind: 'gdpr-individuals',
    from: 'incident-response@example.org',
    replyTo: 'dpo@example.org',
    request: {
      incident: { id: incidentId, title: 'Backup server exposed' },
      facts,
      obligation,
      contact: { name: 'DPO', email: 'dpo@example.org' },
      timeZone: 'Europe/Berlin',
    },
  };
}

/** Message-IDs the SMTP server received, per recipient address. */
export function receivedPerRecipient(received: { rcptTo: string[] }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of received) for (const a of r.rcptTo) m.set(a, (m.get(a) ?? 0) + 1);
  return m;
}

/** Two individuals obligations, GDPR (everyone: the entity is established in Germany) and California's (its residents), as approved letter parts. */
export function letterParts(incidentId: string): LettersRound['parts'] {
  const both = IncidentFacts.parse({
    ...facts,
    affected: [
      { country: 'DE', count: 1000 },
      { country: 'US', region: 'US-CA', count: 500 },
    ],
    dataCategories: ['name', 'contact', 'financial', 'government-id'],
  });
  return ['gdpr', 'us-ca'].map((regime) => {
    const obligation = obligationsOf(regime, both).find((o) => o.recipient === 'individuals');
    if (!obligation) throw new Error(`fixture facts must yield a ${regime} individuals obligation`);
    return {
      noticeId: obligation.id,
      kind: noticeKind(obligation),
      audience: obligation.audience,
      request: {
        incident: { id: incidentId, title: 'Backup server exposed' },
        facts: both,
        obligation,
        contact: { name: 'DPO', email: 'dpo@example.org' },
        timeZone: 'Europe/Berlin',
      },
    };
  });
}
