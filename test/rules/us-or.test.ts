import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Oregon, ORS 646A.604: consumers and (above 250) the Attorney General within 45 days of discovery;
 * consumer reporting agencies above 1,000. Days end at 23:59:59.999 America/Boise (Mountain time of
 * Malheur County, the stricter of Oregon's two zones: MDT = UTC-6 until Sun 1 Nov 2026, then MST = UTC-7).
 */
const oregonian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Thu 15 Oct 2026 09:00 PDT = 16:00Z = 10:00 MDT the same day.
  awareAt: '2026-10-15T09:00:00-07:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-OR', count: 251 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-OR', count: n }] });

describe('Oregon ORS 646A.604', () => {
  it('251 Oregonians: consumers and the AG within 45 days of discovery, across the end of daylight saving time', () => {
    const obligations = obligationsOf('us-or', oregonian());
    expect(obligations.map((o) => o.id)).toEqual(['us-or:attorney-general:US-OR', 'us-or:individuals:US-OR']);
    const o = byId(obligations);
    // Thu 15 Oct + 45 days = Sun 29 Nov (Oct 31 = day 16); MST by then: 23:59:59.999 MST = 06:59:59.999Z on 30 Nov.
    expect(o['us-or:individuals:US-OR']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-10-15T16:00:00.000Z', dueAt: '2026-11-30T06:59:59.999Z',
      requiredContent: ['nature', 'date-of-breach', 'data-categories', 'contact-point', 'credit-agency-contacts', 'identity-theft-reporting-advice'],
    });
    expect(o['us-or:individuals:US-OR'].citation).toMatch(/646A\.604\(1\)\(a\)/);
    expect(o['us-or:attorney-general:US-OR']).toMatchObject({ recipient: 'authority', dueAt: '2026-11-30T06:59:59.999Z' });
    expect(o['us-or:attorney-general:US-OR'].citation).toMatch(/646A\.604\(1\)\(b\)/);
  });

  it('250 Oregonians: no AG notice ("exceeds 250")', () => {
    expect(obligationsOf('us-or', oregonian(count(250))).map((o) => o.id)).toEqual(['us-or:individuals:US-OR']);
  });

  it('consumer reporting agencies above 1,000 Oregonians (1,001 yes, 1,000 no)', () => {
    expect(byId(obligationsOf('us-or', oregonian(count(1000))))['us-or:credit-agencies:US-OR']).toBeUndefined();
    expect(byId(obligationsOf('us-or', oregonian(count(1001))))['us-or:credit-agencies:US-OR']).toMatchObject({
      recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution', 'police-report-number'],
    });
  });

  it('discovery on the Friday before Labor Day: the calendar-day clock crosses the holiday', () => {
    const [o] = obligationsOf('us-or', oregonian({ awareAt: '2026-09-04T16:00:00-07:00', ...count(3) }));
    // Fri 4 Sep + 45 days = Mon 19 Oct (Sep 30 = day 26); 23:59:59.999 MDT = 05:59:59.999Z on 20 Oct.
    expect(o).toMatchObject({ id: 'us-or:individuals:US-OR', dueAt: '2026-10-20T05:59:59.999Z' });
  });

  it('harm unlikely (documented determination): nothing', () => {
    expect(obligationsOf('us-or', oregonian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data triggers nothing; online credentials and health insurance numbers are covered, contact data is not', () => {
    expect(obligationsOf('us-or', oregonian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-or', oregonian({ dataCategories: ['credentials'] }))).toHaveLength(2);
    expect(obligationsOf('us-or', oregonian({ dataCategories: ['health-insurance'] }))).toHaveLength(2);
    expect(obligationsOf('us-or', oregonian({ dataCategories: ['name', 'contact'] }))).toEqual([]);
  });

  it('HIPAA and GLBA entities are exempt from the consumer notice; the AG notice above 250 is kept (unverified)', () => {
    const glba = { entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution' as const] } };
    const obligations = obligationsOf('us-or', oregonian({ ...glba, ...count(2000) }));
    expect(obligations.map((o) => o.id)).toEqual(['us-or:attorney-general-deemed-compliant:US-OR']);
    expect(obligations[0]).toMatchObject({ dueAt: null, unverified: true });
    expect(obligationsOf('us-or', oregonian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] }, ...count(250) }))).toEqual([]);
  });
});
