import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Arkansas, Ark. Code § 4-110-105 (Act 1030 of 2019): residents in the most expedient time possible (no
 * number of days, dueAt null) unless there is no reasonable likelihood of harm; the attorney general where
 * more than 1,000 individuals are affected, within 45 days of the determination of a likelihood of harm
 * (or with the residents' notice, if earlier). Days end at 23:59:59.999 America/Chicago
 * (CST = UTC-6; CDT = UTC-5 from Sun 8 Mar to Sun 1 Nov 2026).
 */
const ar = (count: number) => [{ country: 'US', region: 'US-AR', count }];
const arkansan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-10-28T09:00:00-05:00',
  // Mon 2 Nov 2026 10:00 CST (daylight saving time ended on Sun 1 Nov) = 16:00Z.
  determinedAt: '2026-11-02T10:00:00-06:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: ar(1001),
  dataCategories: ['name', 'health'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Arkansas Code § 4-110-105', () => {
  it('1,001 Arkansans: residents without a number of days, the attorney general within 45 days of the determination', () => {
    const obligations = obligationsOf('us-ar', arkansan());
    expect(obligations.map((o) => o.id)).toEqual(['us-ar:attorney-general:US-AR', 'us-ar:residents:US-AR']);
    const o = byId(obligations);
    expect(o['us-ar:residents:US-AR']).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US-AR',
      // Discovery (Wed 28 Oct 09:00 CDT = 14:00Z) starts it; no number of days.
      clockStart: '2026-10-28T14:00:00.000Z', dueAt: null, requiredContent: ['nature'],
    });
    expect(o['us-ar:residents:US-AR'].citation).toMatch(/4-110-105\(a\)\(1\)/);
    expect(o['us-ar:attorney-general:US-AR']).toMatchObject({
      recipient: 'authority', jurisdiction: 'US-AR', clockStart: '2026-11-02T16:00:00.000Z',
      // Mon 2 Nov + 45 days = Thu 17 Dec (Nov 30 = day 28, Dec 17 = day 45); 23:59:59.999 CST = 05:59:59.999Z on 18 Dec.
      dueAt: '2026-12-18T05:59:59.999Z',
      requiredContent: ['nature', 'number-affected'],
    });
    expect(o['us-ar:attorney-general:US-AR'].citation).toMatch(/4-110-105\(a\)\(2\)/);
  });

  it('the attorney general threshold counts every individual affected, Arkansans or not (1,001 yes, 1,000 no)', () => {
    const withTx = (tx: number) => obligationsOf('us-ar', arkansan({ affected: [...ar(400), { country: 'US', region: 'US-TX', count: tx }] })).map((o) => o.id);
    expect(withTx(600)).toEqual(['us-ar:residents:US-AR']);
    expect(withTx(601)).toEqual(['us-ar:attorney-general:US-AR', 'us-ar:residents:US-AR']);
    // Nobody in Arkansas: Arkansas law does not reach the breach.
    expect(obligationsOf('us-ar', arkansan({ affected: [{ country: 'US', region: 'US-TX', count: 5000 }] }))).toEqual([]);
  });

  it('a determination on Friday 15 Jan 2026, before Martin Luther King Jr. Day: calendar days run through it', () => {
    const o = byId(obligationsOf('us-ar', arkansan({ determinedAt: '2026-01-15T15:00:00-06:00' })));
    // Fri 15 Jan + 45 days = Sun 1 Mar (Jan 31 = day 16, Feb 28 = day 44); MLK Day (19 Jan) and Presidents'
    // Day (16 Feb) are not skipped. 23:59:59.999 CST = 05:59:59.999Z on 2 Mar.
    expect(o['us-ar:attorney-general:US-AR'].dueAt).toBe('2026-03-02T05:59:59.999Z');
  });

  it('no reasonable likelihood of harm: no notice (the written determination goes to the AG only on request)', () => {
    expect(obligationsOf('us-ar', arkansan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption (key safe) and data outside the definition (credentials, health insurance) trigger nothing', () => {
    expect(obligationsOf('us-ar', arkansan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ar', arkansan({ dataCategories: ['name', 'credentials', 'health-insurance'] }))).toEqual([]);
  });

  it('biometric data is covered (Act 1030); HIPAA and GLBA entities are not excluded', () => {
    expect(obligationsOf('us-ar', arkansan({ dataCategories: ['biometric'] }))).toHaveLength(2);
    expect(obligationsOf('us-ar', arkansan({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(2);
  });
});
