import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Louisiana, La. R.S. 51:3074 and LAC 16:III.701: residents within 60 days of discovery unless no
 * reasonable likelihood of harm (Act 382 of 2018); the Attorney General's Consumer Protection Section
 * within 10 days of the residents' notice. Days end at 23:59:59.999 America/Chicago
 * (CDT = UTC-5 until Sun 1 Nov 2026, then CST = UTC-6).
 */
const louisianian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 14:00 CDT = 19:00Z, the Friday before Labor Day.
  awareAt: '2026-09-04T14:00:00-05:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-LA', count: 1 }],
  dataCategories: ['name', 'passport'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Louisiana R.S. 51:3074', () => {
  it('one resident: residents in 60 calendar days (across Labor Day and the end of DST), then the AG 10 days later', () => {
    const obligations = obligationsOf('us-la', louisianian());
    expect(obligations.map((o) => o.id)).toEqual(['us-la:attorney-general:US-LA', 'us-la:individuals:US-LA']);
    const o = byId(obligations);
    // Fri 4 Sep + 60 days = Tue 3 Nov (Sep 30 = day 26, Oct 31 = day 57); CST since 1 Nov: 05:59:59.999Z on 4 Nov.
    expect(o['us-la:individuals:US-LA']).toMatchObject({ recipient: 'individuals', clockStart: '2026-09-04T19:00:00.000Z', dueAt: '2026-11-04T05:59:59.999Z' });
    expect(o['us-la:individuals:US-LA'].citation).toMatch(/51:3074/);
    // Not yet delivered: counts from the residents' due time, local Tue 3 Nov + 10 = Fri 13 Nov, end CST.
    expect(o['us-la:attorney-general:US-LA']).toMatchObject({
      recipient: 'authority', after: 'us-la:individuals:US-LA', clockStart: '2026-11-04T05:59:59.999Z', dueAt: '2026-11-14T05:59:59.999Z',
      requiredContent: ['nature', 'affected-individuals-identity'],
    });
    expect(o['us-la:attorney-general:US-LA'].citation).toMatch(/LAC 16:III\.701/);
  });

  it('residents notified Fri 18 Sep: the AG within 10 days of that distribution', () => {
    const o = byId(obligationsOf('us-la', louisianian(), { 'us-la:individuals:US-LA': '2026-09-18T10:00:00-05:00' }));
    // Fri 18 Sep + 10 = Mon 28 Sep: 23:59:59.999 CDT = 04:59:59.999Z on 29 Sep.
    expect(o['us-la:attorney-general:US-LA']).toMatchObject({ clockStart: '2026-09-18T15:00:00.000Z', dueAt: '2026-09-29T04:59:59.999Z' });
  });

  it('no reasonable likelihood of harm to residents: nothing (the written determination is sent only on request)', () => {
    expect(obligationsOf('us-la', louisianian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption and data outside the definition (health, credentials): nothing', () => {
    expect(obligationsOf('us-la', louisianian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-la', louisianian({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('financial institutions under the federal interagency guidance are deemed compliant; HIPAA entities are not exempt', () => {
    expect(obligationsOf('us-la', louisianian({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-la', louisianian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(2);
  });
});
