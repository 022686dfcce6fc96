import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Washington, RCW 19.255.010: residents within 30 calendar days of discovery, and the Attorney General
 * within 30 days where more than 500 Washingtonians are notified, unless the breach is not reasonably
 * likely to subject consumers to a risk of harm. Days end at 23:59:59.999 America/Los_Angeles
 * (PDT = UTC-7 until Sun 1 Nov 2026, then PST = UTC-8).
 */
const washingtonian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 30 Oct 2026 23:30 PDT: already Sat 31 Oct in UTC.
  awareAt: '2026-10-30T23:30:00-07:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-WA', count: 501 }],
  dataCategories: ['name', 'health'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Washington RCW 19.255.010', () => {
  it('501 residents: residents and the AG within 30 days of discovery, across the end of DST', () => {
    const obligations = obligationsOf('us-wa', washingtonian());
    expect(obligations.map((o) => o.id)).toEqual(['us-wa:attorney-general:US-WA', 'us-wa:residents:US-WA']);
    const o = byId(obligations);
    // Discovered Fri 30 Oct (local, not the UTC 31 Oct) + 30 days = Sun 29 Nov, PST by then:
    // 23:59:59.999 PST = 07:59:59.999Z on 30 Nov.
    expect(o['us-wa:residents:US-WA']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-10-31T06:30:00.000Z', dueAt: '2026-11-30T07:59:59.999Z',
      requiredContent: ['contact-point', 'data-categories', 'date-of-breach', 'date-of-discovery', 'credit-agency-contacts'],
    });
    expect(o['us-wa:attorney-general:US-WA']).toMatchObject({
      recipient: 'authority', dueAt: '2026-11-30T07:59:59.999Z',
      requiredContent: ['number-affected', 'data-categories', 'measures', 'date-of-breach', 'date-of-discovery', 'sample-notice'],
    });
    expect(o['us-wa:attorney-general:US-WA'].citation).toMatch(/19\.255\.010\(7\)/);
  });

  it('exactly 500 residents is not "more than five hundred": no AG notice', () => {
    const ids = obligationsOf('us-wa', washingtonian({ affected: [{ country: 'US', region: 'US-WA', count: 500 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-wa:residents:US-WA']);
  });

  it('not reasonably likely to subject consumers to a risk of harm: no notice', () => {
    expect(obligationsOf('us-wa', washingtonian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('secured (encrypted, key safe) data: no notice', () => {
    expect(obligationsOf('us-wa', washingtonian({ encrypted: true }))).toEqual([]);
  });

  it('login credentials alone are covered; location data is not', () => {
    expect(obligationsOf('us-wa', washingtonian({ dataCategories: ['credentials'] }))).toHaveLength(2);
    expect(obligationsOf('us-wa', washingtonian({ dataCategories: ['name', 'location'] }))).toEqual([]);
  });
});
