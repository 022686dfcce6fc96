import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Colorado, C.R.S. § 6-1-716: residents and (500 or more residents) the Attorney General within 30
 * days of the determination that a breach occurred, unless misuse is not reasonably likely; consumer
 * reporting agencies above 1,000 residents. Days end at 23:59:59.999 America/Denver
 * (MST = UTC-7; MDT = UTC-6 from Sun 8 Mar 2026).
 */
const coloradan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-02-25T09:00:00-07:00',
  // Sat 28 Feb 2026 23:15 MST: already Sun 1 Mar in UTC.
  determinedAt: '2026-02-28T23:15:00-07:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-CO', count: 500 }],
  dataCategories: ['name', 'biometric'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Colorado C.R.S. § 6-1-716', () => {
  it('500 residents: residents and the AG, 30 days from the local determination day, across the DST change', () => {
    const obligations = obligationsOf('us-co', coloradan());
    expect(obligations.map((o) => o.id)).toEqual(['us-co:attorney-general:US-CO', 'us-co:residents:US-CO']);
    const o = byId(obligations);
    // Sat 28 Feb (local) + 30 days = Mon 30 Mar; MDT since 8 Mar: 23:59:59.999 MDT = 05:59:59.999Z on 31 Mar.
    expect(o['us-co:residents:US-CO']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-03-01T06:15:00.000Z', dueAt: '2026-03-31T05:59:59.999Z',
    });
    expect(o['us-co:residents:US-CO'].requiredContent).toEqual(
      ['date-of-breach', 'data-categories', 'contact-point', 'credit-agency-contacts', 'ftc-contacts', 'fraud-alert-and-freeze-info'],
    );
    expect(o['us-co:attorney-general:US-CO']).toMatchObject({ recipient: 'authority', dueAt: '2026-03-31T05:59:59.999Z' });
    expect(o['us-co:attorney-general:US-CO'].citation).toMatch(/6-1-716\(2\)\(f\)/);
  });

  it('499 residents: no AG notice ("five hundred ... or more")', () => {
    const ids = obligationsOf('us-co', coloradan({ affected: [{ country: 'US', region: 'US-CO', count: 499 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-co:residents:US-CO']);
  });

  it('consumer reporting agencies only above 1,000 Colorado residents (1,001 yes, 1,000 no)', () => {
    const at = (count: number) => byId(obligationsOf('us-co', coloradan({ affected: [{ country: 'US', region: 'US-CO', count }] })));
    expect(at(1000)['us-co:credit-agencies:US-CO']).toBeUndefined();
    expect(at(1001)['us-co:credit-agencies:US-CO']).toMatchObject({
      recipient: 'credit-agencies', dueAt: null, requiredContent: ['anticipated-notice-date', 'number-affected'],
    });
  });

  it('investigation finds misuse not reasonably likely: no notice at all', () => {
    expect(obligationsOf('us-co', coloradan({ risk: 'unlikely', affected: [{ country: 'US', region: 'US-CO', count: 5000 }] }))).toEqual([]);
  });

  it('encrypted data (key not taken) is outside the breach definition', () => {
    expect(obligationsOf('us-co', coloradan({ encrypted: true }))).toEqual([]);
  });

  it('only Colorado residents count', () => {
    expect(obligationsOf('us-co', coloradan({ affected: [{ country: 'US', region: 'US-WA', count: 800 }] }))).toEqual([]);
  });
  it('GLBA financial institutions: residents and AG as usual, but no consumer reporting agency notice', () => {
    const ids = obligationsOf('us-co', coloradan({
      entity: { name: 'Example Bank', country: 'US', sectors: ['glba-financial-institution'] },
      affected: [{ country: 'US', region: 'US-CO', count: 5000 }],
    })).map((o) => o.id);
    expect(ids).toEqual(['us-co:attorney-general:US-CO', 'us-co:residents:US-CO']);
  });

  it('passport and health-insurance numbers are covered; determined the Friday before Memorial Day, 30 days cross it', () => {
    const at = (dataCategories: IncidentFactsInput['dataCategories']) => obligationsOf('us-co', coloradan({
      dataCategories, determinedAt: '2026-05-22T17:00:00-06:00', affected: [{ country: 'US', region: 'US-CO', count: 2 }],
    }));
    expect(at(['name', 'health-insurance'])).toHaveLength(1);
    // Fri 22 May + 30 days = Sun 21 Jun; 23:59:59.999 MDT = 05:59:59.999Z on 22 Jun.
    expect(at(['name', 'passport'])[0]).toMatchObject({ id: 'us-co:residents:US-CO', dueAt: '2026-06-22T05:59:59.999Z' });
    expect(at(['name', 'contact', 'location'])).toEqual([]);
  });
});
