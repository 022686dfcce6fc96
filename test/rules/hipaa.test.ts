import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * A US hospital (covered entity); breach discovered Mon 2 Mar 2026 10:00 EST (15:00Z);
 * 700 Californians, 300 New Yorkers, 200 Texans; unsecured PHI, risk not assessed as low.
 */
const base: IncidentFactsInput = {
  awareAt: '2026-03-02T15:00:00Z',
  entity: { name: 'Example Health System', country: 'US', sectors: ['hipaa-covered-entity'] },
  affected: [
    { country: 'US', region: 'US-CA', count: 700 },
    { country: 'US', region: 'US-NY', count: 300 },
    { country: 'US', region: 'US-TX', count: 200 },
  ],
  dataCategories: ['name', 'health'],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('hipaa', { ...base, ...over }, delivered);
const ids = (over: Partial<IncidentFactsInput> = {}) => run(over).map((o) => o.id);
const inOneState = (region: string, count: number) => ({ affected: [{ country: 'US', region, count }] });

describe('HIPAA Breach Notification Rule, 45 CFR 164.400-414', () => {
  it('a covered entity: individuals and HHS within 60 days, media only in the state with more than 500', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['hipaa:hhs:US', 'hipaa:individuals:US', 'hipaa:media:US-CA']);
    expect(all['hipaa:individuals:US']).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US', clockStart: '2026-03-02T15:00:00.000Z',
      // Discovered Mon 2 Mar 10:00 EST: day 0 = 2 Mar; 2 Mar + 29 = 31 Mar, + 59 = 30 Apr, + 60 = Fri 1 May.
      // End of 1 May EDT (UTC-4, DST from 8 Mar) = 2026-05-02T03:59:59.999Z.
      dueAt: '2026-05-02T03:59:59.999Z',
    });
    expect(all['hipaa:individuals:US'].citation).toMatch(/164\.404/);
    expect(all['hipaa:individuals:US'].requiredContent).toEqual([
      'nature', 'date-of-breach', 'date-of-discovery', 'data-categories', 'protective-steps', 'measures', 'contact-point',
    ]);
    expect(all['hipaa:media:US-CA']).toMatchObject({
      recipient: 'media', jurisdiction: 'US-CA',
      // California's own zone: 15:00Z = 07:00 PST on 2 Mar, so again 60 days -> Fri 1 May;
      // end of 1 May PDT (UTC-7) = 2026-05-02T06:59:59.999Z.
      dueAt: '2026-05-02T06:59:59.999Z',
    });
    expect(all['hipaa:hhs:US']).toMatchObject({
      recipient: 'authority', after: 'hipaa:individuals:US',
      // 1,200 >= 500: contemporaneously with the individual notice. Not yet sent, so it follows that
      // notice's due time: end of Fri 1 May EDT + 0 days = the same instant.
      dueAt: '2026-05-02T03:59:59.999Z',
    });
    expect(all['hipaa:hhs:US'].citation).toMatch(/164\.408\(a\), \(b\)/);
    for (const o of Object.values(all)) expect(o.unverified).toBeUndefined();
  });

  it('HHS (500 or more) is due the day the individual notices actually go out', () => {
    const hhs = byId(run({}, { 'hipaa:individuals:US': '2026-03-20T18:00:00Z' }))['hipaa:hhs:US'];
    // Individuals notified Fri 20 Mar 14:00 EDT: HHS by the end of that day, 23:59:59.999 EDT = 03:59:59.999Z on 21 Mar.
    expect(hhs).toMatchObject({ clockStart: '2026-03-20T18:00:00.000Z', dueAt: '2026-03-21T03:59:59.999Z' });
  });

  it('media: 500 residents of one state is not "more than 500"; 501 is', () => {
    expect(ids(inOneState('US-FL', 500))).toEqual(['hipaa:hhs:US', 'hipaa:individuals:US']);
    const all = byId(run(inOneState('US-FL', 501)));
    expect(Object.keys(all)).toEqual(['hipaa:hhs:US', 'hipaa:individuals:US', 'hipaa:media:US-FL']);
    // Florida uses Eastern time (its easternmost zone): 2 Mar + 60 days = 1 May, end EDT = 03:59:59.999Z on 2 May.
    expect(all['hipaa:media:US-FL'].dueAt).toBe('2026-05-02T03:59:59.999Z');
  });

  it('media counts per state, not in total: 500 in Florida and 500 in Georgia need no media notice', () => {
    const f = { affected: [{ country: 'US', region: 'US-FL', count: 500 }, { country: 'US', region: 'US-GA', count: 500 }] };
    expect(ids(f)).toEqual(['hipaa:hhs:US', 'hipaa:individuals:US']);
  });

  it('HHS: 499 individuals go on the annual log; 500 are reported with the individual notices', () => {
    const small = byId(run(inOneState('US-WA', 499)));
    expect(Object.keys(small)).toEqual(['hipaa:hhs:US', 'hipaa:individuals:US']);
    // Discovered in 2026: 31 Dec 2026 + 60 days; Jan = 31, Feb 2027 = 28 (not a leap year) -> 59 = 28 Feb, 60 = Mon 1 Mar 2027.
    // End of 1 Mar EST (UTC-5; DST starts 14 Mar 2027) = 2027-03-02T04:59:59.999Z.
    expect(small['hipaa:hhs:US']).toMatchObject({ recipient: 'authority', dueAt: '2027-03-02T04:59:59.999Z' });
    expect(small['hipaa:hhs:US'].citation).toMatch(/164\.408\(a\), \(c\)/);

    const f = { affected: [{ country: 'US', region: 'US-WA', count: 300 }, { country: 'US', region: 'US-OR', count: 200 }] };
    expect(ids(f)).toEqual(['hipaa:hhs:US', 'hipaa:individuals:US']);
  });

  it('HHS counts every affected individual, wherever they live (450 in the US + 50 in Canada = 500)', () => {
    const f = { affected: [{ country: 'US', region: 'US-NY', count: 450 }, { country: 'CA', count: 50 }] };
    expect(ids(f)).toEqual(['hipaa:hhs:US', 'hipaa:individuals:US']);
  });

  it('year-end anchor: a December 2026 discovery is logged to HHS by the end of 1 March 2027', () => {
    const all = byId(run({ awareAt: '2026-12-15T15:00:00Z', ...inOneState('US-NY', 20) }));
    // 31 Dec 2026 + 60 days = 1 Mar 2027 (2027 is not a leap year); end EST = 2027-03-02T04:59:59.999Z.
    expect(all['hipaa:hhs:US'].dueAt).toBe('2027-03-02T04:59:59.999Z');
    // Individuals: 15 Dec + 16 = 31 Dec, + 47 = 31 Jan, + 60 = Sat 13 Feb 2027; end EST = 2027-02-14T04:59:59.999Z.
    expect(all['hipaa:individuals:US'].dueAt).toBe('2027-02-14T04:59:59.999Z');
  });

  it('year-end anchor around midnight on 31 December (Eastern), and a leap year', () => {
    const annual = (awareAt: string) => byId(run({ awareAt, ...inOneState('US-NY', 20) }))['hipaa:hhs:US'].dueAt;
    // 23:30 EST on 31 Dec 2026 (04:30Z on 1 Jan 2027) is still a 2026 discovery: 1 Mar 2027.
    expect(annual('2026-12-31T23:30:00-05:00')).toBe('2027-03-02T04:59:59.999Z');
    // 00:30 EST on 1 Jan 2027 is a 2027 discovery: 31 Dec 2027 + 31 = 31 Jan, + 60 = Tue 29 Feb 2028 (leap year);
    // end EST = 2028-03-01T04:59:59.999Z.
    expect(annual('2027-01-01T00:30:00-05:00')).toBe('2028-03-01T04:59:59.999Z');
  });

  it('a discovery just before Eastern midnight counts from that Eastern day, across the DST change', () => {
    const all = byId(run({ awareAt: '2026-03-01T04:30:00Z' }));
    // 04:30Z on 1 Mar = Sat 28 Feb 23:30 EST: day 0 = 28 Feb; + 1 = 1 Mar, + 31 = 31 Mar, + 60 = Wed 29 Apr.
    // End of 29 Apr EDT (clocks went forward 8 Mar) = 2026-04-30T03:59:59.999Z (a UTC count would give 30 Apr).
    expect(all['hipaa:individuals:US'].dueAt).toBe('2026-04-30T03:59:59.999Z');
  });

  it('each state counts in its own zone: Arizona (no DST) can fall due before the Eastern individual notice', () => {
    const all = byId(run({ awareAt: '2026-07-01T06:30:00Z', ...inOneState('US-AZ', 600) }));
    // 06:30Z = Tue 30 Jun 23:30 MST: day 0 = 30 Jun; + 31 = 31 Jul, + 60 = Sat 29 Aug; end MST (UTC-7) = 06:59:59.999Z on 30 Aug.
    expect(all['hipaa:media:US-AZ'].dueAt).toBe('2026-08-30T06:59:59.999Z');
    // Same instant = Wed 1 Jul 02:30 EDT: day 0 = 1 Jul; + 30 = 31 Jul, + 60 = Sun 30 Aug; end EDT = 03:59:59.999Z on 31 Aug.
    expect(all['hipaa:individuals:US'].dueAt).toBe('2026-08-31T03:59:59.999Z');
  });

  it('residents recorded without a state, and Puerto Rico recorded as a country, are units of their own', () => {
    expect(ids({ affected: [{ country: 'US', count: 600 }] })).toContain('hipaa:media:US');
    const pr = byId(run({ affected: [{ country: 'PR', count: 600 }] }))['hipaa:media:PR'];
    // 15:00Z on 2 Mar = 11:00 AST (UTC-4, no DST): + 60 days = 1 May; end AST = 2026-05-02T03:59:59.999Z.
    expect(pr.dueAt).toBe('2026-05-02T03:59:59.999Z');
  });

  it('encryption safe harbour: secured (encrypted) PHI is not "unsecured PHI" - no notice at all', () => {
    expect(run({ encrypted: true })).toEqual([]);
  });

  it('a documented low probability of compromise (risk "unlikely") means no breach and no notice', () => {
    expect(run({ risk: 'unlikely' })).toEqual([]);
    expect(ids({ risk: 'high' })).toEqual(ids());
  });

  it('a business associate notifies only the covered entity, within 60 days of its own discovery', () => {
    const all = byId(run({ entity: { name: 'Billing Co', country: 'US', sectors: ['hipaa-business-associate'] } }));
    expect(Object.keys(all)).toEqual(['hipaa:covered-entity:US']);
    expect(all['hipaa:covered-entity:US']).toMatchObject({
      recipient: 'controller',
      // Same arithmetic as the individual notice: 2 Mar + 60 = 1 May, end EDT.
      dueAt: '2026-05-02T03:59:59.999Z',
    });
    expect(all['hipaa:covered-entity:US'].requiredContent[0]).toBe('affected-individuals-identity');
    expect(all['hipaa:covered-entity:US'].citation).toMatch(/164\.410/);
    expect(run({ encrypted: true, entity: { name: 'Billing Co', country: 'US', sectors: ['hipaa-business-associate'] } })).toEqual([]);
  });

  it('an entity that is both a covered entity and a business associate gets both sets', () => {
    const sectors: ('hipaa-covered-entity' | 'hipaa-business-associate')[] = ['hipaa-covered-entity', 'hipaa-business-associate'];
    expect(ids({ entity: { name: 'Plan', country: 'US', sectors } })).toEqual([
      'hipaa:covered-entity:US', 'hipaa:hhs:US', 'hipaa:individuals:US', 'hipaa:media:US-CA',
    ]);
  });

  it('HIPAA does not apply to an entity that is neither a covered entity nor a business associate', () => {
    expect(run({ entity: { name: 'Retailer', country: 'US', sectors: [] } })).toEqual([]);
    expect(run({ entity: { name: 'Issuer', country: 'US', sectors: ['sec-registrant'] } })).toEqual([]);
  });
});
