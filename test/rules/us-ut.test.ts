import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Utah, Utah Code § 13-44-202: residents in the most expedient time possible once misuse is found
 * likely (no number of days); the Attorney General and the Utah Cyber Center at 500 or more Utah
 * residents; consumer reporting agencies at 1,000 or more. America/Denver.
 */
const utahn = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-07-20T09:00:00-06:00',
  // Fri 4 Sep 2026 (before Labor Day) 17:00 MDT = 23:00Z.
  determinedAt: '2026-09-04T17:00:00-06:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-UT', count: 1000 }],
  dataCategories: ['name', 'financial'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-UT', count: n }] });

describe('Utah § 13-44-202', () => {
  it('1,000 residents: residents, the AG, the Utah Cyber Center and the credit agencies, none with a number of days', () => {
    const obligations = obligationsOf('us-ut', utahn());
    expect(obligations.map((o) => o.id)).toEqual([
      'us-ut:attorney-general:US-UT', 'us-ut:credit-agencies:US-UT', 'us-ut:individuals:US-UT', 'us-ut:utah-cyber-center:US-UT',
    ]);
    const o = byId(obligations);
    // The determination (not the earlier awareness) starts the clock; no number of days, so the holiday changes nothing.
    expect(o['us-ut:individuals:US-UT']).toMatchObject({ clockStart: '2026-09-04T23:00:00.000Z', dueAt: null });
    expect(o['us-ut:attorney-general:US-UT']).toMatchObject({
      recipient: 'authority', dueAt: null,
      requiredContent: ['date-of-breach', 'date-of-discovery', 'total-number-affected', 'number-affected', 'data-categories', 'nature'],
    });
    expect(o['us-ut:utah-cyber-center:US-UT']).toMatchObject({ recipient: 'authority', dueAt: null });
    expect(o['us-ut:credit-agencies:US-UT'].citation).toMatch(/13-44-202\(1\)\(c\)/);
  });

  it('999 residents: no credit agencies; 500 still the AG and the Cyber Center; 499 residents only', () => {
    expect(obligationsOf('us-ut', utahn(count(999))).map((o) => o.id)).not.toContain('us-ut:credit-agencies:US-UT');
    expect(obligationsOf('us-ut', utahn(count(500))).map((o) => o.id)).toEqual([
      'us-ut:attorney-general:US-UT', 'us-ut:individuals:US-UT', 'us-ut:utah-cyber-center:US-UT',
    ]);
    expect(obligationsOf('us-ut', utahn(count(499))).map((o) => o.id)).toEqual(['us-ut:individuals:US-UT']);
  });

  it('misuse unlikely after a good-faith investigation: nothing', () => {
    expect(obligationsOf('us-ut', utahn({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data and data outside the definition (health, credentials, passport) trigger nothing', () => {
    expect(obligationsOf('us-ut', utahn({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ut', utahn({ dataCategories: ['name', 'health', 'credentials', 'passport'] }))).toEqual([]);
  });

  it('HIPAA and GLBA entities following their own federal procedures are deemed compliant', () => {
    for (const s of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-ut', utahn({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
