import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * New Jersey, N.J.S.A. 56:8-163: the Division of State Police before the customers; customers in the
 * most expedient time possible (no number of days); consumer reporting agencies above 1,000.
 */
const jerseyan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Mon 20 Apr 2026 09:00 EDT = 13:00Z.
  awareAt: '2026-04-20T09:00:00-04:00',
  entity: { name: 'Example Corp', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-NJ', count: 1001 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('New Jersey N.J.S.A. 56:8-163', () => {
  it('1,001 residents: customers, State Police and credit agencies, none with a number of days', () => {
    const obligations = obligationsOf('us-nj', jerseyan());
    expect(obligations.map((o) => o.id)).toEqual(['us-nj:credit-agencies:US-NJ', 'us-nj:residents:US-NJ', 'us-nj:state-police:US-NJ']);
    const o = byId(obligations);
    expect(o['us-nj:residents:US-NJ']).toMatchObject({ recipient: 'individuals', clockStart: '2026-04-20T13:00:00.000Z', dueAt: null });
    expect(o['us-nj:state-police:US-NJ']).toMatchObject({ recipient: 'authority', dueAt: null });
    expect(o['us-nj:state-police:US-NJ'].citation).toMatch(/56:8-163\(c\)\(1\)/);
    expect(o['us-nj:credit-agencies:US-NJ'].citation).toMatch(/56:8-163\(f\)/);
  });

  it('1,000 residents: no credit-agency notice; State Police has no threshold', () => {
    const ids = obligationsOf('us-nj', jerseyan({ affected: [{ country: 'US', region: 'US-NJ', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-nj:residents:US-NJ', 'us-nj:state-police:US-NJ']);
  });

  it('misuse established as not reasonably possible: nothing', () => {
    expect(obligationsOf('us-nj', jerseyan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data, and data outside the definition (health, biometrics), trigger nothing', () => {
    expect(obligationsOf('us-nj', jerseyan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-nj', jerseyan({ dataCategories: ['name', 'health', 'biometric'] }))).toEqual([]);
  });

  it('online credentials alone are covered; no HIPAA or GLBA exemption', () => {
    expect(obligationsOf('us-nj', jerseyan({ dataCategories: ['credentials'], entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution', 'hipaa-covered-entity'] } }))).toHaveLength(3);
  });

  it('aware on the Friday before Labor Day: no number of days to count', () => {
    const [, o] = obligationsOf('us-nj', jerseyan({ awareAt: '2026-09-04T18:00:00-04:00', affected: [{ country: 'US', region: 'US-NJ', count: 10 }] }));
    expect(o).toMatchObject({ id: 'us-nj:state-police:US-NJ', clockStart: '2026-09-04T22:00:00.000Z', dueAt: null });
  });
});
