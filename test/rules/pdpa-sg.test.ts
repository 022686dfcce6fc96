import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/** A Singapore organisation; aware Fri 27 Nov 2026 12:00 SGT (04:00Z); names and e-mails of 600 people. */
const base: IncidentFactsInput = {
  awareAt: '2026-11-27T04:00:00Z',
  entity: { name: 'Example Pte Ltd', country: 'SG', sectors: [] },
  affected: [{ country: 'SG', count: 600 }],
  dataCategories: ['name', 'contact'],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('pdpa-sg', { ...base, ...over }, delivered);
const ids = (over: Partial<IncidentFactsInput> = {}) => run(over).map((o) => o.id);
const pdpcDue = (over: Partial<IncidentFactsInput>) => byId(run(over))['pdpa-sg:authority:SG'].dueAt;

describe('PDPA ss 26B-26D and the Notification of Data Breaches Regulations 2021', () => {
  it('significant scale (500 or more): the PDPC within 3 calendar days, but not the individuals', () => {
    const [o, ...rest] = run();
    expect(rest).toHaveLength(0);
    expect(o).toMatchObject({
      id: 'pdpa-sg:authority:SG', recipient: 'authority', jurisdiction: 'SG', clockStart: '2026-11-27T04:00:00.000Z',
      // Start day Fri 27 Nov (SGT); 3 calendar days -> end of Mon 30 Nov 23:59:59.999 SGT (UTC+8) = 15:59:59.999Z.
      dueAt: '2026-11-30T15:59:59.999Z',
      // s 26D(1) counts from the day the organisation assesses the breach notifiable; no such fact yet, so awareAt (never later).
    });
    expect(o.unverified).toBeUndefined();
    expect(o.citation).toMatch(/26D\(1\)/);
  });

  it('the scale threshold is "not fewer than 500": 499 is not notifiable, 500 is', () => {
    expect(ids({ affected: [{ country: 'SG', count: 499 }] })).toEqual([]);
    expect(ids({ affected: [{ country: 'SG', count: 500 }] })).toEqual(['pdpa-sg:authority:SG']);
  });

  it('significant harm (high risk) for 10 people: the PDPC, then the individuals at the same time or after', () => {
    const all = byId(run({ affected: [{ country: 'SG', count: 10 }], risk: 'high' }));
    expect(Object.keys(all)).toEqual(['pdpa-sg:authority:SG', 'pdpa-sg:individuals:SG']);
    expect(all['pdpa-sg:individuals:SG']).toMatchObject({
      recipient: 'individuals', after: 'pdpa-sg:authority:SG', dueAt: null,
      // Chained: it starts when the PDPC notice is due (or delivered), never before.
      clockStart: '2026-11-30T15:59:59.999Z',
    });
    const delivered = { 'pdpa-sg:authority:SG': '2026-11-28T02:00:00Z' };
    expect(byId(run({ affected: [{ country: 'SG', count: 10 }], risk: 'high' }, delivered))['pdpa-sg:individuals:SG'].clockStart)
      .toBe('2026-11-28T02:00:00.000Z');
  });

  it('prescribed data (card numbers) deems significant harm; encryption spares the individuals, not the PDPC (s 26D(5))', () => {
    const f = { affected: [{ country: 'SG', count: 10 }], dataCategories: ['name' as const, 'payment-card' as const] };
    expect(ids(f)).toEqual(['pdpa-sg:authority:SG', 'pdpa-sg:individuals:SG']);
    expect(ids({ ...f, encrypted: true })).toEqual(['pdpa-sg:authority:SG']);
  });

  it('neither harm nor scale: nothing to notify', () => {
    expect(run({ affected: [{ country: 'SG', count: 10 }], risk: 'unlikely' })).toEqual([]);
  });

  it('the 3 days run in Singapore time: a clock at 23:59 and one at 00:30 the next day end a day apart', () => {
    // Fri 27 Nov 23:59 SGT (15:59Z): start day Fri -> end of Mon 30 Nov SGT.
    expect(pdpcDue({ awareAt: '2026-11-27T15:59:00Z' })).toBe('2026-11-30T15:59:59.999Z');
    // Sat 28 Nov 00:30 SGT (16:30Z): start day Sat -> end of Tue 1 Dec SGT = 2026-12-01T15:59:59.999Z.
    expect(pdpcDue({ awareAt: '2026-11-27T16:30:00Z' })).toBe('2026-12-01T15:59:59.999Z');
  });
});
