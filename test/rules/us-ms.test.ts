import type { IncidentFactsInput } from '../../domain/facts';
import { obligationsOf } from './helpers';

/**
 * Mississippi, Miss. Code Ann. § 75-24-29: affected individuals "without unreasonable delay" (dueAt null)
 * unless harm is not likely; no threshold, no attorney-general or consumer-reporting-agency notice.
 */
const mississippian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 12:00 CDT = 17:00Z, the Friday before Labor Day.
  awareAt: '2026-09-04T12:00:00-05:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-MS', count: 1 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Mississippi Code § 75-24-29', () => {
  it('one resident: individuals only, no number of days (the holiday changes nothing)', () => {
    const obligations = obligationsOf('us-ms', mississippian());
    expect(obligations).toHaveLength(1);
    expect(obligations[0]).toMatchObject({
      id: 'us-ms:individuals:US-MS', recipient: 'individuals', clockStart: '2026-09-04T17:00:00.000Z', dueAt: null, requiredContent: ['nature'],
    });
    expect(obligations[0].citation).toMatch(/75-24-29\(3\)/);
  });

  it('many residents: still no AG or CRA notice', () => {
    const ids = obligationsOf('us-ms', mississippian({ affected: [{ country: 'US', region: 'US-MS', count: 50000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-ms:individuals:US-MS']);
  });

  it('harm not likely, encryption, or data outside the definition: nothing', () => {
    expect(obligationsOf('us-ms', mississippian({ risk: 'unlikely' }))).toEqual([]);
    expect(obligationsOf('us-ms', mississippian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ms', mississippian({ dataCategories: ['name', 'health', 'biometric', 'credentials'] }))).toEqual([]);
  });

  it('persons regulated by federal breach rules (HIPAA, GLBA) following them: deemed compliant', () => {
    for (const s of ['hipaa-covered-entity', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-ms', mississippian({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
