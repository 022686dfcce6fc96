import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Nevada, NRS 603A.220: residents in the most expedient time possible (no number of days, no risk
 * exception); nationwide consumer reporting agencies where more than 1,000 persons are notified.
 */
const nevadan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Mon 12 Oct 2026 (Columbus Day) 10:00 PDT = 17:00Z.
  awareAt: '2026-10-12T10:00:00-07:00',
  entity: { name: 'Example Casino', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-NV', count: 1001 }],
  dataCategories: ['name', 'health-insurance'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Nevada NRS 603A.220', () => {
  it('1,001 Nevadans: residents and credit agencies, no number of days', () => {
    const obligations = obligationsOf('us-nv', nevadan());
    expect(obligations.map((o) => o.id)).toEqual(['us-nv:credit-agencies:US-NV', 'us-nv:residents:US-NV']);
    const o = byId(obligations);
    expect(o['us-nv:residents:US-NV']).toMatchObject({ recipient: 'individuals', clockStart: '2026-10-12T17:00:00.000Z', dueAt: null });
    expect(o['us-nv:residents:US-NV'].citation).toMatch(/603A\.220\(1\)/);
    expect(o['us-nv:credit-agencies:US-NV']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
  });

  it('1,000 Nevadans: no credit-agency notice ("more than 1,000")', () => {
    expect(obligationsOf('us-nv', nevadan({ affected: [{ country: 'US', region: 'US-NV', count: 1000 }] })).map((o) => o.id)).toEqual(['us-nv:residents:US-NV']);
  });

  it('no risk-of-harm exception', () => {
    expect(obligationsOf('us-nv', nevadan({ risk: 'unlikely' }))).toHaveLength(2);
  });

  it('encrypted data, and data outside the definition (biometrics, date of birth), trigger nothing', () => {
    expect(obligationsOf('us-nv', nevadan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-nv', nevadan({ dataCategories: ['name', 'biometric', 'date-of-birth'] }))).toEqual([]);
  });

  it('online credentials are covered; no GLBA or HIPAA exclusion is applied (not confirmed in the text)', () => {
    expect(obligationsOf('us-nv', nevadan({ dataCategories: ['credentials'], entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toHaveLength(2);
  });

  it('determined on the Friday before Labor Day: still no number of days', () => {
    const [o] = obligationsOf('us-nv', nevadan({ awareAt: '2026-09-04T17:00:00-07:00', affected: [{ country: 'US', region: 'US-NV', count: 3 }] }));
    // Fri 4 Sep 17:00 PDT = Sat 5 Sep 00:00Z.
    expect(o).toMatchObject({ id: 'us-nv:residents:US-NV', clockStart: '2026-09-05T00:00:00.000Z', dueAt: null });
  });
});
