import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Alabama, Ala. Code §§ 8-38-1 to 8-38-12: individuals within 45 days of determining that a breach
 * occurred and is reasonably likely to cause substantial harm; the Attorney General within the same
 * 45 days and the nationwide consumer reporting agencies (no number of days) where more than 1,000
 * Alabamians are notified; HIPAA/GLBA entities only send the Attorney General a copy of their notice.
 * Days end at 23:59:59.999 America/Chicago (CDT = UTC-5 from Sun 8 Mar to Sun 1 Nov 2026).
 */
const al = (count: number) => [{ country: 'US', region: 'US-AL', count }];
const alabamian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-04-01T09:00:00-05:00',
  // Thu 9 Apr 2026 20:00 CDT: already Fri 10 Apr in UTC.
  determinedAt: '2026-04-09T20:00:00-05:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: al(1001),
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Alabama Code §§ 8-38-5 to 8-38-7', () => {
  it('1,001 Alabamians: individuals and the AG within 45 days of the determination, the agencies without a number', () => {
    const obligations = obligationsOf('us-al', alabamian());
    expect(obligations.map((o) => o.id)).toEqual(['us-al:attorney-general:US-AL', 'us-al:credit-agencies:US-AL', 'us-al:individuals:US-AL']);
    const o = byId(obligations);
    expect(o['us-al:individuals:US-AL']).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US-AL',
      // The determination, not the earlier awareness, starts the clock: 20:00 CDT = 01:00Z on 10 Apr.
      clockStart: '2026-04-10T01:00:00.000Z',
      // Local day Thu 9 Apr + 45 days = Sun 24 May (Apr 30 = day 21, May 24 = day 45); 23:59:59.999 CDT = 04:59:59.999Z on 25 May.
      dueAt: '2026-05-25T04:59:59.999Z',
      requiredContent: ['date-of-breach', 'data-categories', 'measures', 'recommended-steps', 'contact-point'],
    });
    expect(o['us-al:individuals:US-AL'].citation).toMatch(/8-38-5/);
    expect(o['us-al:attorney-general:US-AL']).toMatchObject({
      recipient: 'authority', dueAt: '2026-05-25T04:59:59.999Z',
      requiredContent: ['nature', 'number-affected', 'remediation-offered', 'contact-point'],
    });
    expect(o['us-al:attorney-general:US-AL'].citation).toMatch(/8-38-6/);
    expect(o['us-al:credit-agencies:US-AL']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
    expect(o['us-al:credit-agencies:US-AL'].citation).toMatch(/8-38-7/);
  });

  it('exactly 1,000 Alabamians is not "more than 1,000": individuals only', () => {
    expect(obligationsOf('us-al', alabamian({ affected: al(1000) })).map((o) => o.id)).toEqual(['us-al:individuals:US-AL']);
  });

  it('only Alabama residents count towards the 1,000', () => {
    const ids = obligationsOf('us-al', alabamian({ affected: [...al(600), { country: 'US', region: 'US-GA', count: 5000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-al:individuals:US-AL']);
  });

  it('a determination on Friday 22 May 2026, before Memorial Day: calendar days run through the holiday', () => {
    const [o] = obligationsOf('us-al', alabamian({ determinedAt: '2026-05-22T10:00:00-05:00', affected: al(5) }));
    // Fri 22 May + 45 days = Mon 6 Jul (May 31 = day 9, Jun 30 = day 39); Memorial Day (25 May) and
    // the observed Independence Day (Fri 3 Jul) are not skipped. 23:59:59.999 CDT = 04:59:59.999Z on 7 Jul.
    expect(o).toMatchObject({ id: 'us-al:individuals:US-AL', dueAt: '2026-07-07T04:59:59.999Z' });
  });

  it('without a recorded determination the clock falls back to awareness', () => {
    const { determinedAt: _omit, ...facts } = alabamian({ affected: al(5) });
    const [o] = obligationsOf('us-al', facts);
    // Wed 1 Apr 09:00 CDT = 14:00Z; + 45 days = Sat 16 May, end of day CDT = 04:59:59.999Z on 17 May.
    expect(o).toMatchObject({ clockStart: '2026-04-01T14:00:00.000Z', dueAt: '2026-05-17T04:59:59.999Z' });
  });

  it('not reasonably likely to cause substantial harm: no notice at all', () => {
    expect(obligationsOf('us-al', alabamian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption (key safe) and data outside the definition (biometrics, contact details) trigger nothing', () => {
    expect(obligationsOf('us-al', alabamian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-al', alabamian({ dataCategories: ['name', 'contact', 'biometric'] }))).toEqual([]);
  });

  it('health insurance numbers, tax IDs and online credentials are covered', () => {
    for (const c of ['health-insurance', 'tax-id', 'credentials'] as const) {
      expect(obligationsOf('us-al', alabamian({ dataCategories: [c] }))).toHaveLength(3);
    }
  });

  it('HIPAA and GLBA entities notify under federal law and only send the AG a copy above 1,000', () => {
    for (const sector of ['hipaa-covered-entity', 'glba-financial-institution'] as const) {
      const entity = { name: 'Example Bank', country: 'US', sectors: [sector] };
      const obligations = obligationsOf('us-al', alabamian({ entity }));
      expect(obligations.map((o) => o.id)).toEqual(['us-al:attorney-general-federal-notice-copy:US-AL']);
      expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['sample-notice'] });
      expect(obligations[0].citation).toMatch(/8-38-11/);
      expect(obligationsOf('us-al', alabamian({ entity, affected: al(1000) }))).toEqual([]);
    }
  });
});
