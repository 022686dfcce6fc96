import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/** A Tokyo business; knows of the leak Fri 27 Nov 2026 00:30 JST (Thu 26 Nov 15:30Z); card data of 1,500 people. */
const base: IncidentFactsInput = {
  awareAt: '2026-11-26T15:30:00Z',
  entity: { name: 'Rei Kabushiki Kaisha', country: 'JP', sectors: [] },
  affected: [{ country: 'JP', count: 1500 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'high',
};
const run = (over: Partial<IncidentFactsInput> = {}) => obligationsOf('appi', { ...base, ...over });
const finalDue = (over: Partial<IncidentFactsInput>) => byId(run(over))['appi:authority-final:JP'].dueAt;

describe('APPI Art. 26 and Enforcement Rules Arts. 7, 8, 10', () => {
  it('a reportable leak: preliminary report "promptly", final report within 30 days, individuals "promptly"', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['appi:authority-final:JP', 'appi:authority-preliminary:JP', 'appi:individuals:JP']);
    expect(all['appi:authority-preliminary:JP']).toMatchObject({
      recipient: 'authority', stage: 'initial', jurisdiction: 'JP', clockStart: '2026-11-26T15:30:00.000Z', dueAt: null,
    });
    expect(all['appi:authority-final:JP']).toMatchObject({
      recipient: 'authority', stage: 'final',
      // Day of knowing = Fri 27 Nov (JST), not counted; day 30 = Sun 27 Dec; end of it 23:59:59.999 JST = 14:59:59.999Z.
      dueAt: '2026-12-27T14:59:59.999Z',
    });
    expect(all['appi:individuals:JP']).toMatchObject({ recipient: 'individuals', dueAt: null });
    expect(all['appi:authority-final:JP'].citation).toMatch(/Arts\. 7, 8\(2\)/);
    expect(all['appi:individuals:JP'].requiredContent).toEqual(['nature', 'data-categories', 'cause', 'likely-consequences', 'other-relevant']);
  });

  it('the final report counts Japanese calendar days: a clock one minute before JST midnight ends a day earlier', () => {
    // Thu 26 Nov 23:59 JST (14:59Z): day of knowing = 26 Nov; day 30 = Sat 26 Dec; end = 2026-12-26T14:59:59.999Z.
    expect(finalDue({ awareAt: '2026-11-26T14:59:00Z' })).toBe('2026-12-26T14:59:59.999Z');
    // Fri 27 Nov 00:00 JST (15:00Z) is already the next day: day 30 = Sun 27 Dec.
    expect(finalDue({ awareAt: '2026-11-26T15:00:00Z' })).toBe('2026-12-27T14:59:59.999Z');
  });

  it('data protected by advanced encryption is excluded from every reportable category: no report, no notice', () => {
    expect(run({ encrypted: true })).toEqual([]);
  });

  it('unlawful purpose (Rule 7(iii)) is not yet a fact: one person, name only, is still reported (reading chosen, verified text)', () => {
    const all = run({ affected: [{ country: 'JP', count: 1 }], dataCategories: ['name'], risk: 'risk' });
    expect(all.map((o) => o.id)).toEqual(['appi:authority-final:JP', 'appi:authority-preliminary:JP', 'appi:individuals:JP']);
    // Rules Arts. 7, 8 and 10 were checked against the e-Gov text and the PPC guidelines 3-5-3-3: nothing is flagged.
    for (const o of all) expect(o.unverified).toBeUndefined();
    // And the final report keeps 30 days even where the law would allow 60 for an unlawful-purpose case.
    expect(byId(all)['appi:authority-final:JP'].dueAt).toBe('2026-12-27T14:59:59.999Z');
  });

  it('a foreign business reaches the PPC for the people in Japan it affects (Art. 171)', () => {
    const ids = run({ entity: { name: 'Example Inc', country: 'US', sectors: [] }, affected: [{ country: 'US', count: 5000 }, { country: 'JP', count: 2 }] })
      .map((o) => o.id);
    expect(ids).toEqual(['appi:authority-final:JP', 'appi:authority-preliminary:JP', 'appi:individuals:JP']);
  });

  it('a foreign business with nobody affected in Japan: APPI does not apply', () => {
    expect(run({ entity: { name: 'Example Inc', country: 'US', sectors: [] }, affected: [{ country: 'US', count: 5000 }] })).toEqual([]);
  });
});
