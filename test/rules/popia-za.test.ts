import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * South Africa: POPIA s 22. Reasonable grounds to believe personal information was accessed or
 * acquired by an unauthorised person: notify the Information Regulator and the data subjects "as soon
 * as reasonably possible after the discovery of the compromise": no number, so dueAt is null. No
 * risk or size threshold (the Regulator: report irrespective of the deemed level of risk).
 */
const southAfrican = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-08-07T16:00:00+02:00',
  entity: { name: 'Voorbeeld (Pty) Ltd', country: 'ZA', sectors: [] },
  affected: [{ country: 'ZA', count: 250 }],
  dataCategories: ['name', 'contact', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('POPIA s 22 security compromises', () => {
  it('a compromise: the Regulator and the data subjects, as soon as reasonably possible after discovery', () => {
    const obligations = obligationsOf('popia-za', southAfrican());
    expect(obligations.map((o) => o.id)).toEqual(['popia-za:authority:ZA', 'popia-za:individuals:ZA']);
    // s 22(1) and the Regulator's guidance (every compromise, any risk level) checked: nothing is flagged.
    for (const ob of obligations) expect(ob.unverified).toBeUndefined();
    const o = byId(obligations);
    expect(o['popia-za:authority:ZA']).toMatchObject({
      recipient: 'authority', jurisdiction: 'ZA',
      // Discovered Fri 7 Aug 16:00 SAST (UTC+2) = 14:00Z.
      clockStart: '2026-08-07T14:00:00.000Z',
      // "As soon as reasonably possible": no number.
      dueAt: null,
    });
    expect(o['popia-za:authority:ZA'].citation).toMatch(/22/);
    expect(o['popia-za:individuals:ZA']).toMatchObject({ recipient: 'individuals', dueAt: null });
    expect(o['popia-za:individuals:ZA'].requiredContent).toEqual(['likely-consequences', 'measures', 'recommended-steps', 'unauthorised-person-identity']);
  });

  it('boundary: one data subject, risk assessed as unlikely and the data encrypted - still reportable (no threshold)', () => {
    const ids = obligationsOf('popia-za', southAfrican({ affected: [{ country: 'ZA', count: 1 }], risk: 'unlikely', encrypted: true }))
      .map((o) => o.id);
    expect(ids).toEqual(['popia-za:authority:ZA', 'popia-za:individuals:ZA']);
  });

  it('the clock is discovery (awareAt), not a later determination', () => {
    const o = byId(obligationsOf('popia-za', southAfrican({ determinedAt: '2026-08-12T09:00:00+02:00' })));
    expect(o['popia-za:authority:ZA'].clockStart).toBe('2026-08-07T14:00:00.000Z');
  });

  it('not triggered for a foreign party with nobody in South Africa affected', () => {
    const foreign = { name: 'Example Ltd', country: 'GB', sectors: [] };
    expect(obligationsOf('popia-za', southAfrican({ entity: foreign, affected: [{ country: 'GB', count: 40 }] }))).toEqual([]);
  });

  it('a South African responsible party reports even where the data subjects are abroad', () => {
    const ids = obligationsOf('popia-za', southAfrican({ affected: [{ country: 'NA', count: 30 }] })).map((o) => o.id);
    expect(ids).toEqual(['popia-za:authority:ZA', 'popia-za:individuals:ZA']);
  });
});
