import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Florida, Fla. Stat. § 501.171: individuals within 30 days of the determination of a breach (unless
 * no identity theft or financial harm is likely); the Department of Legal Affairs within 30 days for
 * 500 or more Floridians; consumer reporting agencies above 1,000 individuals; the written no-harm
 * determination to the Department within 30 days; a copy of federally required notices from HIPAA/GLBA entities.
 * Days end at 23:59:59.999 America/New_York (EDT = UTC-4 until Sun 1 Nov 2026, then EST = UTC-5).
 */
const floridian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-06-25T09:00:00-04:00',
  // Thu 2 Jul 2026 23:00 EDT: already Fri 3 Jul in UTC.
  determinedAt: '2026-07-02T23:00:00-04:00',
  entity: { name: 'Example Corp', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-FL', count: 500 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Florida Stat. § 501.171', () => {
  it('500 Floridians: individuals and the Department, each within 30 days of the determination', () => {
    const obligations = obligationsOf('us-fl', floridian());
    expect(obligations.map((o) => o.id)).toEqual(['us-fl:department:US-FL', 'us-fl:individuals:US-FL']);
    const o = byId(obligations);
    // Determined Thu 2 Jul (local, not the UTC 3 Jul) + 30 days = Sat 1 Aug; 23:59:59.999 EDT = 03:59:59.999Z on 2 Aug.
    expect(o['us-fl:individuals:US-FL']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-07-03T03:00:00.000Z', dueAt: '2026-08-02T03:59:59.999Z',
      requiredContent: ['date-of-breach', 'data-categories', 'contact-point'],
    });
    expect(o['us-fl:department:US-FL']).toMatchObject({
      recipient: 'authority', dueAt: '2026-08-02T03:59:59.999Z',
      requiredContent: ['nature', 'number-affected', 'remediation-offered', 'sample-notice', 'contact-point'],
    });
    expect(o['us-fl:department:US-FL'].citation).toMatch(/501\.171\(3\)/);
  });

  it('499 Floridians: no Department notice ("500 or more")', () => {
    const ids = obligationsOf('us-fl', floridian({ affected: [{ country: 'US', region: 'US-FL', count: 499 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-fl:individuals:US-FL']);
  });

  it('no identity theft or financial harm likely: individuals excused, the Department still notified and sent the determination', () => {
    const obligations = obligationsOf('us-fl', floridian({ risk: 'unlikely' }));
    expect(obligations.map((o) => o.id)).toEqual(['us-fl:department:US-FL', 'us-fl:no-harm-determination:US-FL']);
    // The written determination: 30 days from Thu 2 Jul (local) = Sat 1 Aug, 23:59:59.999 EDT = 03:59:59.999Z on 2 Aug.
    expect(byId(obligations)['us-fl:no-harm-determination:US-FL']).toMatchObject({
      recipient: 'authority', dueAt: '2026-08-02T03:59:59.999Z', requiredContent: ['no-harm-determination'],
    });
    expect(byId(obligations)['us-fl:no-harm-determination:US-FL'].citation).toMatch(/501\.171\(4\)\(c\)/);
    // Below the Department's threshold the determination is still owed.
    const few = obligationsOf('us-fl', floridian({ risk: 'unlikely', affected: [{ country: 'US', region: 'US-FL', count: 3 }] }));
    expect(few.map((o) => o.id)).toEqual(['us-fl:no-harm-determination:US-FL']);
  });

  it('HIPAA and GLBA entities notifying under federal rules: no state-law individual notice, a copy to the Department instead', () => {
    for (const sector of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      const o = byId(obligationsOf('us-fl', floridian({ entity: { name: 'Example', country: 'US', sectors: [sector] } })));
      expect(Object.keys(o).sort()).toEqual(['us-fl:department:US-FL', 'us-fl:federal-regulator-notice-copy:US-FL']);
      expect(o['us-fl:federal-regulator-notice-copy:US-FL']).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['sample-notice'] });
    }
  });

  it('determined on the Friday before Memorial Day: 30 calendar days run across the holiday', () => {
    const [o] = obligationsOf('us-fl', floridian({ determinedAt: '2026-05-22T16:00:00-04:00', affected: [{ country: 'US', region: 'US-FL', count: 3 }] }));
    // Fri 22 May + 30 days = Sun 21 Jun (Memorial Day, 25 May, counts like any day); 23:59:59.999 EDT = 03:59:59.999Z on 22 Jun.
    expect(o).toMatchObject({ id: 'us-fl:individuals:US-FL', dueAt: '2026-06-22T03:59:59.999Z' });
  });

  it('consumer reporting agencies above 1,000 individuals, wherever they live (1,001 yes, 1,000 no)', () => {
    const withGa = (ga: number) => byId(obligationsOf('us-fl', floridian({
      affected: [{ country: 'US', region: 'US-FL', count: 600 }, { country: 'US', region: 'US-GA', count: ga }],
    })));
    expect(withGa(400)['us-fl:credit-agencies:US-FL']).toBeUndefined();
    expect(withGa(401)['us-fl:credit-agencies:US-FL']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
    // Nobody in Florida: Florida's law does not reach the breach at all.
    expect(obligationsOf('us-fl', floridian({ affected: [{ country: 'US', region: 'US-GA', count: 5000 }] }))).toEqual([]);
  });

  it('30 days across the end of daylight saving time', () => {
    const [o] = obligationsOf('us-fl', floridian({ determinedAt: '2026-10-15T12:00:00-04:00', affected: [{ country: 'US', region: 'US-FL', count: 3 }] }));
    // Thu 15 Oct + 30 days = Sat 14 Nov, now EST: 23:59:59.999 EST = 04:59:59.999Z on 15 Nov.
    expect(o).toMatchObject({ id: 'us-fl:individuals:US-FL', dueAt: '2026-11-15T04:59:59.999Z' });
  });

  it('encrypted data is not personal information: nothing', () => {
    expect(obligationsOf('us-fl', floridian({ encrypted: true }))).toEqual([]);
  });

  it('geolocation, passport and health-insurance numbers are covered elements in Florida; contact details alone are not', () => {
    expect(obligationsOf('us-fl', floridian({ dataCategories: ['name', 'location'] }))).toHaveLength(2);
    expect(obligationsOf('us-fl', floridian({ dataCategories: ['name', 'passport'] }))).toHaveLength(2);
    expect(obligationsOf('us-fl', floridian({ dataCategories: ['name', 'health-insurance'] }))).toHaveLength(2);
    expect(obligationsOf('us-fl', floridian({ dataCategories: ['name', 'contact'] }))).toEqual([]);
  });
});
