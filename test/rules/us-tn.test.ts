import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Tennessee, Tenn. Code § 47-18-2107: residents immediately and no later than 45 days from discovery
 * (no risk-of-harm exception); credit reporting agencies above 1,000 persons. Days end at
 * 23:59:59.999 America/New_York (East Tennessee, the stricter of the state's two zones; EDT = UTC-4).
 */
const tennessean = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 (before Labor Day) 21:30 CDT in Nashville = 02:30Z on 5 Sep = 22:30 EDT on 4 Sep.
  awareAt: '2026-09-04T21:30:00-05:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-TN', count: 1001 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'unlikely',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-TN', count: n }] });

describe('Tennessee § 47-18-2107', () => {
  it('1,001 residents: residents within 45 days of discovery across Labor Day, and the credit agencies; harm unlikely does not excuse', () => {
    const obligations = obligationsOf('us-tn', tennessean());
    expect(obligations.map((o) => o.id)).toEqual(['us-tn:credit-agencies:US-TN', 'us-tn:individuals:US-TN']);
    const o = byId(obligations);
    // Local (Eastern) Fri 4 Sep + 45 days = Mon 19 Oct (Sep 30 = day 26; Mon 7 Sep Labor Day is not skipped);
    // 23:59:59.999 EDT = 03:59:59.999Z on 20 Oct.
    expect(o['us-tn:individuals:US-TN']).toMatchObject({ clockStart: '2026-09-05T02:30:00.000Z', dueAt: '2026-10-20T03:59:59.999Z' });
    expect(o['us-tn:individuals:US-TN'].citation).toMatch(/47-18-2107\(b\)/);
    expect(o['us-tn:credit-agencies:US-TN']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
  });

  it('1,000 residents: no credit agency notice ("more than 1,000")', () => {
    expect(obligationsOf('us-tn', tennessean(count(1000))).map((o) => o.id)).toEqual(['us-tn:individuals:US-TN']);
  });

  it('encrypted data (key safe) and data outside the definition (health, credentials, passport) trigger nothing', () => {
    expect(obligationsOf('us-tn', tennessean({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-tn', tennessean({ dataCategories: ['name', 'health', 'credentials', 'passport'] }))).toEqual([]);
  });

  it('entities subject to HIPAA or GLBA are outside the section', () => {
    for (const s of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-tn', tennessean({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
