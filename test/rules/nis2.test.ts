import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/** A German essential entity; a significant incident found late on Friday 27 March 2026. */
const base: IncidentFactsInput = {
  awareAt: '2026-03-27T22:30:00Z',
  entity: { name: 'Netzbetreiber GmbH', country: 'DE', sectors: ['nis2-essential'] },
  affected: [],
  encrypted: false,
  risk: 'unlikely',
  significant: true,
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('nis2', { ...base, ...over }, delivered);

describe('NIS2 Art. 23', () => {
  // The base facts rate the risk to people's data 'unlikely' and affect nobody: NIS2 turns on significance alone.
  it('a significant incident: early warning, notification, final report and the recipients notice', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['nis2:early-warning:DE', 'nis2:final:DE', 'nis2:notification:DE', 'nis2:recipients:DE']);
    expect(all['nis2:early-warning:DE']).toMatchObject({
      recipient: 'authority', stage: 'early-warning', jurisdiction: 'DE', clockStart: '2026-03-27T22:30:00.000Z',
      // Fri 2026-03-27 23:30 CET (22:30Z) + 24 h = Sat 2026-03-28 22:30Z.
      dueAt: '2026-03-28T22:30:00.000Z',
    });
    expect(all['nis2:notification:DE']).toMatchObject({
      stage: 'notification',
      // + 72 clock hours across the switch to summer time on Sun 29 March: 2026-03-30 22:30Z,
      // i.e. Tue 31 March 00:30 CEST on the Berlin wall clock (not 23:30 on the 30th).
      dueAt: '2026-03-30T22:30:00.000Z',
    });
    expect(all['nis2:final:DE']).toMatchObject({
      stage: 'final', after: 'nis2:notification:DE', clockStart: '2026-03-30T22:30:00.000Z',
      // One month after the notification's due time, Tue 31 March 00:30 CEST: there is no 31 April,
      // so the month's last day, Thu 30 April 00:30 CEST = 2026-04-29 22:30Z.
      dueAt: '2026-04-29T22:30:00.000Z',
    });
    expect(all['nis2:recipients:DE']).toMatchObject({ recipient: 'individuals', dueAt: null });
    // NIS2 Art. 23(1) and 23(4)(b) checked against the Directive's text (issue 9 review).
    expect(all['nis2:notification:DE'].unverified).toBeUndefined();
    expect(all['nis2:recipients:DE'].unverified).toBeUndefined();
    expect(all['nis2:early-warning:DE'].requiredContent).toEqual(['suspected-unlawful-or-malicious', 'cross-border-impact']);
    expect(all['nis2:early-warning:DE'].citation).toMatch(/NIS2 Art\. 23\(1\), 23\(4\)\(a\)/);
    expect(all['nis2:early-warning:DE'].unverified).toBeUndefined();
  });

  it('the final report runs from the actual submission of the notification', () => {
    const all = byId(run({}, { 'nis2:notification:DE': '2026-03-29T10:00:00Z' }));
    // Submitted Sun 29 March 12:00 CEST (10:00Z, after the 01:00Z switch) + 1 month = Wed 29 April 12:00 CEST.
    expect(all['nis2:final:DE']).toMatchObject({ clockStart: '2026-03-29T10:00:00.000Z', dueAt: '2026-04-29T10:00:00.000Z' });
  });

  it('a trust service provider has 24 hours for the incident notification (Art. 23(4)(b), second subparagraph)', () => {
    const all = byId(run({ entity: { name: 'Vertrauensdienst GmbH', country: 'DE', sectors: ['nis2-essential', 'eu-trust-service-provider'] } }));
    // Fri 2026-03-27 22:30Z + 24 h = Sat 2026-03-28 22:30Z, the same instant as the early warning.
    expect(all['nis2:notification:DE'].dueAt).toBe('2026-03-28T22:30:00.000Z');
    // The final report follows it: Sat 28 March 23:30 CET + 1 month = Tue 28 April 23:30 CEST = 21:30Z.
    expect(all['nis2:final:DE'].dueAt).toBe('2026-04-28T21:30:00.000Z');
  });

  it('an incident still being handled a month after the notification: the final report is due a month after handling ends', () => {
    // Notification submitted Sun 29 March 12:00 CEST: first date Wed 29 April 12:00 CEST = 10:00Z.
    const delivered = { 'nis2:notification:DE': '2026-03-29T10:00:00Z' };
    // Handling ended Fri 15 May 2026 18:00 CEST (16:00Z), after the first date: + 1 month = Mon 15 June 18:00 CEST = 16:00Z.
    const late = byId(run({ handlingEndedAt: '2026-05-15T16:00:00Z' }, delivered))['nis2:final:DE'];
    expect(late.dueAt).toBe('2026-06-15T16:00:00.000Z');
    expect(late.reading).toMatch(/handling ended/);
    // Handling ended before the first date (Fri 10 April): the first date stands.
    expect(byId(run({ handlingEndedAt: '2026-04-10T08:00:00Z' }, delivered))['nis2:final:DE'].dueAt).toBe('2026-04-29T10:00:00.000Z');
  });

  it('the intermediate report is owed only on request (Art. 23(4)(c)): conditional until reportRequestedAt', () => {
    const a = assessmentOf(['nis2'], base);
    expect(a.obligations.map((o) => o.id)).not.toContain('nis2:intermediate:DE');
    expect(a.conditional).toEqual([
      expect.objectContaining({
        id: 'nis2:intermediate:DE', stage: 'intermediate', fact: 'reportRequestedAt',
        trigger: expect.stringMatching(/requests an intermediate report/),
        recipientName: 'CSIRT or competent authority',
      }),
    ]);
    // The CSIRT asks on Wed 1 April 2026 09:00 CEST (07:00Z): owed from then; the directive sets no time, so no number.
    const asked = assessmentOf(['nis2'], { ...base, reportRequestedAt: '2026-04-01T09:00:00+02:00' });
    expect(asked.conditional).toEqual([]);
    expect(byId(asked.obligations)['nis2:intermediate:DE']).toMatchObject({
      stage: 'intermediate', clockStart: '2026-04-01T07:00:00.000Z', dueAt: null,
    });
    // Not significant: no report of any kind, conditional or not.
    expect(assessmentOf(['nis2'], { ...base, significant: false }).conditional).toEqual([]);
  });

  it('a month from 31 January ends on the last day of February', () => {
    const all = byId(run({ awareAt: '2026-01-29T09:00:00Z' }, { 'nis2:notification:DE': '2026-01-31T09:00:00Z' }));
    // Submitted Sat 31 Jan 10:00 CET + 1 month = Sat 28 Feb 10:00 CET (2026 is not a leap year) = 09:00Z.
    expect(all['nis2:final:DE'].dueAt).toBe('2026-02-28T09:00:00.000Z');
  });

  it('not significant, or not yet assessed: nothing', () => {
    expect(run({ significant: false })).toEqual([]);
    expect(run({ significant: undefined })).toEqual([]);
  });

  it('entities outside the NIS2 sectors have no Art. 23 duty, however significant the incident', () => {
    expect(run({ entity: { name: 'Shop GmbH', country: 'DE', sectors: [] } })).toEqual([]);
    expect(run({ entity: { name: 'Bank AG', country: 'DE', sectors: ['dora-financial-entity'] } })).toEqual([]);
  });

  it('important entities report on the same clocks as essential ones', () => {
    const all = byId(run({ entity: { name: 'Post GmbH', country: 'DE', sectors: ['nis2-important'] } }));
    expect(all['nis2:early-warning:DE'].dueAt).toBe('2026-03-28T22:30:00.000Z');
  });

  it('an entity outside the EU answers in each member state where people are affected', () => {
    const obligations = run({
      entity: { name: 'Cloud Inc', country: 'US', sectors: ['nis2-important'] },
      affected: [{ country: 'US', count: 100 }, { country: 'NL', count: 5 }, { country: 'FR', count: 10 }],
    });
    expect(obligations.filter((o) => o.stage === 'early-warning').map((o) => o.id)).toEqual(['nis2:early-warning:FR', 'nis2:early-warning:NL']);
    expect(obligations).toHaveLength(8);
  });
});
