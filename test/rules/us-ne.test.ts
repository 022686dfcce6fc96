import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Nebraska, Neb. Rev. Stat. §§ 87-803, 87-804: residents as soon as possible (no number of days) when
 * misuse has occurred or is reasonably likely; the Attorney General not later than the residents'
 * notice (modelled as the end of that day); regulated entities notify under their own procedures but
 * still notify the Attorney General. America/Chicago (CDT = UTC-5 in summer 2026).
 */
const nebraskan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Wed 15 Jul 2026 09:30 CDT = 14:30Z.
  awareAt: '2026-07-15T09:30:00-05:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-NE', count: 40 }],
  dataCategories: ['credentials'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Nebraska Rev. Stat. §§ 87-801 to 87-808', () => {
  it('residents and the Attorney General (chained, no threshold); online credentials alone suffice', () => {
    const obligations = obligationsOf('us-ne', nebraskan());
    expect(obligations.map((o) => o.id)).toEqual(['us-ne:attorney-general:US-NE', 'us-ne:residents:US-NE']);
    const o = byId(obligations);
    expect(o['us-ne:residents:US-NE']).toMatchObject({ recipient: 'individuals', clockStart: '2026-07-15T14:30:00.000Z', dueAt: null });
    expect(o['us-ne:attorney-general:US-NE']).toMatchObject({ recipient: 'authority', after: 'us-ne:residents:US-NE', dueAt: null });
    expect(o['us-ne:attorney-general:US-NE'].citation).toMatch(/87-803\(2\)/);
    // One resident is enough.
    expect(obligationsOf('us-ne', nebraskan({ affected: [{ country: 'US', region: 'US-NE', count: 1 }] }))).toHaveLength(2);
  });

  it('residents notified on the Friday before Labor Day: the Attorney General by the end of that Central day', () => {
    const o = byId(obligationsOf('us-ne', nebraskan(), { 'us-ne:residents:US-NE': '2026-09-04T11:00:00-05:00' }));
    // Fri 4 Sep 11:00 CDT = 16:00Z; end of Fri 4 Sep CDT = 04:59:59.999Z on 5 Sep (no holiday skipping).
    expect(o['us-ne:attorney-general:US-NE']).toMatchObject({ clockStart: '2026-09-04T16:00:00.000Z', dueAt: '2026-09-05T04:59:59.999Z' });
  });

  it('investigation finds misuse not reasonably likely: no notice to residents or the Attorney General', () => {
    expect(obligationsOf('us-ne', nebraskan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data (key safe) and data outside the definition (health, date of birth) trigger nothing', () => {
    expect(obligationsOf('us-ne', nebraskan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ne', nebraskan({ dataCategories: ['name', 'health', 'date-of-birth'] }))).toEqual([]);
  });

  it('biometric data is covered', () => {
    expect(obligationsOf('us-ne', nebraskan({ dataCategories: ['name', 'biometric'] }))).toHaveLength(2);
  });

  it('HIPAA or GLBA regulated entity: residents under its own procedures, the Attorney General still notified', () => {
    for (const sector of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      const obligations = obligationsOf('us-ne', nebraskan({ entity: { name: 'Regulated', country: 'US', sectors: [sector] } }));
      expect(obligations.map((o) => o.id)).toEqual(['us-ne:attorney-general-regulated:US-NE']);
      expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null });
      expect(obligations[0].citation).toMatch(/87-804/);
    }
  });
});
