import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/** A Seoul controller; aware Fri 27 Nov 2026 00:30 KST (Thu 26 Nov 15:30Z); names and phone numbers of 10 people. */
const base: IncidentFactsInput = {
  awareAt: '2026-11-26T15:30:00Z',
  entity: { name: 'Yesi Jusikhoesa', country: 'KR', sectors: [] },
  affected: [{ country: 'KR', count: 10 }],
  dataCategories: ['name', 'contact'],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}) => obligationsOf('pipa-kr', { ...base, ...over });

describe('PIPA Art. 34 and Enforcement Decree Arts. 39, 40', () => {
  it('any leak: the data subjects within 72 hours of becoming aware', () => {
    const o = byId(run())['pipa-kr:individuals:KR'];
    expect(o).toMatchObject({
      recipient: 'individuals', jurisdiction: 'KR', clockStart: '2026-11-26T15:30:00.000Z',
      // Fri 27 Nov 00:30 KST + 72 clock hours = Mon 30 Nov 00:30 KST = Sun 29 Nov 15:30Z.
      dueAt: '2026-11-29T15:30:00.000Z',
    });
    expect(o.unverified).toBeUndefined();
    expect(o.citation).toMatch(/Art\. 39\(1\)/);
    expect(o.requiredContent).toContain('rights-and-remedies');
  });

  it('the PIPC/KISA report: also 72 hours; for 10 people with no sensitive data only the "external access" reading triggers it', () => {
    const o = byId(run())['pipa-kr:authority:KR'];
    // Decree Art. 40(1) (verified): 「…알게 되었을 때에는 72시간 이내에」; item 3 (external unlawful access) is not yet a fact.
    expect(o).toMatchObject({ recipient: 'authority', dueAt: '2026-11-29T15:30:00.000Z' });
    expect(o.unverified).toBeUndefined();
    expect(o.citation).toMatch(/40\(1\)/);
  });

  it('1,000 subjects or a resident registration number trigger the report on their own terms', () => {
    expect(run({ affected: [{ country: 'KR', count: 1000 }] }).map((o) => o.id)).toEqual(['pipa-kr:authority:KR', 'pipa-kr:individuals:KR']);
    expect(run({ dataCategories: ['government-id'] }).map((o) => o.id)).toEqual(['pipa-kr:authority:KR', 'pipa-kr:individuals:KR']);
  });

  it('no encryption or low-risk exemption: an encrypted leak the controller rates unlikely still yields both', () => {
    const all = run({ encrypted: true, risk: 'unlikely', affected: [{ country: 'KR', count: 1 }] });
    expect(all.map((o) => o.id)).toEqual(['pipa-kr:authority:KR', 'pipa-kr:individuals:KR']);
    // 72 hours are exact instants: 15:30Z Thursday -> 15:30Z Sunday.
    for (const o of all) expect(o.dueAt).toBe('2026-11-29T15:30:00.000Z');
  });

  it('a foreign controller with nobody affected in Korea: PIPA does not apply', () => {
    expect(run({ entity: { name: 'Example Inc', country: 'US', sectors: [] }, affected: [{ country: 'US', count: 50 }] })).toEqual([]);
  });
});
