import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Wisconsin, Wis. Stat. § 134.98: the subjects within a reasonable time, not more than 45 days after
 * the entity learns of the acquisition, unless there is no material risk of identity theft or fraud;
 * nationwide consumer reporting agencies where 1,000 or more individuals must be notified.
 * Days end at 23:59:59.999 America/Chicago (CDT = UTC-5 from Sun 8 Mar to Sun 1 Nov 2026, then CST = UTC-6).
 */
const wisconsinite = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 22 May 2026 20:00 CDT, the Friday before Memorial Day (Mon 25 May): already Sat 23 May in UTC.
  awareAt: '2026-05-22T20:00:00-05:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-WI', count: 1000 }],
  dataCategories: ['name', 'biometric'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Wisconsin Stat. § 134.98', () => {
  it('1,000 residents: subjects within 45 calendar days of learning of it (across Memorial Day), and the agencies', () => {
    const obligations = obligationsOf('us-wi', wisconsinite());
    expect(obligations.map((o) => o.id)).toEqual(['us-wi:credit-agencies:US-WI', 'us-wi:individuals:US-WI']);
    const o = byId(obligations);
    expect(o['us-wi:individuals:US-WI']).toMatchObject({
      recipient: 'individuals',
      clockStart: '2026-05-23T01:00:00.000Z',
      // Local day Fri 22 May (not the UTC 23 May) + 45 calendar days, the holiday counting like any day:
      // 9 days to 31 May, 30 in June, 6 in July = Mon 6 Jul; 23:59:59.999 CDT = 04:59:59.999Z on 7 Jul.
      dueAt: '2026-07-07T04:59:59.999Z',
      requiredContent: ['nature'],
    });
    expect(o['us-wi:individuals:US-WI'].citation).toMatch(/134\.98\(2\)/);
    expect(o['us-wi:credit-agencies:US-WI']).toMatchObject({
      recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'],
    });
    expect(o['us-wi:credit-agencies:US-WI'].citation).toMatch(/134\.98\(2\)\(br\)/);
  });

  it('999 individuals: no agency notice ("1,000 or more"), counting non-residents too', () => {
    const ids = (wi: number, il: number) => obligationsOf('us-wi', wisconsinite({
      affected: [{ country: 'US', region: 'US-WI', count: wi }, { country: 'US', region: 'US-IL', count: il }],
    })).map((o) => o.id);
    expect(ids(999, 0)).toEqual(['us-wi:individuals:US-WI']);
    expect(ids(500, 499)).toEqual(['us-wi:individuals:US-WI']);
    expect(ids(500, 500)).toEqual(['us-wi:credit-agencies:US-WI', 'us-wi:individuals:US-WI']);
    // Nobody in Wisconsin: nothing under Wisconsin's law.
    expect(obligationsOf('us-wi', wisconsinite({ affected: [{ country: 'US', region: 'US-IL', count: 5000 }] }))).toEqual([]);
  });

  it('no material risk of identity theft or fraud: no notice', () => {
    expect(obligationsOf('us-wi', wisconsinite({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data and data outside the definition (health, online credentials) trigger nothing; a DNA profile does', () => {
    expect(obligationsOf('us-wi', wisconsinite({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-wi', wisconsinite({ dataCategories: ['name', 'health', 'credentials', 'contact'] }))).toEqual([]);
    expect(obligationsOf('us-wi', wisconsinite({ dataCategories: ['name', 'genetic'] }))).toHaveLength(2);
  });

  it('GLBA and HIPAA entities complying with their federal rules are outside the section', () => {
    for (const sector of ['glba-financial-institution', 'hipaa-covered-entity', 'hipaa-business-associate'] as const) {
      expect(obligationsOf('us-wi', wisconsinite({ entity: { name: 'Example', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
  });
});
