import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * A US registrant; incident discovered Fri 20 Nov 2026 10:00 EST; determined material Tue 24 Nov 2026 15:00 EST.
 *
 * The law: Form 8-K Item 1.05 within four business days of the determination, and an EDGAR filing
 * commencing after 5:30 p.m. Eastern counts as filed the next business day (Reg S-T 232.13(a)(2)), so the
 * last moment is 17:30 ET on business day 4. The engine can only end a deadline at midnight, so the rule
 * encodes the END OF BUSINESS DAY 3 (the latest expressible instant not after the real limit) and is flagged
 * unverified. Each case below gives both.
 */
const base: IncidentFactsInput = {
  awareAt: '2026-11-20T15:00:00Z',
  materialityDeterminedAt: '2026-11-24T20:00:00Z',
  entity: { name: 'Example Corp', country: 'US', sectors: ['sec-registrant'] },
  affected: [{ country: 'US', region: 'US-CA', count: 5000 }],
  dataCategories: ['name', 'contact'],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('sec', { ...base, ...over }, delivered);
const due8k = (materialityDeterminedAt: string) => byId(run({ materialityDeterminedAt }))['sec:8-k:US'].dueAt;

describe('SEC Form 8-K Item 1.05 (material cybersecurity incidents)', () => {
  it('a material incident: Item 1.05 8-K counted in federal business days across Thanksgiving', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['sec:8-k-amendment:US', 'sec:8-k:US']);
    expect(all['sec:8-k:US']).toMatchObject({
      recipient: 'authority', jurisdiction: 'US', clockStart: '2026-11-24T20:00:00.000Z', unverified: true,
      // Determined Tue 24 Nov: Wed 25 = 1, Thu 26 Thanksgiving (skipped), Fri 27 = 2 (the day after
      // Thanksgiving is a business day), Mon 30 = 3, Tue 1 Dec = 4.
      // Law: Tue 1 Dec 17:30 EST = 22:30Z. Encoded: end of Mon 30 Nov EST = 2026-12-01T04:59:59.999Z.
      dueAt: '2026-12-01T04:59:59.999Z',
    });
    expect(all['sec:8-k:US'].requiredContent).toEqual(['nature', 'scope', 'timing', 'material-impact']);
    expect(all['sec:8-k:US'].citation).toMatch(/Item 1\.05/);
    expect(all['sec:8-k:US'].deadline).toMatch(/four business days/);
  });

  it('Christmas: Fri 25 Dec 2026 is skipped, Thu 24 Dec (Christmas Eve) is a business day', () => {
    // Determined Wed 23 Dec 10:00 EST: Thu 24 = 1, Fri 25 skipped, Mon 28 = 2, Tue 29 = 3, Wed 30 = 4.
    // Law: Wed 30 Dec 17:30 EST. Encoded: end of Tue 29 Dec EST = 2026-12-30T04:59:59.999Z.
    expect(due8k('2026-12-23T15:00:00Z')).toBe('2026-12-30T04:59:59.999Z');
  });

  it('Christmas 2027 falls on a Saturday: the federal holiday is observed on Fri 24 Dec', () => {
    // Determined Wed 22 Dec 2027: Thu 23 = 1, Fri 24 (observed Christmas) skipped, Mon 27 = 2, Tue 28 = 3,
    // Wed 29 = 4. Encoded: end of Tue 28 Dec EST = 2027-12-29T04:59:59.999Z.
    expect(due8k('2027-12-22T15:00:00Z')).toBe('2027-12-29T04:59:59.999Z');
  });

  it('a Monday holiday: Martin Luther King Jr. Day, Mon 18 Jan 2027', () => {
    // Determined Thu 14 Jan: Fri 15 = 1, Mon 18 skipped, Tue 19 = 2, Wed 20 = 3, Thu 21 = 4.
    // Law: Thu 21 Jan 17:30 EST. Encoded: end of Wed 20 Jan EST = 2027-01-21T04:59:59.999Z.
    expect(due8k('2027-01-14T17:00:00Z')).toBe('2027-01-21T04:59:59.999Z');
  });

  it('a Saturday holiday observed on Friday: Independence Day 2026 (Fri 3 Jul off)', () => {
    // Determined Wed 1 Jul: Thu 2 = 1, Fri 3 skipped, Mon 6 = 2, Tue 7 = 3, Wed 8 = 4.
    // Encoded: end of Tue 7 Jul EDT = 2026-07-08T03:59:59.999Z.
    expect(due8k('2026-07-01T14:00:00Z')).toBe('2026-07-08T03:59:59.999Z');
  });

  it('a weekend determination: the count starts on, and includes, the next business day (Gen. Instr. B.1)', () => {
    // Determined Sat 7 Mar 2026: Mon 9 = 1, Tue 10 = 2, Wed 11 = 3, Thu 12 = 4.
    // Law: Thu 12 Mar 17:30 EDT. Encoded: end of Wed 11 Mar EDT (DST from Sun 8 Mar) = 2026-03-12T03:59:59.999Z.
    expect(due8k('2026-03-07T16:00:00Z')).toBe('2026-03-12T03:59:59.999Z');
  });

  it('the determination day is its Eastern date: 04:30Z on 24 Nov is still Mon 23 Nov in New York', () => {
    // Mon 23 Nov 23:30 EST: Tue 24 = 1, Wed 25 = 2, Thu 26 skipped, Fri 27 = 3, Mon 30 = 4.
    // Encoded: end of Fri 27 Nov EST = 2026-11-28T04:59:59.999Z (one business day earlier than the 20:00Z case).
    expect(due8k('2026-11-24T04:30:00Z')).toBe('2026-11-28T04:59:59.999Z');
  });

  it('no materiality determination recorded yet: the clock runs provisionally from discovery', () => {
    const o = byId(run({ materialityDeterminedAt: undefined }))['sec:8-k:US'];
    // Discovered Fri 20 Nov 10:00 EST: Mon 23 = 1, Tue 24 = 2, Wed 25 = 3 -> end of Wed 25 Nov EST.
    expect(o).toMatchObject({ clockStart: '2026-11-20T15:00:00.000Z', dueAt: '2026-11-26T04:59:59.999Z' });
  });

  it('materiality is not the data-protection risk: low risk, encrypted data or nobody affected change nothing', () => {
    const ids = run({ risk: 'unlikely', encrypted: true, affected: [], dataCategories: [] }).map((o) => o.id);
    expect(ids).toEqual(['sec:8-k-amendment:US', 'sec:8-k:US']);
  });

  it('the Item 1.05 duty does not depend on where the registrant or the people are', () => {
    const all = byId(run({ entity: { name: 'Foreign Filer plc', country: 'GB', sectors: ['sec-registrant'] }, affected: [{ country: 'GB', count: 10 }] }));
    expect(all['sec:8-k:US'].dueAt).toBe('2026-12-01T04:59:59.999Z');
  });

  it('the 8-K/A follows the initial 8-K: from its filing, or until then from its due time', () => {
    const pending = byId(run())['sec:8-k-amendment:US'];
    // 8-K due end of Mon 30 Nov EST; from that day: Tue 1 Dec = 1, Wed 2 = 2, Thu 3 = 3 -> end of Thu 3 Dec EST.
    expect(pending).toMatchObject({ after: 'sec:8-k:US', unverified: true, dueAt: '2026-12-04T04:59:59.999Z' });
    expect(pending.citation).toMatch(/Instruction 2/);

    const filed = byId(run({}, { 'sec:8-k:US': '2026-11-27T21:00:00Z' }))['sec:8-k-amendment:US'];
    // 8-K filed Fri 27 Nov 16:00 EST: Mon 30 = 1, Tue 1 Dec = 2, Wed 2 = 3 -> end of Wed 2 Dec EST = 2026-12-03T04:59:59.999Z.
    expect(filed).toMatchObject({ clockStart: '2026-11-27T21:00:00.000Z', dueAt: '2026-12-03T04:59:59.999Z' });
  });

  it('no Item 1.05 duty for an entity that is not an SEC registrant', () => {
    expect(run({ entity: { name: 'Private Co', country: 'US', sectors: [] } })).toEqual([]);
    expect(run({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } })).toEqual([]);
  });
});
