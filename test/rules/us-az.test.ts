import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Arizona, A.R.S. §§ 18-551, 18-552: individuals within 45 days of the determination that there has
 * been a breach (unless no substantial economic loss is likely); the attorney general, the director of
 * the Department of Homeland Security and the three largest consumer reporting agencies within the same
 * 45 days where more than 1,000 Arizonans are notified; HIPAA and GLBA entities are outside the section.
 * Days end at 23:59:59.999 America/Phoenix (MST = UTC-7 all year, no daylight saving time).
 */
const az = (count: number) => [{ country: 'US', region: 'US-AZ', count }];
const arizonan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-07-01T08:00:00-07:00',
  // Wed 15 Jul 2026 22:00 MST: already Thu 16 Jul in UTC.
  determinedAt: '2026-07-15T22:00:00-07:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: az(1001),
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Arizona A.R.S. § 18-552', () => {
  it('1,001 Arizonans: individuals, attorney general, Homeland Security and the agencies, all within 45 days', () => {
    const obligations = obligationsOf('us-az', arizonan());
    expect(obligations.map((o) => o.id)).toEqual([
      'us-az:attorney-general:US-AZ', 'us-az:credit-agencies:US-AZ', 'us-az:homeland-security:US-AZ', 'us-az:individuals:US-AZ',
    ]);
    const o = byId(obligations);
    // Local day Wed 15 Jul (not the UTC 16 Jul) + 45 days = Sat 29 Aug (Jul 31 = day 16, Aug 29 = day 45);
    // 23:59:59.999 MST = 06:59:59.999Z on 30 Aug (no DST in Arizona).
    expect(o['us-az:individuals:US-AZ']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-07-16T05:00:00.000Z', dueAt: '2026-08-30T06:59:59.999Z',
      requiredContent: ['date-of-breach', 'data-categories', 'credit-agency-contacts', 'ftc-contacts'],
    });
    expect(o['us-az:individuals:US-AZ'].citation).toMatch(/18-552/);
    for (const id of ['us-az:attorney-general:US-AZ', 'us-az:homeland-security:US-AZ', 'us-az:credit-agencies:US-AZ']) {
      expect(o[id].dueAt).toBe('2026-08-30T06:59:59.999Z');
      expect(o[id].citation).toMatch(/18-552\(B\)\(2\)/);
    }
    expect(o['us-az:attorney-general:US-AZ']).toMatchObject({ recipient: 'authority', requiredContent: ['sample-notice'] });
    expect(o['us-az:homeland-security:US-AZ']).toMatchObject({ recipient: 'authority', requiredContent: ['sample-notice'] });
    expect(o['us-az:credit-agencies:US-AZ']).toMatchObject({ recipient: 'credit-agencies' });
  });

  it('exactly 1,000 Arizonans is not "more than 1,000": individuals only', () => {
    expect(obligationsOf('us-az', arizonan({ affected: az(1000) })).map((o) => o.id)).toEqual(['us-az:individuals:US-AZ']);
  });

  it('a determination on Friday 4 Sep 2026, before Labor Day: calendar days run through the holiday', () => {
    const [o] = obligationsOf('us-az', arizonan({ determinedAt: '2026-09-04T09:00:00-07:00', affected: az(2) }));
    // Fri 4 Sep + 45 days = Mon 19 Oct (Sep 30 = day 26, Oct 19 = day 45); Labor Day (7 Sep) and Columbus
    // Day (12 Oct) are not skipped. 23:59:59.999 MST = 06:59:59.999Z on 20 Oct.
    expect(o).toMatchObject({ id: 'us-az:individuals:US-AZ', dueAt: '2026-10-20T06:59:59.999Z' });
  });

  it('no substantial economic loss likely: no notice at all', () => {
    expect(obligationsOf('us-az', arizonan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('HIPAA covered entities, business associates and GLBA institutions are outside the section', () => {
    for (const sector of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-az', arizonan({ entity: { name: 'X', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
  });

  it('encryption (key safe) and data outside the definition trigger nothing', () => {
    expect(obligationsOf('us-az', arizonan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-az', arizonan({ dataCategories: ['name', 'contact', 'date-of-birth', 'location'] }))).toEqual([]);
  });

  it('a private signing key, an IRS identity protection PIN and biometric login data are covered', () => {
    for (const c of ['digital-signature', 'tax-id', 'biometric'] as const) {
      expect(obligationsOf('us-az', arizonan({ dataCategories: [c] }))).toHaveLength(4);
    }
  });
});
