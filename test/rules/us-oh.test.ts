import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Ohio, Rev. Code § 1349.19: residents within 45 days of discovery; consumer reporting agencies where
 * more than 1,000 Ohioans are notified. Days end at 23:59:59.999 America/New_York
 * (EDT = UTC-4 until Sun 1 Nov 2026, then EST = UTC-5).
 */
const ohioan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 (before Labor Day, Mon 7 Sep) 21:30 EDT: already Sat 5 Sep in UTC.
  awareAt: '2026-09-04T21:30:00-04:00',
  entity: { name: 'Example Corp', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-OH', count: 1001 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Ohio Rev. Code § 1349.19', () => {
  it('1,001 Ohioans: residents within 45 days of discovery (crossing Labor Day), credit agencies without a number', () => {
    const obligations = obligationsOf('us-oh', ohioan());
    expect(obligations.map((o) => o.id)).toEqual(['us-oh:credit-agencies:US-OH', 'us-oh:residents:US-OH']);
    const o = byId(obligations);
    expect(o['us-oh:residents:US-OH']).toMatchObject({
      recipient: 'individuals',
      clockStart: '2026-09-05T01:30:00.000Z',
      // Local day Fri 4 Sep (not the UTC 5 Sep) + 45 calendar days = Mon 19 Oct; end of day EDT = 03:59:59.999Z on 20 Oct.
      dueAt: '2026-10-20T03:59:59.999Z',
    });
    expect(o['us-oh:residents:US-OH'].citation).toMatch(/1349\.19/);
    expect(o['us-oh:credit-agencies:US-OH']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
    expect(o['us-oh:credit-agencies:US-OH'].citation).toMatch(/1349\.19\(G\)/);
  });

  it('1,000 Ohioans: residents only ("more than one thousand")', () => {
    expect(obligationsOf('us-oh', ohioan({ affected: [{ country: 'US', region: 'US-OH', count: 1000 }] })).map((o) => o.id)).toEqual(['us-oh:residents:US-OH']);
  });

  it('45 days across the end of daylight saving time', () => {
    const [o] = obligationsOf('us-oh', ohioan({ awareAt: '2026-10-15T12:00:00-04:00', affected: [{ country: 'US', region: 'US-OH', count: 3 }] }));
    // Thu 15 Oct + 45 days = Sun 29 Nov, EST: 04:59:59.999Z on 30 Nov.
    expect(o).toMatchObject({ id: 'us-oh:residents:US-OH', dueAt: '2026-11-30T04:59:59.999Z' });
  });

  it('no material risk of identity theft or other fraud: not a breach', () => {
    expect(obligationsOf('us-oh', ohioan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data, and data outside the definition (health, credentials, biometrics), trigger nothing', () => {
    expect(obligationsOf('us-oh', ohioan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-oh', ohioan({ dataCategories: ['name', 'health', 'credentials', 'biometric'] }))).toEqual([]);
  });

  it('HIPAA covered entities and federally regulated financial institutions are exempt; business associates are not', () => {
    expect(obligationsOf('us-oh', ohioan({ entity: { name: 'Hospital', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toEqual([]);
    expect(obligationsOf('us-oh', ohioan({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-oh', ohioan({ entity: { name: 'Vendor', country: 'US', sectors: ['hipaa-business-associate'] } }))).toHaveLength(2);
  });
});
