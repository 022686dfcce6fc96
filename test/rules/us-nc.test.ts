import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * North Carolina, N.C. Gen. Stat. § 75-65: affected persons without unreasonable delay; the Consumer
 * Protection Division of the Attorney General whenever they are notified; consumer reporting agencies
 * above 1,000 persons. No number of days anywhere. America/New_York.
 */
const tarHeel = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Tue 3 Feb 2026 11:00 EST = 16:00Z.
  awareAt: '2026-02-03T11:00:00-05:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-NC', count: 20 }],
  dataCategories: ['name', 'financial'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('North Carolina Gen. Stat. § 75-65', () => {
  it('any North Carolinian: residents and the Attorney General, no number of days', () => {
    const obligations = obligationsOf('us-nc', tarHeel());
    expect(obligations.map((o) => o.id)).toEqual(['us-nc:attorney-general:US-NC', 'us-nc:residents:US-NC']);
    const o = byId(obligations);
    expect(o['us-nc:residents:US-NC']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-02-03T16:00:00.000Z', dueAt: null,
      requiredContent: ['nature', 'data-categories', 'measures', 'contact-point', 'vigilance-advice', 'credit-agency-contacts', 'ftc-contacts', 'attorney-general-contacts'],
    });
    expect(o['us-nc:attorney-general:US-NC']).toMatchObject({
      recipient: 'authority', dueAt: null,
      requiredContent: ['nature', 'number-affected', 'measures', 'recurrence-prevention', 'notice-timing-and-distribution'],
    });
    expect(o['us-nc:attorney-general:US-NC'].citation).toMatch(/75-65\(e1\)/);
  });

  it('credit agencies above 1,000 persons notified, counting non-residents too (1,001 yes, 1,000 no)', () => {
    const withSc = (sc: number) => byId(obligationsOf('us-nc', tarHeel({
      affected: [{ country: 'US', region: 'US-NC', count: 600 }, { country: 'US', region: 'US-SC', count: sc }],
    })));
    expect(withSc(400)['us-nc:credit-agencies:US-NC']).toBeUndefined();
    expect(withSc(401)['us-nc:credit-agencies:US-NC']).toMatchObject({ recipient: 'credit-agencies', jurisdiction: 'US-NC', dueAt: null });
    expect(obligationsOf('us-nc', tarHeel({ affected: [{ country: 'US', region: 'US-SC', count: 5000 }] }))).toEqual([]);
  });

  it('no illegal use likely and no material risk of harm: not a security breach', () => {
    expect(obligationsOf('us-nc', tarHeel({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data, and data outside the definition (health, date of birth), trigger nothing', () => {
    expect(obligationsOf('us-nc', tarHeel({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-nc', tarHeel({ dataCategories: ['name', 'health', 'date-of-birth'] }))).toEqual([]);
  });

  it('digital signatures, biometrics and passports are covered', () => {
    for (const c of ['digital-signature', 'biometric', 'passport'] as const) {
      expect(obligationsOf('us-nc', tarHeel({ dataCategories: ['name', c] }))).toHaveLength(2);
    }
  });

  it('financial institution under the interagency guidance: deemed compliant, nothing under § 75-65', () => {
    expect(obligationsOf('us-nc', tarHeel({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
  });

  it('aware on the Friday before Labor Day: still no number of days', () => {
    const o = byId(obligationsOf('us-nc', tarHeel({ awareAt: '2026-09-04T09:00:00-04:00' })));
    expect(o['us-nc:residents:US-NC']).toMatchObject({ clockStart: '2026-09-04T13:00:00.000Z', dueAt: null });
  });
});
