import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Indiana, Ind. Code art. 24-4.9: residents, the Attorney General and (above 1,000 consumers) each
 * consumer reporting agency, each within 45 days of discovery (P.L. 171-2022); no notice where no
 * identity deception, identity theft or fraud could result.
 * Days end at 23:59:59.999 America/Indiana/Indianapolis (EDT = UTC-4 until Sun 1 Nov 2026).
 */
const hoosier = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 16:00 EDT = 20:00Z, the Friday before Labor Day (Mon 7 Sep).
  awareAt: '2026-09-04T16:00:00-04:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-IN', count: 1001 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

const ALL = ['us-in:attorney-general:US-IN', 'us-in:credit-agencies:US-IN', 'us-in:individuals:US-IN'];

describe('Indiana Code 24-4.9', () => {
  it('1,001 residents: residents, AG and CRAs, each 45 calendar days from discovery (crossing Labor Day)', () => {
    const obligations = obligationsOf('us-in', hoosier());
    expect(obligations.map((o) => o.id)).toEqual(ALL);
    const o = byId(obligations);
    // Fri 4 Sep + 45 days = Mon 19 Oct (Sep 30 = day 26, Oct 19 = day 45); calendar days count Labor Day;
    // 23:59:59.999 EDT = 03:59:59.999Z on 20 Oct.
    for (const id of ALL) expect(o[id]).toMatchObject({ clockStart: '2026-09-04T20:00:00.000Z', dueAt: '2026-10-20T03:59:59.999Z' });
    expect(o['us-in:individuals:US-IN']).toMatchObject({ recipient: 'individuals', requiredContent: ['nature'] });
    expect(o['us-in:individuals:US-IN'].citation).toMatch(/24-4\.9-3-1\(a\)/);
    expect(o['us-in:attorney-general:US-IN']).toMatchObject({ recipient: 'authority', requiredContent: ['nature', 'number-affected', 'sample-notice'] });
    expect(o['us-in:attorney-general:US-IN'].citation).toMatch(/24-4\.9-3-1\(c\)/);
    expect(o['us-in:credit-agencies:US-IN']).toMatchObject({ recipient: 'credit-agencies', requiredContent: ['nature', 'affected-individuals-identity'] });
  });

  it('1,000 residents is not "more than 1,000": no CRA notice; a single resident still means the AG', () => {
    const ids = (n: number) => obligationsOf('us-in', hoosier({ affected: [{ country: 'US', region: 'US-IN', count: n }] })).map((o) => o.id);
    expect(ids(1000)).toEqual(['us-in:attorney-general:US-IN', 'us-in:individuals:US-IN']);
    expect(ids(1)).toEqual(['us-in:attorney-general:US-IN', 'us-in:individuals:US-IN']);
  });

  it('a credit card number counts on its own (no code needed)', () => {
    expect(obligationsOf('us-in', hoosier({ dataCategories: ['payment-card'] }))).toHaveLength(3);
  });

  it('encryption (key safe), data outside the definition, and no possible identity theft or fraud: nothing', () => {
    expect(obligationsOf('us-in', hoosier({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-in', hoosier({ dataCategories: ['name', 'health', 'biometric', 'credentials'] }))).toEqual([]);
    expect(obligationsOf('us-in', hoosier({ risk: 'unlikely' }))).toEqual([]);
  });

  it('HIPAA and GLBA entities following their own federal procedures: nothing under this article', () => {
    for (const s of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-in', hoosier({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
