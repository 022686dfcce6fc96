import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Minnesota, Minn. Stat. § 325E.61: residents "in the most expedient time possible and without
 * unreasonable delay" (dueAt null), with no risk-of-harm exception; consumer reporting agencies within
 * 48 hours where more than 500 persons are to be notified. GLBA financial institutions are outside it.
 */
const minnesotan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-09-03T09:00:00-05:00',
  // Fri 4 Sep 2026 16:00 CDT = 21:00Z, the Friday before Labor Day.
  determinedAt: '2026-09-04T16:00:00-05:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-MN', count: 501 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'unlikely',
  ...over,
});

describe('Minnesota Stat. § 325E.61', () => {
  it('501 residents, even with no risk of harm: residents (no number of days) and CRAs within 48 hours', () => {
    const obligations = obligationsOf('us-mn', minnesotan());
    expect(obligations.map((o) => o.id)).toEqual(['us-mn:credit-agencies:US-MN', 'us-mn:individuals:US-MN']);
    const o = byId(obligations);
    // Thu 3 Sep 09:00 CDT = 14:00Z.
    expect(o['us-mn:individuals:US-MN']).toMatchObject({ recipient: 'individuals', clockStart: '2026-09-03T14:00:00.000Z', dueAt: null });
    expect(o['us-mn:individuals:US-MN'].citation).toMatch(/325E\.61, subd\. 1/);
    // 48 clock hours from Fri 4 Sep 21:00Z = Sun 6 Sep 21:00Z: hours run through the weekend (and Labor Day).
    expect(o['us-mn:credit-agencies:US-MN']).toMatchObject({
      recipient: 'credit-agencies', clockStart: '2026-09-04T21:00:00.000Z', dueAt: '2026-09-06T21:00:00.000Z',
      requiredContent: ['notice-timing-and-distribution'],
    });
    expect(o['us-mn:credit-agencies:US-MN'].citation).toMatch(/subd\. 2/);
  });

  it('500 residents is not "more than 500": no CRA notice', () => {
    const ids = obligationsOf('us-mn', minnesotan({ affected: [{ country: 'US', region: 'US-MN', count: 500 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-mn:individuals:US-MN']);
  });

  it('encryption (key safe) and data outside the definition (health, credentials): nothing', () => {
    expect(obligationsOf('us-mn', minnesotan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-mn', minnesotan({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('GLBA financial institutions are outside the section; HIPAA entities are not', () => {
    expect(obligationsOf('us-mn', minnesotan({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-mn', minnesotan({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(2);
  });
});
