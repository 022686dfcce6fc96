import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Texas, Bus. & Com. Code § 521.053: individuals within 60 days of determining the breach occurred;
 * the Attorney General within 30 days where at least 250 Texans are affected (S.B. 768, 2023);
 * nationwide consumer reporting agencies where more than 10,000 persons are notified.
 * Days end at 23:59:59.999 America/Chicago (CST = UTC-6; CDT = UTC-5 from Sun 8 Mar 2026).
 */
const texan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-02-20T09:00:00-06:00',
  // Sat 28 Feb 2026 23:30 CST: already Sun 1 Mar in UTC.
  determinedAt: '2026-02-28T23:30:00-06:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-TX', count: 250 }],
  dataCategories: ['name', 'financial'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Texas Bus. & Com. Code § 521.053', () => {
  it('250 Texans: individuals in 60 days and the AG in 30 days from the determination, across the DST change', () => {
    const obligations = obligationsOf('us-tx', texan());
    expect(obligations.map((o) => o.id)).toEqual(['us-tx:attorney-general:US-TX', 'us-tx:individuals:US-TX']);
    const o = byId(obligations);
    expect(o['us-tx:individuals:US-TX']).toMatchObject({
      recipient: 'individuals',
      // The determination, not the earlier awareness, starts the clock.
      clockStart: '2026-03-01T05:30:00.000Z',
      // Local day Sat 28 Feb (not the UTC 1 Mar) + 60 days = Wed 29 Apr (Mar 1 = day 1, Mar 31 = day 31);
      // CDT since 8 Mar: 23:59:59.999 CDT = 04:59:59.999Z on 30 Apr.
      dueAt: '2026-04-30T04:59:59.999Z',
    });
    expect(o['us-tx:individuals:US-TX'].citation).toMatch(/521\.053\(b\)/);
    expect(o['us-tx:attorney-general:US-TX']).toMatchObject({
      recipient: 'authority',
      // 28 Feb + 30 days = Mon 30 Mar, end of day CDT = 04:59:59.999Z on 31 Mar.
      dueAt: '2026-03-31T04:59:59.999Z',
      requiredContent: ['nature', 'number-affected', 'number-notified-directly', 'measures', 'measures-planned', 'law-enforcement-involvement'],
    });
    expect(o['us-tx:attorney-general:US-TX'].citation).toMatch(/521\.053\(i\)/);
  });

  it('249 Texans: no AG notice ("at least 250")', () => {
    const ids = obligationsOf('us-tx', texan({ affected: [{ country: 'US', region: 'US-TX', count: 249 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-tx:individuals:US-TX']);
  });

  it('without a recorded determination the clock falls back to awareness', () => {
    const { determinedAt: _omit, ...facts } = texan();
    const [o] = obligationsOf('us-tx', { ...facts, affected: [{ country: 'US', region: 'US-TX', count: 10 }] });
    // Fri 20 Feb 09:00 CST = 15:00Z; + 60 days = Tue 21 Apr, end CDT = 04:59:59.999Z on 22 Apr.
    expect(o).toMatchObject({ clockStart: '2026-02-20T15:00:00.000Z', dueAt: '2026-04-22T04:59:59.999Z' });
  });

  it('consumer reporting agencies above 10,000 persons notified, counting non-Texans too (10,001 yes, 10,000 no)', () => {
    const withCa = (ca: number) => byId(obligationsOf('us-tx', texan({
      affected: [{ country: 'US', region: 'US-TX', count: 9000 }, { country: 'US', region: 'US-CA', count: ca }],
    })));
    expect(withCa(1000)['us-tx:credit-agencies:US-TX']).toBeUndefined();
    expect(withCa(1001)['us-tx:credit-agencies:US-TX']).toMatchObject({
      recipient: 'credit-agencies', jurisdiction: 'US-TX', dueAt: null, requiredContent: ['notice-timing-and-distribution'],
    });
  });

  it('no Texan affected: nothing, however many others are', () => {
    expect(obligationsOf('us-tx', texan({ affected: [{ country: 'US', region: 'US-CA', count: 20000 }] }))).toEqual([]);
  });

  it('encryption (keys safe) and data outside the definition (biometrics, credentials) trigger nothing', () => {
    expect(obligationsOf('us-tx', texan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-tx', texan({ dataCategories: ['name', 'biometric', 'credentials'] }))).toEqual([]);
  });

  it('health information is covered and there is no risk-of-harm exception', () => {
    expect(obligationsOf('us-tx', texan({ dataCategories: ['health'], risk: 'unlikely' }))).toHaveLength(2);
  });

  it('passport and taxpayer numbers (government-issued ID numbers) and health insurance numbers (payment for health care) are covered', () => {
    for (const c of ['passport', 'tax-id', 'health-insurance'] as const) {
      expect(obligationsOf('us-tx', texan({ dataCategories: ['name', c] })).map((o) => o.id)).toEqual(['us-tx:attorney-general:US-TX', 'us-tx:individuals:US-TX']);
    }
    // Contact details and dates of birth are not sensitive personal information.
    expect(obligationsOf('us-tx', texan({ dataCategories: ['name', 'contact', 'date-of-birth'] }))).toEqual([]);
  });
});
