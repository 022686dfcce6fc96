import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/** A Bengaluru Data Fiduciary; aware Fri 26 Nov 2027 00:15 IST (Thu 25 Nov 18:45Z), after rule 7 took effect; 200 people in India. */
const base: IncidentFactsInput = {
  awareAt: '2027-11-25T18:45:00Z',
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
      recipient: 'authority', stage: 'final', jurisdiction: 'IN', clockStart: '2027-11-25T18:45:00.000Z',
      recipientName: 'Data Protection Board of India',
      // Fri 26 Nov 00:15 IST + 72 clock hours = Mon 29 Nov 00:15 IST = Sun 28 Nov 18:45Z.
      dueAt: '2027-11-28T18:45:00.000Z',
      dueAtLocal: '2027-11-29T00:15:00+05:30',
    });
    expect(all['dpdp-in:board-initial:IN']).toMatchObject({ stage: 'initial', dueAt: null, deadline: 'without delay, a description of the breach' });
    expect(all['dpdp-in:individuals:IN']).toMatchObject({ recipient: 'individuals', dueAt: null });
    expect(all['dpdp-in:board-detailed:IN'].citation).toMatch(/r 7\(2\)\(b\)/);
  });

  it('rule 7 is checked against the Rules text: nothing flagged (its 13 May 2027 commencement is an in-force date, not doubt)', () => {
    for (const o of run()) expect(o.unverified).toBeUndefined();
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

  it('rule 7 is not in force before 13 May 2027: no obligation, listed as upcoming within a year', () => {
    // Aware Fri 27 Nov 2026 00:15 IST: rule 7 takes effect 13 May 2027, 167 days later (within a year).
    const a = assessmentOf(['dpdp-in'], { ...base, awareAt: '2026-11-26T18:45:00Z' });
    expect(a.obligations).toEqual([]);
    expect(a.upcoming!.map((u) => `${u.regime}:${u.key}:${u.jurisdiction} ${u.inForceFrom}`)).toEqual([
      'dpdp-in:board-detailed:IN 2027-05-13',
      'dpdp-in:board-initial:IN 2027-05-13',
      'dpdp-in:individuals:IN 2027-05-13',
    ]);
    // Aware 1 May 2026: 377 days before it takes effect, more than a year: not listed.
    expect(assessmentOf(['dpdp-in'], { ...base, awareAt: '2026-05-01T06:00:00Z' }).upcoming).toEqual([]);
  });

  it('the day it takes effect, in India: 23:59 IST on 12 May 2027 is before, 00:00 IST on 13 May is after', () => {
    // 12 May 23:59 IST = 18:29Z: still 12 May in Asia/Kolkata, so nothing yet.
    expect(run({ awareAt: '2027-05-12T18:29:00Z' })).toEqual([]);
    // 13 May 00:00 IST = 12 May 18:30Z: rule 7 has just taken effect; 72 h later = Sun 16 May 00:00 IST = 15 May 18:30Z.
    const just = byId(run({ awareAt: '2027-05-12T18:30:00Z' }));
    expect(Object.keys(just)).toEqual(ALL);
    expect(just['dpdp-in:board-detailed:IN'].dueAt).toBe('2027-05-15T18:30:00.000Z');
    expect(just['dpdp-in:board-detailed:IN'].reading).toMatch(/13 May 2027/);
  });
});
