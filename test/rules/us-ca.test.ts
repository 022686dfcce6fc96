import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * California, Cal. Civ. Code § 1798.82 as amended by SB 446 (in force 2026-01-01): residents within
 * 30 calendar days of discovery; a sample copy to the Attorney General within 15 calendar days of
 * notifying residents where more than 500 Californians are notified. Days end at 23:59:59.999 in
 * America/Los_Angeles (PST = UTC-8; PDT = UTC-7 from Sun 8 Mar to Sun 1 Nov 2026).
 */
const californian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Wed 4 Mar 2026 22:30 PST: already Thu 5 Mar in UTC.
  awareAt: '2026-03-04T22:30:00-08:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-CA', count: 501 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('California Civ. Code § 1798.82 (SB 446)', () => {
  it('501 residents: resident notice in 30 days from the local discovery day, AG sample copy 15 days after it', () => {
    const obligations = obligationsOf('us-ca', californian());
    expect(obligations.map((o) => o.id)).toEqual(['us-ca:attorney-general:US-CA', 'us-ca:residents:US-CA']);
    const o = byId(obligations);
    expect(o['us-ca:residents:US-CA']).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US-CA',
      clockStart: '2026-03-05T06:30:00.000Z',
      // Discovered Wed 4 Mar 22:30 PST (the UTC date, 5 Mar, is not the day that counts).
      // 4 Mar + 30 days = Fri 3 Apr; DST began 8 Mar, so the day ends 23:59:59.999 PDT = 06:59:59.999Z on 4 Apr.
      dueAt: '2026-04-04T06:59:59.999Z',
    });
    expect(o['us-ca:residents:US-CA'].citation).toMatch(/1798\.82\(a\)/);
    expect(o['us-ca:residents:US-CA'].requiredContent).toEqual(
      ['contact-point', 'data-categories', 'date-of-breach', 'notice-date', 'law-enforcement-delay', 'nature', 'credit-agency-contacts', 'remediation-offered'],
    );
    expect(o['us-ca:attorney-general:US-CA']).toMatchObject({
      recipient: 'authority', after: 'us-ca:residents:US-CA',
      // Not yet delivered: counts from the resident notice's due time, end of Fri 3 Apr PDT.
      clockStart: '2026-04-04T06:59:59.999Z',
      // 3 Apr + 15 days = Sat 18 Apr, end of day PDT = 06:59:59.999Z on 19 Apr.
      dueAt: '2026-04-19T06:59:59.999Z',
      requiredContent: ['sample-notice'],
    });
    expect(o['us-ca:attorney-general:US-CA'].citation).toMatch(/1798\.82\(f\)/);
  });

  it('the AG clock moves to the real delivery of the resident notice', () => {
    const delivered = { 'us-ca:residents:US-CA': '2026-03-20T10:00:00-07:00' };
    const o = byId(obligationsOf('us-ca', californian(), delivered));
    expect(o['us-ca:attorney-general:US-CA']).toMatchObject({
      // Residents notified Fri 20 Mar 10:00 PDT = 17:00Z.
      clockStart: '2026-03-20T17:00:00.000Z',
      // 20 Mar + 15 days = Sat 4 Apr, end of day PDT = 06:59:59.999Z on 5 Apr.
      dueAt: '2026-04-05T06:59:59.999Z',
    });
    // The resident notice's own due time is unchanged by its delivery.
    expect(o['us-ca:residents:US-CA'].dueAt).toBe('2026-04-04T06:59:59.999Z');
  });

  it('exactly 500 residents is not "more than 500": no AG sample copy', () => {
    const ids = obligationsOf('us-ca', californian({ affected: [{ country: 'US', region: 'US-CA', count: 500 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-ca:residents:US-CA']);
  });

  it('30 days across the end of daylight saving time (1 Nov 2026)', () => {
    const [o] = obligationsOf('us-ca', californian({ awareAt: '2026-10-10T05:00:00-07:00', affected: [{ country: 'US', region: 'US-CA', count: 20 }] }));
    // Sat 10 Oct 05:00 PDT + 30 days = Mon 9 Nov, now PST: 23:59:59.999 PST = 07:59:59.999Z on 10 Nov.
    expect(o).toMatchObject({ id: 'us-ca:residents:US-CA', dueAt: '2026-11-10T07:59:59.999Z' });
  });

  it('encryption safe harbour (keys not taken): no notice at all', () => {
    expect(obligationsOf('us-ca', californian({ encrypted: true }))).toEqual([]);
  });

  it('no covered data element (name and contact details only): no notice', () => {
    expect(obligationsOf('us-ca', californian({ dataCategories: ['name', 'contact'] }))).toEqual([]);
  });

  it('credentials alone and genetic data are covered; there is no risk-of-harm exception', () => {
    expect(obligationsOf('us-ca', californian({ dataCategories: ['credentials'], risk: 'unlikely' }))).toHaveLength(2);
    expect(obligationsOf('us-ca', californian({ dataCategories: ['genetic'] }))).toHaveLength(2);
  });

  it('only California residents count', () => {
    expect(obligationsOf('us-ca', californian({ affected: [{ country: 'US', region: 'US-TX', count: 5000 }, { country: 'DE', count: 900 }] }))).toEqual([]);
  });

  it('passport, tax ID and health insurance numbers, and ALPR (location) data are covered', () => {
    for (const c of ['passport', 'tax-id', 'health-insurance', 'location'] as const) {
      expect(obligationsOf('us-ca', californian({ dataCategories: [c] }))).toHaveLength(2);
    }
  });

  it('HIPAA covered entities are deemed compliant with the content rules only: both notices remain', () => {
    const o = obligationsOf('us-ca', californian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }));
    expect(o.map((x) => x.id)).toEqual(['us-ca:attorney-general:US-CA', 'us-ca:residents:US-CA']);
  });

  it('a discovery on Friday 22 May 2026, before Memorial Day: calendar days run through the holiday', () => {
    const [o] = obligationsOf('us-ca', californian({ awareAt: '2026-05-22T15:00:00-07:00', affected: [{ country: 'US', region: 'US-CA', count: 20 }] }));
    // Fri 22 May + 30 days = Sun 21 Jun (May 31 = day 9); Memorial Day (25 May) and Juneteenth (19 Jun) are
    // not skipped. 23:59:59.999 PDT = 06:59:59.999Z on 22 Jun.
    expect(o).toMatchObject({ id: 'us-ca:residents:US-CA', dueAt: '2026-06-22T06:59:59.999Z' });
  });
});
