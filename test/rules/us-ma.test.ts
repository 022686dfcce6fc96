import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Massachusetts, M.G.L. c. 93H § 3(b): the Attorney General, the Director of Consumer Affairs and
 * Business Regulation and the residents "as soon as practicable and without unreasonable delay":
 * no number of days, so every dueAt is null. No resident threshold.
 */
const bayStater = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-05-04T23:45:00-04:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-MA', count: 1 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

const ALL = ['us-ma:attorney-general:US-MA', 'us-ma:ocabr:US-MA', 'us-ma:residents:US-MA'];

describe('Massachusetts M.G.L. c. 93H § 3', () => {
  it('a single resident: AG, OCABR and the resident, none with a number of days', () => {
    const obligations = obligationsOf('us-ma', bayStater());
    expect(obligations.map((o) => o.id)).toEqual(ALL);
    const o = byId(obligations);
    for (const id of ALL) {
      // Mon 4 May 23:45 EDT = 03:45Z on Tue 5 May.
      expect(o[id]).toMatchObject({ clockStart: '2026-05-05T03:45:00.000Z', dueAt: null });
      // c. 93H § 3(b) checked against the statute's text (issue 9 review).
      expect(o[id].unverified).toBeUndefined();
      expect(o[id].deadline).toMatch(/as soon as practicable and without unreasonable delay/);
      expect(o[id].citation).toMatch(/93H §§? 3/);
    }
    expect(o['us-ma:attorney-general:US-MA'].requiredContent).toEqual(
      ['nature', 'number-affected', 'reporting-entity-details', 'data-categories', 'security-program-status', 'measures', 'measures-planned', 'sample-notice'],
    );
    // The resident notice may not state the nature of the breach or the number affected.
    // Re-checked 2026-11-28: the parent or affiliated corporation is named where there is one (§ 3(b)).
    expect(o['us-ma:residents:US-MA'].requiredContent).toEqual(['police-report-right', 'security-freeze-info', 'remediation-offered', 'parent-company-name']);
    expect(o['us-ma:residents:US-MA'].requiredContent).not.toContain('nature');
  });

  it('zero residents (boundary of the no-threshold rule): nothing', () => {
    expect(obligationsOf('us-ma', bayStater({ affected: [{ country: 'US', region: 'US-MA', count: 0 }] }))).toEqual([]);
  });

  it('the unauthorized-acquisition limb has no risk or encryption qualifier: still notified (conservative)', () => {
    expect(obligationsOf('us-ma', bayStater({ encrypted: true, risk: 'unlikely' })).map((o) => o.id)).toEqual(ALL);
  });

  it('health data and credentials are not personal information in Massachusetts', () => {
    expect(obligationsOf('us-ma', bayStater({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('HIPAA and GLBA entities notifying residents under federal procedures (§ 5): the AG and OCABR are still notified', () => {
    for (const sector of ['hipaa-covered-entity', 'glba-financial-institution'] as const) {
      const ids = obligationsOf('us-ma', bayStater({ entity: { name: 'X', country: 'US', sectors: [sector] } })).map((o) => o.id);
      expect(ids).toEqual(['us-ma:attorney-general:US-MA', 'us-ma:ocabr:US-MA']);
    }
  });

  it('aware on the Friday before Labor Day: still no number of days (nothing to skip)', () => {
    const o = byId(obligationsOf('us-ma', bayStater({ awareAt: '2026-09-04T17:00:00-04:00' })));
    for (const id of ALL) expect(o[id]).toMatchObject({ clockStart: '2026-09-04T21:00:00.000Z', dueAt: null });
  });
});
