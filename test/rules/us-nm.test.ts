import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * New Mexico, Data Breach Notification Act: residents within 45 calendar days of discovery; the
 * Attorney General and consumer reporting agencies within 45 days where more than 1,000 New Mexicans
 * are notified. Days end at 23:59:59.999 America/Denver (MDT = UTC-6 until Sun 1 Nov 2026, then MST = UTC-7).
 */
const newMexican = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 (before Labor Day, Mon 7 Sep) 17:00 MDT = 23:00Z.
  awareAt: '2026-09-04T17:00:00-06:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-NM', count: 1001 }],
  dataCategories: ['name', 'biometric'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('New Mexico NMSA §§ 57-12C-6 to 57-12C-10', () => {
  it('1,001 New Mexicans: all three within 45 calendar days of discovery, crossing Labor Day', () => {
    const obligations = obligationsOf('us-nm', newMexican());
    expect(obligations.map((o) => o.id)).toEqual(['us-nm:attorney-general:US-NM', 'us-nm:credit-agencies:US-NM', 'us-nm:residents:US-NM']);
    const o = byId(obligations);
    // Fri 4 Sep + 45 calendar days (Labor Day counted like any day) = Mon 19 Oct
    // (Sep 5-30 = 26 days, Oct 1-19 = 19); end of day MDT = 05:59:59.999Z on 20 Oct.
    for (const id of Object.keys(o)) {
      expect(o[id]).toMatchObject({ clockStart: '2026-09-04T23:00:00.000Z', dueAt: '2026-10-20T05:59:59.999Z' });
    }
    expect(o['us-nm:residents:US-NM'].requiredContent).toEqual(
      ['contact-point', 'data-categories', 'date-of-breach', 'nature', 'credit-agency-contacts', 'vigilance-advice', 'fcra-rights']);
    expect(o['us-nm:attorney-general:US-NM']).toMatchObject({ recipient: 'authority', requiredContent: ['number-affected', 'sample-notice'] });
    expect(o['us-nm:attorney-general:US-NM'].citation).toMatch(/57-12C-10/);
  });

  it('1,000 New Mexicans: residents only ("more than one thousand")', () => {
    expect(obligationsOf('us-nm', newMexican({ affected: [{ country: 'US', region: 'US-NM', count: 1000 }] })).map((o) => o.id)).toEqual(['us-nm:residents:US-NM']);
  });

  it('45 days across the end of daylight saving time', () => {
    const [o] = obligationsOf('us-nm', newMexican({ awareAt: '2026-10-01T10:00:00-06:00', affected: [{ country: 'US', region: 'US-NM', count: 5 }] }));
    // Thu 1 Oct + 45 days = Sun 15 Nov, now MST: 23:59:59.999 MST = 06:59:59.999Z on 16 Nov.
    expect(o).toMatchObject({ id: 'us-nm:residents:US-NM', dueAt: '2026-11-16T06:59:59.999Z' });
  });

  it('no significant risk of identity theft or fraud: nothing', () => {
    expect(obligationsOf('us-nm', newMexican({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data, and data outside the definition (health, credentials), trigger nothing', () => {
    expect(obligationsOf('us-nm', newMexican({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-nm', newMexican({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('the Act does not apply to persons subject to GLBA or HIPAA', () => {
    for (const sector of ['glba-financial-institution', 'hipaa-covered-entity', 'hipaa-business-associate'] as const) {
      expect(obligationsOf('us-nm', newMexican({ entity: { name: 'Regulated', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
  });
});
