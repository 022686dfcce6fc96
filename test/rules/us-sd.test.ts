import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * South Dakota, SDCL 22-40-20: residents within 60 days of discovery; the Attorney General above 250
 * residents; credit reporting agencies whenever residents are notified; a no-harm determination only
 * after notice to the Attorney General. Days end at 23:59:59.999 America/Chicago (CDT = UTC-5 until
 * Sun 1 Nov 2026, then CST = UTC-6).
 */
const dakotan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 (before Labor Day) 10:00 CDT = 15:00Z.
  awareAt: '2026-09-04T10:00:00-05:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-SD', count: 251 }],
  dataCategories: ['name', 'employee-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-SD', count: n }] });

describe('South Dakota SDCL 22-40-20', () => {
  it('251 residents: residents and the AG within 60 days (across Labor Day and the end of DST), credit agencies', () => {
    const obligations = obligationsOf('us-sd', dakotan());
    expect(obligations.map((o) => o.id)).toEqual(['us-sd:attorney-general:US-SD', 'us-sd:credit-agencies:US-SD', 'us-sd:individuals:US-SD']);
    const o = byId(obligations);
    // Fri 4 Sep + 60 days = Tue 3 Nov (Sep 30 = day 26, Oct 31 = day 57); CST since 1 Nov:
    // 23:59:59.999 CST = 05:59:59.999Z on 4 Nov.
    expect(o['us-sd:individuals:US-SD']).toMatchObject({ clockStart: '2026-09-04T15:00:00.000Z', dueAt: '2026-11-04T05:59:59.999Z' });
    expect(o['us-sd:attorney-general:US-SD']).toMatchObject({ recipient: 'authority', dueAt: '2026-11-04T05:59:59.999Z' });
    expect(o['us-sd:attorney-general:US-SD'].citation).toMatch(/22-40-20/);
    expect(o['us-sd:credit-agencies:US-SD']).toMatchObject({ dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
  });

  it('250 residents: no AG notice ("exceeds 250"); credit agencies even for one resident', () => {
    expect(obligationsOf('us-sd', dakotan(count(250))).map((o) => o.id)).toEqual(['us-sd:credit-agencies:US-SD', 'us-sd:individuals:US-SD']);
    expect(obligationsOf('us-sd', dakotan(count(1))).map((o) => o.id)).toEqual(['us-sd:credit-agencies:US-SD', 'us-sd:individuals:US-SD']);
  });

  it('no harm likely: residents excused, but only after notice to the AG (whatever the number)', () => {
    const obligations = obligationsOf('us-sd', dakotan({ risk: 'unlikely', ...count(3) }));
    expect(obligations.map((o) => o.id)).toEqual(['us-sd:no-harm-determination:US-SD']);
    expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['nature', 'no-harm-determination'] });
  });

  it('encrypted data and data outside the definition (biometrics alone, date of birth) trigger nothing; credentials do', () => {
    expect(obligationsOf('us-sd', dakotan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-sd', dakotan({ dataCategories: ['name', 'biometric', 'date-of-birth'] }))).toEqual([]);
    expect(obligationsOf('us-sd', dakotan({ dataCategories: ['credentials'] }))).toHaveLength(3);
  });

  it('HIPAA and GLBA entities following their federal procedures are deemed compliant', () => {
    for (const s of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-sd', dakotan({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
