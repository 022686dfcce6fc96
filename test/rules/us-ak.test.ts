import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Alaska, Alaska Stat. §§ 45.48.010-45.48.090: residents in the most expeditious time possible (no number
 * of days, so dueAt is null); a written notification to the attorney general where the covered person
 * instead determines there is no reasonable likelihood of harm; consumer reporting agencies above 1,000
 * residents (not for GLBA entities). Alaska time: AKDT = UTC-8 from Sun 8 Mar to Sun 1 Nov 2026.
 */
const ak = (count: number) => [{ country: 'US', region: 'US-AK', count }];
const alaskan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Mon 13 Apr 2026 18:30 AKDT = 02:30Z on Tue 14 Apr.
  awareAt: '2026-04-13T18:30:00-08:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: ak(1001),
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Alaska Stat. §§ 45.48.010, 45.48.040', () => {
  it('1,001 Alaskans: residents and consumer reporting agencies, both without a number of days', () => {
    const obligations = obligationsOf('us-ak', alaskan());
    expect(obligations.map((o) => o.id)).toEqual(['us-ak:credit-agencies:US-AK', 'us-ak:residents:US-AK']);
    const o = byId(obligations);
    expect(o['us-ak:residents:US-AK']).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US-AK',
      // Discovery starts the clock; "most expeditious time possible" has no number, so no due time.
      clockStart: '2026-04-14T02:30:00.000Z', dueAt: null, requiredContent: ['nature'],
    });
    expect(o['us-ak:residents:US-AK'].citation).toMatch(/45\.48\.010\(a\)/);
    expect(o['us-ak:credit-agencies:US-AK']).toMatchObject({
      recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'],
    });
    expect(o['us-ak:credit-agencies:US-AK'].citation).toMatch(/45\.48\.040/);
  });

  it('exactly 1,000 Alaskans is not "more than 1,000": residents only', () => {
    expect(obligationsOf('us-ak', alaskan({ affected: ak(1000) })).map((o) => o.id)).toEqual(['us-ak:residents:US-AK']);
  });

  it('no reasonable likelihood of harm: the attorney general gets the written notification instead of the residents', () => {
    const obligations = obligationsOf('us-ak', alaskan({ risk: 'unlikely' }));
    expect(obligations.map((o) => o.id)).toEqual(['us-ak:no-harm-determination:US-AK']);
    expect(obligations[0]).toMatchObject({
      recipient: 'authority', dueAt: null, requiredContent: ['nature', 'number-affected', 'no-harm-determination'],
    });
    expect(obligations[0].citation).toMatch(/45\.48\.010\(c\)/);
  });

  it('a discovery on Friday 22 May 2026, before Memorial Day: still no number of days', () => {
    const [o] = obligationsOf('us-ak', alaskan({ awareAt: '2026-05-22T16:00:00-08:00', affected: ak(3) }));
    expect(o).toMatchObject({ id: 'us-ak:residents:US-AK', clockStart: '2026-05-23T00:00:00.000Z', dueAt: null });
  });

  it('GLBA financial institutions are exempt from the agencies notice only', () => {
    const ids = obligationsOf('us-ak', alaskan({ entity: { name: 'Example Bank', country: 'US', sectors: ['glba-financial-institution'] } })).map((o) => o.id);
    expect(ids).toEqual(['us-ak:residents:US-AK']);
    // No HIPAA exemption in the chapter.
    expect(obligationsOf('us-ak', alaskan({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(2);
  });

  it('encryption (key safe), data outside the definition, and no Alaskan affected: nothing', () => {
    expect(obligationsOf('us-ak', alaskan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ak', alaskan({ encrypted: true, risk: 'unlikely' }))).toEqual([]);
    expect(obligationsOf('us-ak', alaskan({ dataCategories: ['name', 'health', 'biometric', 'contact'] }))).toEqual([]);
    expect(obligationsOf('us-ak', alaskan({ affected: [{ country: 'US', region: 'US-WA', count: 5000 }] }))).toEqual([]);
  });
});
