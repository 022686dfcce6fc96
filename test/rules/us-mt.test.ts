import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Montana, Mont. Code Ann. § 30-14-1704: residents without unreasonable delay (no number of days);
 * a copy to the Attorney General's Office of Consumer Protection simultaneously (modelled as the end
 * of the day the residents are notified); coordination with consumer reporting agencies.
 * America/Denver (MDT = UTC-6 in summer 2026).
 */
const montanan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Tue 9 Jun 2026 08:00 MDT = 14:00Z.
  awareAt: '2026-06-09T08:00:00-06:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-MT', count: 1 }],
  dataCategories: ['name', 'tax-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Montana Code Ann. § 30-14-1704', () => {
  it('one Montanan: residents, the Office of Consumer Protection chained to them, and credit agencies; no number of days yet', () => {
    const obligations = obligationsOf('us-mt', montanan());
    expect(obligations.map((o) => o.id)).toEqual(['us-mt:attorney-general:US-MT', 'us-mt:credit-agencies:US-MT', 'us-mt:residents:US-MT']);
    const o = byId(obligations);
    expect(o['us-mt:residents:US-MT']).toMatchObject({ recipient: 'individuals', clockStart: '2026-06-09T14:00:00.000Z', dueAt: null });
    expect(o['us-mt:attorney-general:US-MT']).toMatchObject({
      recipient: 'authority', after: 'us-mt:residents:US-MT',
      // Residents not yet notified and their notice has no due time: no number for the copy either.
      clockStart: '2026-06-09T14:00:00.000Z', dueAt: null,
      requiredContent: ['sample-notice', 'notice-timing-and-distribution', 'number-affected'],
    });
    expect(o['us-mt:attorney-general:US-MT'].citation).toMatch(/30-14-1704\(8\)/);
  });

  it('residents notified on the Friday before Labor Day: the copy is due by the end of that same Montana day', () => {
    const o = byId(obligationsOf('us-mt', montanan(), { 'us-mt:residents:US-MT': '2026-09-04T15:00:00-06:00' }));
    expect(o['us-mt:attorney-general:US-MT']).toMatchObject({
      // Fri 4 Sep 15:00 MDT = 21:00Z; 0 calendar days: end of Fri 4 Sep MDT = 05:59:59.999Z on Sat 5 Sep
      // (Labor Day on Mon 7 Sep plays no part).
      clockStart: '2026-09-04T21:00:00.000Z',
      dueAt: '2026-09-05T05:59:59.999Z',
    });
  });

  it('no loss or injury reasonably believed (not a breach): nothing', () => {
    expect(obligationsOf('us-mt', montanan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data, and data outside the definition (credentials, biometrics, health insurance numbers), trigger nothing', () => {
    expect(obligationsOf('us-mt', montanan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-mt', montanan({ dataCategories: ['name', 'credentials', 'biometric', 'health-insurance'] }))).toEqual([]);
  });

  it('medical record information and government IDs are covered; no HIPAA or GLBA exemption', () => {
    expect(obligationsOf('us-mt', montanan({ dataCategories: ['health'], entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(3);
    expect(obligationsOf('us-mt', montanan({ dataCategories: ['government-id'], entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toHaveLength(3);
  });

  it('only Montana residents bring Montana law in', () => {
    expect(obligationsOf('us-mt', montanan({ affected: [{ country: 'US', region: 'US-ID', count: 500 }] }))).toEqual([]);
  });
});
