import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/** A Bengaluru Data Fiduciary; aware Fri 27 Nov 2026 00:15 IST (Thu 26 Nov 18:45Z); 200 people in India. */
const base: IncidentFactsInput = {
  awareAt: '2026-11-26T18:45:00Z',
  entity: { name: 'Udaharan Private Limited', country: 'IN', sectors: [] },
  affected: [{ country: 'IN', count: 200 }],
  dataCategories: ['name', 'contact'],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}) => obligationsOf('dpdp-in', { ...base, ...over });
const ALL = ['dpdp-in:board-detailed:IN', 'dpdp-in:board-initial:IN', 'dpdp-in:individuals:IN'];

describe('DPDP Act 2023 s 8(6) and DPDP Rules 2025 r 7', () => {
  it('any breach: each Data Principal and the Board without delay, the detailed report within 72 hours', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(ALL);
    expect(all['dpdp-in:board-detailed:IN']).toMatchObject({
      recipient: 'authority', stage: 'final', jurisdiction: 'IN', clockStart: '2026-11-26T18:45:00.000Z',
      // Fri 27 Nov 00:15 IST + 72 clock hours = Mon 30 Nov 00:15 IST = Sun 29 Nov 18:45Z.
      dueAt: '2026-11-29T18:45:00.000Z',
    });
    expect(all['dpdp-in:board-initial:IN']).toMatchObject({ stage: 'initial', dueAt: null, deadline: 'without delay, a description of the breach' });
    expect(all['dpdp-in:individuals:IN']).toMatchObject({ recipient: 'individuals', dueAt: null });
    expect(all['dpdp-in:board-detailed:IN'].citation).toMatch(/r 7\(2\)\(b\)/);
  });

  it('rule 7 is not in force before May 2027 (phased commencement): every obligation is flagged', () => {
    for (const o of run()) expect(o.unverified).toBe(true);
  });

  it('no threshold of any kind: one person, encrypted data, rated unlikely to harm, still yields all three', () => {
    expect(run({ affected: [{ country: 'IN', count: 1 }], encrypted: true, risk: 'unlikely' }).map((o) => o.id)).toEqual(ALL);
  });

  it('a fiduciary abroad offering services to people in India reports to the Board (s 3(b))', () => {
    const all = run({ entity: { name: 'Example Ltd', country: 'GB', sectors: [] }, affected: [{ country: 'GB', count: 80 }, { country: 'IN', count: 1 }] });
    expect(all.map((o) => o.jurisdiction)).toEqual(['IN', 'IN', 'IN']);
  });

  it('nobody in India and not established there: nothing', () => {
    expect(run({ entity: { name: 'Example Ltd', country: 'GB', sectors: [] }, affected: [{ country: 'GB', count: 80 }] })).toEqual([]);
  });
});
