import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Michigan, MCL 445.72: residents "without unreasonable delay" (dueAt null) unless no substantial loss,
 * injury or identity theft is likely; after that, consumer reporting agencies where more than 1,000
 * residents were notified. HIPAA-compliant persons and GLBA financial institutions are deemed compliant.
 */
const michigander = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 08:30 EDT = 12:30Z, the Friday before Labor Day.
  awareAt: '2026-09-04T08:30:00-04:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-MI', count: 1001 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Michigan MCL 445.72', () => {
  it('1,001 residents: residents, then CRAs after them; no number of days for either', () => {
    const obligations = obligationsOf('us-mi', michigander());
    expect(obligations.map((o) => o.id)).toEqual(['us-mi:credit-agencies:US-MI', 'us-mi:individuals:US-MI']);
    const o = byId(obligations);
    expect(o['us-mi:individuals:US-MI']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-09-04T12:30:00.000Z', dueAt: null,
      requiredContent: ['nature', 'data-categories', 'measures', 'contact-point', 'vigilance-advice'],
    });
    expect(o['us-mi:individuals:US-MI'].citation).toMatch(/445\.72\(1\)/);
    expect(o['us-mi:credit-agencies:US-MI']).toMatchObject({
      recipient: 'credit-agencies', after: 'us-mi:individuals:US-MI', dueAt: null,
      requiredContent: ['number-notified-directly', 'notice-timing-and-distribution'],
    });
  });

  it('residents notified before Labor Day: the CRA notice follows, still without a number of days', () => {
    const o = byId(obligationsOf('us-mi', michigander(), { 'us-mi:individuals:US-MI': '2026-09-04T16:00:00-04:00' }));
    expect(o['us-mi:credit-agencies:US-MI']).toMatchObject({ clockStart: '2026-09-04T20:00:00.000Z', dueAt: null });
  });

  it('1,000 residents or fewer: no CRA notice', () => {
    const ids = obligationsOf('us-mi', michigander({ affected: [{ country: 'US', region: 'US-MI', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-mi:individuals:US-MI']);
  });

  it('no substantial loss, injury or identity theft likely: nothing', () => {
    expect(obligationsOf('us-mi', michigander({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption (key safe) and data outside the definition (health, credentials, biometrics): nothing', () => {
    expect(obligationsOf('us-mi', michigander({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-mi', michigander({ dataCategories: ['name', 'health', 'credentials', 'biometric'] }))).toEqual([]);
  });

  it('HIPAA-compliant persons and GLBA financial institutions are deemed compliant', () => {
    for (const s of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-mi', michigander({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
