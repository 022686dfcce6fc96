import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/**
 * A water utility in a critical infrastructure sector (covered entity under the PROPOSED rule);
 * incident reasonably believed to have occurred Sat 7 Mar 2026 09:00 EST (14:00Z).
 * CIRCIA's final rule is not yet in force, so every obligation must be flagged unverified.
 */
const base: IncidentFactsInput = {
  awareAt: '2026-03-07T14:00:00Z',
  entity: { name: 'Example Water Authority', country: 'US', sectors: ['circia-covered-entity'] },
  affected: [],
  dataCategories: [],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('circia', { ...base, ...over }, delivered);

describe('CIRCIA, 6 U.S.C. 681b and proposed 6 CFR Part 226 (pending final rule)', () => {
  it('a covered cyber incident: CISA within 72 clock hours, then supplemental reports "promptly"', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['circia:incident:US']);
    expect(all['circia:incident:US']).toMatchObject({
      recipient: 'authority', jurisdiction: 'US', clockStart: '2026-03-07T14:00:00.000Z',
      // 72 clock hours: Sat 7 Mar 14:00Z -> Tue 10 Mar 14:00Z. Nights, the weekend and the DST change
      // (Sun 8 Mar) all count: 09:00 EST Saturday -> 10:00 EDT Tuesday, still exactly 72 hours.
      dueAt: '2026-03-10T14:00:00.000Z',
    });
    expect(all['circia:incident:US'].citation).toMatch(/681b\(a\)\(1\)/);
    // The supplemental report is conditional on new information: no clock until newInformationAt is recorded.
    const a = assessmentOf(['circia'], base);
    expect(a.conditional!.map((c) => [c.id, c.fact])).toEqual([['circia:supplemental:US', 'newInformationAt']]);
    const later = byId(run({ newInformationAt: '2026-03-20T15:00:00Z' }));
    expect(later['circia:supplemental:US']).toMatchObject({ after: 'circia:incident:US', clockStart: '2026-03-20T15:00:00.000Z', dueAt: null });
  });

  it('an incident stated not to be substantial is not a covered cyber incident (not stated: read as possible)', () => {
    expect(run({ substantialIncident: false }).map((o) => o.id)).toEqual([]);
    expect(run({ substantialIncident: true }).map((o) => o.id)).toEqual(['circia:incident:US']);
    // A ransom payment is reported whether or not the incident is substantial (681b(a)(2)).
    expect(run({ substantialIncident: false, ransomPaidAt: '2026-03-08T06:30:00Z' }).map((o) => o.id)).toEqual(['circia:ransom-payment:US']);
  });

  it('every obligation is unverified: the final rule is pending', () => {
    const all = run({ ransomPaidAt: '2026-03-08T06:30:00Z', newInformationAt: '2026-03-20T15:00:00Z' });
    expect(all).toHaveLength(3);
    for (const o of all) expect(o.unverified).toBe(true);
  });

  it('a ransom payment: CISA within 24 hours of the payment, independently of the incident clock', () => {
    const all = byId(run({ ransomPaidAt: '2026-03-08T06:30:00Z' }));
    expect(Object.keys(all)).toEqual(['circia:incident:US', 'circia:ransom-payment:US']);
    expect(all['circia:ransom-payment:US']).toMatchObject({
      clockStart: '2026-03-08T06:30:00.000Z',
      // Paid Sun 8 Mar 06:30Z (01:30 EST, half an hour before clocks go forward): + 24 h = Mon 9 Mar 06:30Z
      // (02:30 EDT): exact hours, so 23 hours of Eastern wall clock.
      dueAt: '2026-03-09T06:30:00.000Z',
    });
    expect(all['circia:ransom-payment:US'].requiredContent).toEqual(expect.arrayContaining(['ransom-amount', 'ransom-payment-date']));
    // The incident report is still due at its own 72 hours.
    expect(all['circia:incident:US'].dueAt).toBe('2026-03-10T14:00:00.000Z');
  });

  it('no ransom payment recorded: no ransom-payment report', () => {
    expect(run().map((o) => o.id)).not.toContain('circia:ransom-payment:US');
  });

  it('72 hours across the end of daylight saving time (1 Nov 2026)', () => {
    const o = byId(run({ awareAt: '2026-10-31T23:59:00-04:00' }))['circia:incident:US'];
    // Sat 31 Oct 23:59 EDT = 03:59Z on 1 Nov; + 72 h = 03:59Z on 4 Nov = Tue 3 Nov 22:59 EST (an hour earlier on the wall clock).
    expect(o.dueAt).toBe('2026-11-04T03:59:00.000Z');
  });

  it('the data-protection assessment does not matter: CIRCIA is about the incident, not personal data', () => {
    expect(run({ risk: 'unlikely', encrypted: true }).map((o) => o.id)).toEqual(['circia:incident:US']);
  });

  it('not a covered entity: no CIRCIA report, even after a ransom payment', () => {
    expect(run({ entity: { name: 'Small Shop', country: 'US', sectors: [] }, ransomPaidAt: '2026-03-08T06:30:00Z' })).toEqual([]);
    expect(run({ entity: { name: 'Issuer', country: 'US', sectors: ['sec-registrant'] } })).toEqual([]);
  });
});
