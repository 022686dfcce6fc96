import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/**
 * New York: Gen. Bus. Law § 899-aa (residents within 30 days of discovery; AG, Department of State
 * and State Police whenever residents are notified; consumer reporting agencies above 5,000; the AG
 * within 5 business days of an HHS notice for HIPAA covered entities) and 23 NYCRR 500.17 for DFS
 * covered entities. Days end at 23:59:59.999 America/New_York (EDT = UTC-4 until Sun 1 Nov 2026, then EST = UTC-5).
 */
const newYork = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Thu 8 Oct 2026 23:30 EDT: already Fri 9 Oct in UTC.
  awareAt: '2026-10-08T23:30:00-04:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-NY', count: 1000 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

const STATE = ['us-ny:attorney-general:US-NY', 'us-ny:department-of-state:US-NY', 'us-ny:state-police:US-NY'];

describe('New York GBL § 899-aa and 23 NYCRR 500.17', () => {
  it('residents within 30 days of discovery; AG, Department of State and State Police the same day', () => {
    const obligations = obligationsOf('us-ny', newYork());
    expect(obligations.map((o) => o.id)).toEqual([
      'us-ny:attorney-general:US-NY', 'us-ny:department-of-state:US-NY', 'us-ny:residents:US-NY', 'us-ny:state-police:US-NY',
    ]);
    const o = byId(obligations);
    expect(o['us-ny:residents:US-NY']).toMatchObject({
      recipient: 'individuals',
      clockStart: '2026-10-09T03:30:00.000Z',
      // Discovered Thu 8 Oct (local day, not the UTC 9 Oct) + 30 days = Sat 7 Nov; clocks went back on
      // 1 Nov, so the day ends 23:59:59.999 EST = 04:59:59.999Z on 8 Nov.
      dueAt: '2026-11-08T04:59:59.999Z',
      requiredContent: ['contact-point', 'agency-contacts', 'data-categories'],
    });
    for (const id of STATE) {
      expect(o[id]).toMatchObject({
        recipient: 'authority', after: 'us-ny:residents:US-NY',
        // Chained, 0 days: the end of the day the residents' notice is due (Sat 7 Nov EST).
        clockStart: '2026-11-08T04:59:59.999Z',
        dueAt: '2026-11-08T04:59:59.999Z',
        requiredContent: ['notice-timing-and-distribution', 'number-affected', 'sample-notice'],
      });
      expect(o[id].citation).toMatch(/899-aa\(8\)\(a\)/);
    }
  });

  it('delivered residents\' notice: the state notices are due by the end of that delivery day', () => {
    const o = byId(obligationsOf('us-ny', newYork(), { 'us-ny:residents:US-NY': '2026-10-20T10:00:00-04:00' }));
    for (const id of STATE) {
      expect(o[id]).toMatchObject({
        // Residents notified Tue 20 Oct 10:00 EDT = 14:00Z; end of Tue 20 Oct EDT = 03:59:59.999Z on 21 Oct.
        clockStart: '2026-10-20T14:00:00.000Z',
        dueAt: '2026-10-21T03:59:59.999Z',
      });
    }
  });

  it('consumer reporting agencies only above 5,000 New York residents (5,001 yes, 5,000 no), no number of days', () => {
    const at = (count: number) => byId(obligationsOf('us-ny', newYork({ affected: [{ country: 'US', region: 'US-NY', count }] })));
    expect(at(5000)['us-ny:credit-agencies:US-NY']).toBeUndefined();
    expect(at(5001)['us-ny:credit-agencies:US-NY']).toMatchObject({
      recipient: 'credit-agencies', dueAt: null, clockStart: '2026-10-09T03:30:00.000Z',
    });
  });

  it('encryption safe harbour (keys not taken): nothing under § 899-aa', () => {
    expect(obligationsOf('us-ny', newYork({ encrypted: true }))).toEqual([]);
  });

  it('the narrow inadvertent-disclosure exception is not modelled: a low risk still notifies', () => {
    expect(obligationsOf('us-ny', newYork({ risk: 'unlikely' }))).toHaveLength(4);
  });

  it('DFS covered entity: 72 clock hours from the determination, across the DST change, wherever the people live', () => {
    const dfsEntity = { name: 'Example Bank', country: 'US', sectors: ['nydfs-regulated' as const] };
    const obligations = obligationsOf('us-ny', newYork({
      entity: dfsEntity,
      determinedAt: '2026-10-31T08:00:00-04:00',
      affected: [{ country: 'US', region: 'US-CA', count: 100 }],
      encrypted: true,
    }));
    expect(obligations.map((o) => o.id)).toEqual(['us-ny:dfs:US-NY']);
    expect(obligations[0]).toMatchObject({
      recipient: 'authority', jurisdiction: 'US-NY',
      // Determined Sat 31 Oct 08:00 EDT = 12:00Z; + 72 h = Tue 3 Nov 12:00Z (07:00 EST: the lost hour does not matter).
      clockStart: '2026-10-31T12:00:00.000Z',
      dueAt: '2026-11-03T12:00:00.000Z',
    });
    expect(obligations[0].citation).toMatch(/500\.17\(a\)/);
  });

  it('DFS extortion payment: notice in 24 hours, written explanation in 30 days', () => {
    const o = byId(obligationsOf('us-ny', newYork({
      entity: { name: 'Example Insurer', country: 'US', sectors: ['nydfs-regulated'] },
      ransomPaidAt: '2026-10-30T16:00:00-04:00',
    })));
    expect(o['us-ny:dfs-extortion-payment:US-NY']).toMatchObject({
      // Paid Fri 30 Oct 16:00 EDT = 20:00Z; + 24 h.
      clockStart: '2026-10-30T20:00:00.000Z',
      dueAt: '2026-10-31T20:00:00.000Z',
    });
    // 30 Oct + 30 days = Sun 29 Nov, end of day EST = 04:59:59.999Z on 30 Nov.
    expect(o['us-ny:dfs-extortion-explanation:US-NY'].dueAt).toBe('2026-11-30T04:59:59.999Z');
    // No payment recorded: no extortion notices.
    const without = byId(obligationsOf('us-ny', newYork({ entity: { name: 'Example Insurer', country: 'US', sectors: ['nydfs-regulated'] } })));
    expect(without['us-ny:dfs-extortion-payment:US-NY']).toBeUndefined();
  });

  it('HIPAA covered entity: the AG copy follows the HHS notice (hipaa:hhs), 5 business days from its delivery', () => {
    const facts = newYork({
      awareAt: '2026-11-20T10:00:00-05:00',
      entity: { name: 'Example Clinic', country: 'US', sectors: ['hipaa-covered-entity'] },
      dataCategories: ['name', 'health'],
    });
    const ag = (delivered: Record<string, string> = {}) =>
      byId(assessmentOf(['hipaa', 'us-ny'], facts, delivered).obligations)['us-ny:hipaa-attorney-general:US-NY'];
    // HHS not yet notified: 1,000 people, so HHS goes with the individual notices, due 60 days after
    // discovery (Fri 20 Nov 2026 -> Tue 19 Jan 2027, end of day EST = 2027-01-20T04:59:59.999Z). The AG copy
    // counts from that due time: Wed 20 (1), Thu 21 (2), Fri 22 (3), Mon 25 (4), Tue 26 (5) -> end of Tue 26 Jan EST.
    expect(ag()).toMatchObject({
      recipient: 'authority',
      recipientName: 'New York Attorney General',
      after: 'hipaa:hhs:US',
      clockStart: '2027-01-20T04:59:59.999Z',
      dueAt: '2027-01-27T04:59:59.999Z',
      dueAtLocal: '2027-01-26T23:59:59-05:00',
    });
    // HHS notified early, Wed 2 Dec 2026 14:00 EST: Thu 3 (1), Fri 4 (2), Mon 7 (3), Tue 8 (4), Wed 9 (5) -> end of Wed 9 Dec EST.
    expect(ag({ 'hipaa:hhs:US': '2026-12-02T19:00:00Z' })).toMatchObject({
      clockStart: '2026-12-02T19:00:00.000Z',
      dueAt: '2026-12-10T04:59:59.999Z',
    });
    // HHS notified late, Fri 22 Jan 2027 16:00 EST (after its own deadline): the copy still counts from the notice:
    // Mon 25 (1), Tue 26 (2), Wed 27 (3), Thu 28 (4), Fri 29 (5) -> end of Fri 29 Jan EST.
    expect(ag({ 'hipaa:hhs:US': '2027-01-22T21:00:00Z' })).toMatchObject({
      clockStart: '2027-01-22T21:00:00.000Z',
      dueAt: '2027-01-30T04:59:59.999Z',
    });
    // Without the HIPAA rules (no HHS notice) there is nothing to copy.
    const o = byId(obligationsOf('us-ny', facts));
    expect(o['us-ny:hipaa-attorney-general:US-NY']).toBeUndefined();
    expect(ag().citation).toMatch(/899-aa\(9\)/);
    // Residents are notified under HIPAA, not § 899-aa (§ 899-aa(2)(b)): no New York resident notice,
    // but the attorney general, department of state and state police are still owed notice (no number of days).
    expect(o['us-ny:residents:US-NY']).toBeUndefined();
    for (const k of ['attorney-general-regulated', 'department-of-state-regulated', 'state-police-regulated']) {
      expect(o[`us-ny:${k}:US-NY`]).toMatchObject({ recipient: 'authority', dueAt: null });
      // § 899-aa(2)(b), (8)(a) and (9) checked against the statute's text (issue 9 review).
      expect(o[`us-ny:${k}:US-NY`].unverified).toBeUndefined();
      expect(o[`us-ny:${k}:US-NY`].citation).toMatch(/899-aa\(2\)\(b\), \(8\)\(a\)/);
    }
  });

  it('GLBA financial institution notifying under the federal rules: state agencies and credit agencies still notified, not residents', () => {
    const ids = obligationsOf('us-ny', newYork({
      entity: { name: 'Example Bank', country: 'US', sectors: ['glba-financial-institution'] },
      affected: [{ country: 'US', region: 'US-NY', count: 5001 }],
    })).map((o) => o.id);
    expect(ids).toEqual([
      'us-ny:attorney-general-regulated:US-NY', 'us-ny:credit-agencies:US-NY', 'us-ny:department-of-state-regulated:US-NY', 'us-ny:state-police-regulated:US-NY',
    ]);
  });

  it('health insurance information is private information since 21 March 2025 (S2376-B)', () => {
    expect(obligationsOf('us-ny', newYork({ dataCategories: ['name', 'health-insurance'] }))).toHaveLength(4);
    // Outside the definition: date of birth, contact details.
    expect(obligationsOf('us-ny', newYork({ dataCategories: ['name', 'date-of-birth', 'contact'] }))).toEqual([]);
  });

  it('only New York residents count for § 899-aa', () => {
    expect(obligationsOf('us-ny', newYork({ affected: [{ country: 'US', region: 'US-NJ', count: 9000 }] }))).toEqual([]);
  });
});
