import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/**
 * A US registrant; incident discovered Fri 20 Nov 2026 10:00 EST; determined material Tue 24 Nov 2026 15:00 EST.
 *
 * The law: Form 8-K Item 1.05 within four business days of the determination, and an EDGAR filing
 * commencing after 5:30 p.m. Eastern counts as filed the next business day (Reg S-T 232.13(a)(2)), so the
 * last moment is 17:30 ET on business day 4: the rule's clock ends at that cut-off (clock.cutoff), and
 * every case below is that instant, worked out by hand.
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
    // The 8-K/A is conditional: it is not an obligation until the omitted information is available.
    expect(Object.keys(all)).toEqual(['sec:8-k:US']);
    expect(all['sec:8-k:US']).toMatchObject({
      recipient: 'authority', jurisdiction: 'US', clockStart: '2026-11-24T20:00:00.000Z',
      recipientName: 'Securities and Exchange Commission (EDGAR filing)',
      // Determined Tue 24 Nov: Wed 25 = 1, Thu 26 Thanksgiving (skipped), Fri 27 = 2 (the day after
      // Thanksgiving is a business day), Mon 30 = 3, Tue 1 Dec = 4; cut-off Tue 1 Dec 17:30 EST (UTC-5) = 22:30Z.
      dueAt: '2026-12-01T22:30:00.000Z',
      timeZone: 'America/New_York',
      dueAtLocal: '2026-12-01T17:30:00-05:00',
    });
    expect(all['sec:8-k:US'].reading).toMatch(/5:30 p\.m\. Eastern on the fourth business day/);
    expect(all['sec:8-k:US'].requiredContent).toEqual(['nature', 'scope', 'timing', 'material-impact']);
    expect(all['sec:8-k:US'].citation).toMatch(/Item 1\.05/);
    expect(all['sec:8-k:US'].deadline).toMatch(/four business days/);
  });

  it('Christmas: Fri 25 Dec 2026 is skipped, Thu 24 Dec (Christmas Eve) is a business day', () => {
    // Determined Wed 23 Dec 10:00 EST: Thu 24 = 1, Fri 25 skipped, Mon 28 = 2, Tue 29 = 3, Wed 30 = 4.
    // Wed 30 Dec 17:30 EST = 22:30Z.
    expect(due8k('2026-12-23T15:00:00Z')).toBe('2026-12-30T22:30:00.000Z');
  });

  it('Christmas 2027 falls on a Saturday: the federal holiday is observed on Fri 24 Dec', () => {
    // Determined Wed 22 Dec 2027: Thu 23 = 1, Fri 24 (observed Christmas) skipped, Mon 27 = 2, Tue 28 = 3,
    // Wed 29 = 4: Wed 29 Dec 17:30 EST = 22:30Z.
    expect(due8k('2027-12-22T15:00:00Z')).toBe('2027-12-29T22:30:00.000Z');
  });

  it('a Monday holiday: Martin Luther King Jr. Day, Mon 18 Jan 2027', () => {
    // Determined Thu 14 Jan: Fri 15 = 1, Mon 18 skipped, Tue 19 = 2, Wed 20 = 3, Thu 21 = 4.
    // Thu 21 Jan 17:30 EST = 22:30Z.
    expect(due8k('2027-01-14T17:00:00Z')).toBe('2027-01-21T22:30:00.000Z');
  });

  it('a Saturday holiday observed on Friday: Independence Day 2026 (Fri 3 Jul off)', () => {
    // Determined Wed 1 Jul: Thu 2 = 1, Fri 3 skipped, Mon 6 = 2, Tue 7 = 3, Wed 8 = 4.
    // Wed 8 Jul 17:30 EDT (UTC-4) = 21:30Z.
    expect(due8k('2026-07-01T14:00:00Z')).toBe('2026-07-08T21:30:00.000Z');
  });

  it('a weekend determination: the count starts on, and includes, the next business day (Gen. Instr. B.1)', () => {
    // Determined Sat 7 Mar 2026: Mon 9 = 1, Tue 10 = 2, Wed 11 = 3, Thu 12 = 4.
    // Across the DST change: determined Sat 7 Mar 11:00 EST (UTC-5); clocks go forward Sun 8 Mar; the
    // cut-off is Thu 12 Mar 17:30 EDT (UTC-4) = 21:30Z, not 22:30Z.
    expect(due8k('2026-03-07T16:00:00Z')).toBe('2026-03-12T21:30:00.000Z');
  });

  it('the determination day is its Eastern date: 04:30Z on 24 Nov is still Mon 23 Nov in New York', () => {
    // Mon 23 Nov 23:30 EST: Tue 24 = 1, Wed 25 = 2, Thu 26 skipped, Fri 27 = 3, Mon 30 = 4.
    // Mon 30 Nov 17:30 EST = 22:30Z (one business day earlier than the 20:00Z case).
    expect(due8k('2026-11-24T04:30:00Z')).toBe('2026-11-30T22:30:00.000Z');
  });

  it('no materiality determination recorded yet: the clock runs provisionally from discovery', () => {
    const o = byId(run({ materialityDeterminedAt: undefined }))['sec:8-k:US'];
    // Discovered Fri 20 Nov 10:00 EST: Mon 23 = 1, Tue 24 = 2, Wed 25 = 3, Thu 26 skipped, Fri 27 = 4
    // -> Fri 27 Nov 17:30 EST = 22:30Z.
    expect(o).toMatchObject({ clockStart: '2026-11-20T15:00:00.000Z', dueAt: '2026-11-27T22:30:00.000Z' });
  });

  it('materiality is not the data-protection risk: low risk, encrypted data or nobody affected change nothing', () => {
    const ids = run({ risk: 'unlikely', encrypted: true, affected: [], dataCategories: [] }).map((o) => o.id);
    expect(ids).toEqual(['sec:8-k:US']);
  });

  it('the Item 1.05 duty does not depend on where the registrant or the people are', () => {
    const all = byId(run({ entity: { name: 'Foreign Filer plc', country: 'GB', sectors: ['sec-registrant'] }, affected: [{ country: 'GB', count: 10 }] }));
    expect(all['sec:8-k:US'].dueAt).toBe('2026-12-01T22:30:00.000Z');
  });

  it('the 8-K/A is conditional until the omitted information is available, then 4 business days to 17:30 ET', () => {
    const a = assessmentOf(['sec'], base);
    expect(a.obligations.map((o) => o.id)).toEqual(['sec:8-k:US']);
    expect(a.conditional).toEqual([
      expect.objectContaining({
        id: 'sec:8-k-amendment:US',
        fact: 'omittedInformationAvailableAt',
        trigger: expect.stringMatching(/undetermined or unavailable/),
        citation: expect.stringMatching(/Instruction 2/),
      }),
    ]);
    // Item 1.05(a), Instruction 2, General Instruction B.1 and 17 CFR 232.13(a)(2) checked (issue 9 review).
    expect(a.conditional![0].unverified).toBeUndefined();
    expect(a.obligations[0].unverified).toBeUndefined();

    // Information available Mon 14 Dec 2026 10:00 EST: Tue 15 = 1, Wed 16 = 2, Thu 17 = 3, Fri 18 = 4
    // -> Fri 18 Dec 17:30 EST = 22:30Z. The clock runs from the fact, not from the 8-K's filing.
    const owed = byId(run({ omittedInformationAvailableAt: '2026-12-14T15:00:00Z' }, { 'sec:8-k:US': '2026-11-27T21:00:00Z' }));
    expect(owed['sec:8-k-amendment:US']).toMatchObject({
      after: 'sec:8-k:US',
      clockStart: '2026-12-14T15:00:00.000Z',
      dueAt: '2026-12-18T22:30:00.000Z',
      dueAtLocal: '2026-12-18T17:30:00-05:00',
    });
  });

  it('the 8-K/A cut-off across the end of daylight saving time', () => {
    // Available Thu 29 Oct 2026 11:00 EDT: Fri 30 = 1; clocks go back Sun 1 Nov; Mon 2 = 2, Tue 3 = 3
    // (Election Day is not a federal holiday), Wed 4 = 4 -> Wed 4 Nov 17:30 EST (UTC-5) = 22:30Z.
    const o = byId(run({ materialityDeterminedAt: '2026-10-20T14:00:00Z', omittedInformationAvailableAt: '2026-10-29T15:00:00Z' }));
    expect(o['sec:8-k-amendment:US'].dueAt).toBe('2026-11-04T22:30:00.000Z');
    expect(o['sec:8-k-amendment:US'].dueAtLocal).toBe('2026-11-04T17:30:00-05:00');
  });

  it('no Item 1.05 duty for an entity that is not an SEC registrant', () => {
    expect(run({ entity: { name: 'Private Co', country: 'US', sectors: [] } })).toEqual([]);
    expect(run({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } })).toEqual([]);
  });
});
