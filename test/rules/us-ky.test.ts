import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Kentucky, KRS 365.732: residents "in the most expedient time possible and without unreasonable
 * delay" (dueAt null) where the breach causes or is reasonably believed to cause identity theft or
 * fraud; consumer reporting agencies where more than 1,000 persons are notified at one time.
 * GLBA and HIPAA entities are outside the section.
 */
const kentuckian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 17:00 EDT = 21:00Z, the Friday before Labor Day.
  awareAt: '2026-09-04T17:00:00-04:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-KY', count: 1001 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'high',
  ...over,
});

describe('Kentucky KRS 365.732', () => {
  it('1,001 Kentuckians: residents and CRAs, neither with a number of days', () => {
    const obligations = obligationsOf('us-ky', kentuckian());
    expect(obligations.map((o) => o.id)).toEqual(['us-ky:credit-agencies:US-KY', 'us-ky:individuals:US-KY']);
    const o = byId(obligations);
    expect(o['us-ky:individuals:US-KY']).toMatchObject({ recipient: 'individuals', clockStart: '2026-09-04T21:00:00.000Z', dueAt: null });
    expect(o['us-ky:individuals:US-KY'].citation).toMatch(/365\.732\(2\)/);
    expect(o['us-ky:credit-agencies:US-KY']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
    expect(o['us-ky:credit-agencies:US-KY'].citation).toMatch(/365\.732\(7\)/);
  });

  it('1,000 Kentuckians: no CRA notice', () => {
    const ids = obligationsOf('us-ky', kentuckian({ affected: [{ country: 'US', region: 'US-KY', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-ky:individuals:US-KY']);
  });

  it('no identity theft or fraud caused or reasonably believed likely: not a breach', () => {
    expect(obligationsOf('us-ky', kentuckian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption and data outside the definition (health, credentials): nothing', () => {
    expect(obligationsOf('us-ky', kentuckian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ky', kentuckian({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('persons subject to GLBA Title V or HIPAA: the section does not apply', () => {
    for (const s of ['glba-financial-institution', 'hipaa-covered-entity', 'hipaa-business-associate'] as const) {
      expect(obligationsOf('us-ky', kentuckian({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
