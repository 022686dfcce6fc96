import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Oklahoma, 24 O.S. §§ 161-166 as amended by S.B. 626 (eff. 2026-01-01): residents without
 * unreasonable delay (no number of days); the Attorney General within 60 days after the residents'
 * notice where 500 or more Oklahomans are affected. Breach = identity theft or fraud caused or
 * reasonably believed likely. Days end at 23:59:59.999 America/Chicago (CST = UTC-6; CDT = UTC-5
 * from Sun 8 Mar 2026 to Sun 1 Nov 2026).
 */
const okie = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-03-02T10:00:00-06:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-OK', count: 500 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-OK', count: n }] });

describe('Oklahoma 24 O.S. § 163', () => {
  it('500 Oklahomans: residents without a number of days, the AG 60 days after the residents\' notice', () => {
    const obligations = obligationsOf('us-ok', okie());
    expect(obligations.map((o) => o.id)).toEqual(['us-ok:attorney-general:US-OK', 'us-ok:individuals:US-OK']);
    const o = byId(obligations);
    // Mon 2 Mar 10:00 CST = 16:00Z; "without unreasonable delay": no due date.
    expect(o['us-ok:individuals:US-OK']).toMatchObject({ recipient: 'individuals', clockStart: '2026-03-02T16:00:00.000Z', dueAt: null });
    expect(o['us-ok:individuals:US-OK'].citation).toMatch(/163\(A\)/);
    // The AG clock waits for the residents' notice, which has no due date: no number yet.
    expect(o['us-ok:attorney-general:US-OK']).toMatchObject({
      recipient: 'authority', after: 'us-ok:individuals:US-OK', dueAt: null,
      requiredContent: ['date-of-breach', 'date-of-discovery', 'nature', 'data-categories', 'number-affected', 'estimated-monetary-impact', 'reasonable-safeguards'],
    });
    expect(o['us-ok:attorney-general:US-OK'].citation).toMatch(/163\(E\)/);
  });

  it('the AG is due 60 days after the residents were notified', () => {
    const o = byId(obligationsOf('us-ok', okie(), { 'us-ok:individuals:US-OK': '2026-03-20T15:00:00-05:00' }));
    // Delivered Fri 20 Mar 15:00 CDT = 20:00Z; + 60 days = Tue 19 May (Mar 31 = day 11, Apr 30 = day 41);
    // 23:59:59.999 CDT = 04:59:59.999Z on 20 May.
    expect(o['us-ok:attorney-general:US-OK']).toMatchObject({ clockStart: '2026-03-20T20:00:00.000Z', dueAt: '2026-05-20T04:59:59.999Z' });
  });

  it('499 Oklahomans: no AG notice ("fewer than 500" exempt)', () => {
    expect(obligationsOf('us-ok', okie(count(499))).map((o) => o.id)).toEqual(['us-ok:individuals:US-OK']);
  });

  it('a calendar-day clock crosses the Labor Day weekend and the end of daylight saving time', () => {
    const o = byId(obligationsOf('us-ok', okie(), { 'us-ok:individuals:US-OK': '2026-09-04T12:00:00-05:00' }));
    // Residents notified Fri 4 Sep (Mon 7 Sep is Labor Day, not skipped) + 60 days = Tue 3 Nov
    // (Sep 30 = day 26, Oct 31 = day 57); CST since 1 Nov: 23:59:59.999 CST = 05:59:59.999Z on 4 Nov.
    expect(o['us-ok:attorney-general:US-OK'].dueAt).toBe('2026-11-04T05:59:59.999Z');
  });

  it('no identity theft or fraud reasonably likely: nothing at all', () => {
    expect(obligationsOf('us-ok', okie({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data, or data outside the definition (health, credentials), triggers nothing; biometrics do since 2026', () => {
    expect(obligationsOf('us-ok', okie({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ok', okie({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
    expect(obligationsOf('us-ok', okie({ dataCategories: ['name', 'biometric'] }))).toHaveLength(2);
  });

  it('a HIPAA covered entity is deemed compliant but must still notify the AG', () => {
    const obligations = obligationsOf('us-ok', okie({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }));
    expect(obligations.map((o) => o.id)).toEqual(['us-ok:attorney-general-deemed-compliant:US-OK']);
    expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null });
    expect(obligations[0].unverified).toBeUndefined();
    // Below 500 Oklahomans, not even that.
    expect(obligationsOf('us-ok', okie({ ...count(499), entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toEqual([]);
  });
});
