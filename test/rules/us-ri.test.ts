import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Rhode Island, R.I. Gen. Laws § 11-49.3-4: residents within 45 calendar days of confirming the breach
 * (unless no significant risk of identity theft); the Attorney General and the credit reporting
 * agencies where more than 500 residents are notified. Days end at 23:59:59.999 America/New_York
 * (EST = UTC-5; EDT = UTC-4 from Sun 8 Mar 2026).
 */
const rhodeIslander = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-02-20T09:00:00-05:00',
  // Thu 5 Mar 2026 23:30 EST: already Fri 6 Mar in UTC.
  determinedAt: '2026-03-05T23:30:00-05:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-RI', count: 501 }],
  dataCategories: ['name', 'health-insurance'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-RI', count: n }] });

describe('Rhode Island § 11-49.3-4', () => {
  it('501 residents: residents in 45 days from confirmation, the AG and the credit agencies (no number)', () => {
    const obligations = obligationsOf('us-ri', rhodeIslander());
    expect(obligations.map((o) => o.id)).toEqual(['us-ri:attorney-general:US-RI', 'us-ri:credit-agencies:US-RI', 'us-ri:individuals:US-RI']);
    const o = byId(obligations);
    // Local Thu 5 Mar + 45 days = Sun 19 Apr (Mar 31 = day 26); EDT: 23:59:59.999 EDT = 03:59:59.999Z on 20 Apr.
    expect(o['us-ri:individuals:US-RI']).toMatchObject({ clockStart: '2026-03-06T04:30:00.000Z', dueAt: '2026-04-20T03:59:59.999Z' });
    expect(o['us-ri:individuals:US-RI'].citation).toMatch(/11-49\.3-4\(a\)/);
    expect(o['us-ri:individuals:US-RI'].requiredContent).toContain('attorney-general-contacts');
    expect(o['us-ri:attorney-general:US-RI']).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['notice-timing-and-distribution', 'number-affected'] });
    expect(o['us-ri:credit-agencies:US-RI']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
  });

  it('500 residents: neither the AG nor the credit agencies ("more than 500")', () => {
    expect(obligationsOf('us-ri', rhodeIslander(count(500))).map((o) => o.id)).toEqual(['us-ri:individuals:US-RI']);
  });

  it('confirmation on the Friday before Labor Day: 45 calendar days cross the holiday', () => {
    const [o] = obligationsOf('us-ri', rhodeIslander({ determinedAt: '2026-09-04T15:00:00-04:00', ...count(10) }));
    // Fri 4 Sep + 45 days = Mon 19 Oct (Sep 30 = day 26); 23:59:59.999 EDT = 03:59:59.999Z on 20 Oct.
    expect(o).toMatchObject({ id: 'us-ri:individuals:US-RI', dueAt: '2026-10-20T03:59:59.999Z' });
  });

  it('no significant risk of identity theft: nothing', () => {
    expect(obligationsOf('us-ri', rhodeIslander({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data and data outside the definition (biometrics, passport) trigger nothing', () => {
    expect(obligationsOf('us-ri', rhodeIslander({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ri', rhodeIslander({ dataCategories: ['name', 'biometric', 'passport'] }))).toEqual([]);
  });

  it('HIPAA covered entities and GLBA institutions are deemed compliant; business associates are not', () => {
    for (const s of ['hipaa-covered-entity', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-ri', rhodeIslander({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
    expect(obligationsOf('us-ri', rhodeIslander({ entity: { name: 'X', country: 'US', sectors: ['hipaa-business-associate'] } }))).toHaveLength(3);
  });
});
