import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Missouri, Mo. Rev. Stat. § 407.1500: residents without unreasonable delay (no number of days);
 * the Attorney General and the nationwide consumer reporting agencies where more than 1,000
 * Missourians are notified at one time. America/Chicago (CDT = UTC-5 in summer 2026).
 */
const missourian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Mon 18 May 2026 10:00 CDT = 15:00Z.
  awareAt: '2026-05-18T10:00:00-05:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-MO', count: 1001 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Missouri Rev. Stat. § 407.1500', () => {
  it('1,001 Missourians: residents, Attorney General and credit agencies, all without a number of days', () => {
    const obligations = obligationsOf('us-mo', missourian());
    expect(obligations.map((o) => o.id)).toEqual(['us-mo:attorney-general:US-MO', 'us-mo:credit-agencies:US-MO', 'us-mo:residents:US-MO']);
    const o = byId(obligations);
    expect(o['us-mo:residents:US-MO']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-05-18T15:00:00.000Z', dueAt: null,
      requiredContent: ['nature', 'data-categories', 'contact-point', 'credit-agency-contacts', 'vigilance-advice'],
    });
    expect(o['us-mo:residents:US-MO'].citation).toMatch(/407\.1500\.2/);
    expect(o['us-mo:attorney-general:US-MO']).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
    expect(o['us-mo:credit-agencies:US-MO']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
  });

  it('1,000 Missourians: residents only ("more than one thousand")', () => {
    const ids = obligationsOf('us-mo', missourian({ affected: [{ country: 'US', region: 'US-MO', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-mo:residents:US-MO']);
  });

  it('only Missouri residents count towards the threshold', () => {
    const ids = obligationsOf('us-mo', missourian({
      affected: [{ country: 'US', region: 'US-MO', count: 600 }, { country: 'US', region: 'US-KS', count: 5000 }],
    })).map((o) => o.id);
    expect(ids).toEqual(['us-mo:residents:US-MO']);
  });

  it('no reasonable likelihood of identity theft or fraud (documented): no notices at all', () => {
    expect(obligationsOf('us-mo', missourian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data, and data outside the definition (online credentials, biometrics), trigger nothing', () => {
    expect(obligationsOf('us-mo', missourian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-mo', missourian({ dataCategories: ['name', 'credentials', 'biometric', 'contact'] }))).toEqual([]);
  });

  it('medical and health insurance information are covered', () => {
    expect(obligationsOf('us-mo', missourian({ dataCategories: ['name', 'health-insurance'] }))).toHaveLength(3);
    expect(obligationsOf('us-mo', missourian({ dataCategories: ['health'] }))).toHaveLength(3);
  });

  it('financial institutions deemed compliant under the interagency guidance / GLBA: nothing under § 407.1500', () => {
    expect(obligationsOf('us-mo', missourian({ entity: { name: 'Example Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    // A HIPAA covered entity has no Missouri exemption.
    expect(obligationsOf('us-mo', missourian({ entity: { name: 'Example Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(3);
  });

  it('discovered on the Friday before Labor Day: still no number of days, nothing to skip', () => {
    // Fri 4 Sep 2026 16:00 CDT = 21:00Z; Mon 7 Sep is Labor Day.
    const [o] = obligationsOf('us-mo', missourian({ awareAt: '2026-09-04T16:00:00-05:00', affected: [{ country: 'US', region: 'US-MO', count: 5 }] }));
    expect(o).toMatchObject({ id: 'us-mo:residents:US-MO', clockStart: '2026-09-04T21:00:00.000Z', dueAt: null });
  });
});
