import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Hawaii, Haw. Rev. Stat. § 487N-2: the affected persons without unreasonable delay (no number of days,
 * dueAt null) where illegal use is reasonably likely and creates a risk of harm; the Office of Consumer
 * Protection and the consumer reporting agencies where more than 1,000 persons are notified at one time.
 * Hawaii time: HST = UTC-10, no daylight saving time.
 */
const hi = (count: number) => [{ country: 'US', region: 'US-HI', count }];
const islander = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Thu 8 Oct 2026 19:00 HST = 05:00Z on Fri 9 Oct.
  awareAt: '2026-10-08T19:00:00-10:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: hi(1001),
  dataCategories: ['name', 'financial'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Hawaii Rev. Stat. § 487N-2', () => {
  it('1,001 persons: individuals, the Office of Consumer Protection and the agencies, none with a number of days', () => {
    const obligations = obligationsOf('us-hi', islander());
    expect(obligations.map((o) => o.id)).toEqual(['us-hi:consumer-protection-office:US-HI', 'us-hi:credit-agencies:US-HI', 'us-hi:individuals:US-HI']);
    const o = byId(obligations);
    expect(o['us-hi:individuals:US-HI']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-10-09T05:00:00.000Z', dueAt: null,
      requiredContent: ['nature', 'data-categories', 'measures', 'contact-point', 'recommended-steps'],
    });
    expect(o['us-hi:individuals:US-HI'].citation).toMatch(/487N-2\(a\)/);
    expect(o['us-hi:consumer-protection-office:US-HI']).toMatchObject({ recipient: 'authority', jurisdiction: 'US-HI', dueAt: null });
    expect(o['us-hi:credit-agencies:US-HI']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
  });

  it('the 1,000 counts every person notified, Hawaii residents or not (1,001 yes, 1,000 no), but needs one resident', () => {
    const withCa = (ca: number) => obligationsOf('us-hi', islander({ affected: [...hi(400), { country: 'US', region: 'US-CA', count: ca }] })).map((o) => o.id);
    expect(withCa(600)).toEqual(['us-hi:individuals:US-HI']);
    expect(withCa(601)).toEqual(['us-hi:consumer-protection-office:US-HI', 'us-hi:credit-agencies:US-HI', 'us-hi:individuals:US-HI']);
    expect(obligationsOf('us-hi', islander({ affected: [{ country: 'US', region: 'US-CA', count: 5000 }] }))).toEqual([]);
  });

  it('a discovery on Friday 4 Sep 2026, before Labor Day: no number of days', () => {
    const [o] = obligationsOf('us-hi', islander({ awareAt: '2026-09-04T12:00:00-10:00', affected: hi(2) }));
    expect(o).toMatchObject({ id: 'us-hi:individuals:US-HI', clockStart: '2026-09-04T22:00:00.000Z', dueAt: null });
  });

  it('no reasonable likelihood of illegal use creating a risk of harm: no security breach', () => {
    expect(obligationsOf('us-hi', islander({ risk: 'unlikely' }))).toEqual([]);
  });

  it('GLBA institutions and HIPAA health plans and providers are deemed compliant; business associates are not', () => {
    for (const sector of ['glba-financial-institution', 'hipaa-covered-entity'] as const) {
      expect(obligationsOf('us-hi', islander({ entity: { name: 'X', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
    expect(obligationsOf('us-hi', islander({ entity: { name: 'X', country: 'US', sectors: ['hipaa-business-associate'] } }))).toHaveLength(3);
  });

  it('encryption (key safe) and data outside the definition trigger nothing', () => {
    expect(obligationsOf('us-hi', islander({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-hi', islander({ dataCategories: ['name', 'health', 'biometric', 'passport'] }))).toEqual([]);
  });
});
