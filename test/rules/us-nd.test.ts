import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * North Dakota, N.D. Cent. Code § 51-30-02: residents in the most expedient time possible (no number of
 * days, no risk exception); the Attorney General where the breach exceeds 250 individuals.
 */
const dakotan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Wed 11 Mar 2026 08:00 CDT = 13:00Z.
  awareAt: '2026-03-11T08:00:00-05:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-ND', count: 251 }],
  dataCategories: ['name', 'date-of-birth'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('North Dakota Cent. Code ch. 51-30', () => {
  it('251 individuals: residents and the Attorney General, no number of days; date of birth alone is covered', () => {
    const obligations = obligationsOf('us-nd', dakotan());
    expect(obligations.map((o) => o.id)).toEqual(['us-nd:attorney-general:US-ND', 'us-nd:residents:US-ND']);
    const o = byId(obligations);
    expect(o['us-nd:residents:US-ND']).toMatchObject({ recipient: 'individuals', clockStart: '2026-03-11T13:00:00.000Z', dueAt: null });
    expect(o['us-nd:attorney-general:US-ND']).toMatchObject({ recipient: 'authority', jurisdiction: 'US-ND', dueAt: null });
    expect(o['us-nd:attorney-general:US-ND'].citation).toMatch(/51-30-02/);
  });

  it('the Attorney General threshold ("exceeds 250") counts everyone affected: 250 no, 251 yes', () => {
    const withMn = (mn: number) => byId(obligationsOf('us-nd', dakotan({
      affected: [{ country: 'US', region: 'US-ND', count: 200 }, { country: 'US', region: 'US-MN', count: mn }],
    })));
    expect(withMn(50)['us-nd:attorney-general:US-ND']).toBeUndefined();
    expect(withMn(51)['us-nd:attorney-general:US-ND']).toBeDefined();
    expect(obligationsOf('us-nd', dakotan({ affected: [{ country: 'US', region: 'US-MN', count: 900 }] }))).toEqual([]);
  });

  it('no risk-of-harm exception', () => {
    expect(obligationsOf('us-nd', dakotan({ risk: 'unlikely' }))).toHaveLength(2);
  });

  it('encrypted data, and data outside the definition (credentials, biometrics), trigger nothing', () => {
    expect(obligationsOf('us-nd', dakotan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-nd', dakotan({ dataCategories: ['name', 'credentials', 'biometric'] }))).toEqual([]);
  });

  it('the wide definition: mother\'s maiden name, employee ID, digital signature, health insurance', () => {
    for (const c of ['mothers-maiden-name', 'employee-id', 'digital-signature', 'health-insurance', 'health'] as const) {
      expect(obligationsOf('us-nd', dakotan({ dataCategories: [c] }))).toHaveLength(2);
    }
  });

  it('no sector exclusion is applied (deemed-compliance clauses not confirmed in the text)', () => {
    expect(obligationsOf('us-nd', dakotan({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution', 'hipaa-covered-entity'] } }))).toHaveLength(2);
  });

  it('aware on the Friday before Labor Day: no number of days', () => {
    const [, o] = obligationsOf('us-nd', dakotan({ awareAt: '2026-09-04T15:00:00-05:00' }));
    expect(o).toMatchObject({ id: 'us-nd:residents:US-ND', clockStart: '2026-09-04T20:00:00.000Z', dueAt: null });
  });
});
