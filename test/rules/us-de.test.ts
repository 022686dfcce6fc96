import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Delaware, 6 Del. C. § 12B-102: residents within 60 days of the determination of the breach (unless it is
 * unlikely to result in harm); the Attorney General no later than the residents where more than 500 are
 * notified; HIPAA and GLBA entities following their regulators' procedures are deemed compliant.
 * Days end at 23:59:59.999 America/New_York (EDT = UTC-4 from Sun 8 Mar to Sun 1 Nov 2026).
 */
const de = (count: number) => [{ country: 'US', region: 'US-DE', count }];
const delawarean = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-06-01T09:00:00-04:00',
  // Thu 11 Jun 2026 14:00 EDT = 18:00Z.
  determinedAt: '2026-06-11T14:00:00-04:00',
  entity: { name: 'Example Corp', country: 'US', sectors: [] },
  affected: de(501),
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Delaware 6 Del. C. § 12B-102', () => {
  it('501 residents: residents within 60 days of the determination, the Attorney General no later than them', () => {
    const obligations = obligationsOf('us-de', delawarean());
    expect(obligations.map((o) => o.id)).toEqual(['us-de:attorney-general:US-DE', 'us-de:residents:US-DE']);
    const o = byId(obligations);
    expect(o['us-de:residents:US-DE']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-06-11T18:00:00.000Z',
      // Thu 11 Jun + 60 days = Mon 10 Aug (Jun 30 = day 19, Jul 31 = day 50); 23:59:59.999 EDT = 03:59:59.999Z on 11 Aug.
      dueAt: '2026-08-11T03:59:59.999Z',
      requiredContent: ['nature', 'remediation-offered', 'security-freeze-info'],
    });
    expect(o['us-de:residents:US-DE'].citation).toMatch(/12B-102\(a\)/);
    expect(o['us-de:attorney-general:US-DE']).toMatchObject({
      recipient: 'authority', after: 'us-de:residents:US-DE', dueAt: '2026-08-11T03:59:59.999Z',
    });
    expect(o['us-de:attorney-general:US-DE'].citation).toMatch(/12B-102\(d\)/);
    // Residents notified Tue 30 Jun 10:00 EDT = 14:00Z: the Attorney General is due by then.
    const d = byId(obligationsOf('us-de', delawarean(), { 'us-de:residents:US-DE': '2026-06-30T10:00:00-04:00' }));
    expect(d['us-de:attorney-general:US-DE'].dueAt).toBe('2026-06-30T14:00:00.000Z');
  });

  it('exactly 500 residents does not "exceed 500": no Attorney General notice', () => {
    expect(obligationsOf('us-de', delawarean({ affected: de(500) })).map((o) => o.id)).toEqual(['us-de:residents:US-DE']);
  });

  it('a determination on Friday 22 May 2026, before Memorial Day: calendar days run through it', () => {
    const [o] = obligationsOf('us-de', delawarean({ determinedAt: '2026-05-22T16:00:00-04:00', affected: de(10) }));
    // Fri 22 May + 60 days = Tue 21 Jul (May 31 = day 9, Jun 30 = day 39); Memorial Day, Juneteenth and the
    // observed Independence Day are not skipped. 23:59:59.999 EDT = 03:59:59.999Z on 22 Jul.
    expect(o).toMatchObject({ id: 'us-de:residents:US-DE', dueAt: '2026-07-22T03:59:59.999Z' });
  });

  it('harm unlikely: no notice at all', () => {
    expect(obligationsOf('us-de', delawarean({ risk: 'unlikely' }))).toEqual([]);
  });

  it('HIPAA and GLBA entities following their regulators\' procedures are deemed compliant', () => {
    for (const sector of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-de', delawarean({ entity: { name: 'X', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
  });

  it('encryption (key safe) and data outside the definition trigger nothing', () => {
    expect(obligationsOf('us-de', delawarean({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-de', delawarean({ dataCategories: ['name', 'contact', 'location'] }))).toEqual([]);
  });

  it('DNA profiles, health insurance numbers and online credentials are covered', () => {
    for (const c of ['genetic', 'health-insurance', 'credentials'] as const) {
      expect(obligationsOf('us-de', delawarean({ dataCategories: [c] }))).toHaveLength(2);
    }
  });
});
