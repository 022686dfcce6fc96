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
  it('full date of birth, e-signature private keys, passport and health-insurance numbers are covered', () => {
    for (const c of ['date-of-birth', 'digital-signature', 'passport', 'health-insurance'] as const) {
      expect(obligationsOf('us-wa', washingtonian({ dataCategories: ['name', c] }))).toHaveLength(2);
    }
  });

  it('HIPAA covered entity: no state-law resident notice, the AG on HITECH timing (60 days from discovery)', () => {
    const o = byId(obligationsOf('us-wa', washingtonian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } })));
    expect(Object.keys(o)).toEqual(['us-wa:attorney-general-hipaa:US-WA']);
    // Fri 30 Oct (local) + 60 days = Tue 29 Dec; 23:59:59.999 PST = 07:59:59.999Z on 30 Dec.
    expect(o['us-wa:attorney-general-hipaa:US-WA']).toMatchObject({ recipient: 'authority', dueAt: '2026-12-30T07:59:59.999Z', unverified: true });
  });

  it('GLBA financial institution: no state-law resident notice, the AG notice still due in 30 days', () => {
    const ids = obligationsOf('us-wa', washingtonian({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } })).map((o) => o.id);
    expect(ids).toEqual(['us-wa:attorney-general:US-WA']);
  });

  it('discovered the Friday before Memorial Day: 30 calendar days run across the holiday', () => {
    const [o] = obligationsOf('us-wa', washingtonian({ awareAt: '2026-05-22T18:00:00-07:00', affected: [{ country: 'US', region: 'US-WA', count: 2 }] }));
    // Fri 22 May + 30 days = Sun 21 Jun; 23:59:59.999 PDT = 06:59:59.999Z on 22 Jun.
    expect(o).toMatchObject({ id: 'us-wa:residents:US-WA', dueAt: '2026-06-22T06:59:59.999Z' });
  });
});
