import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * New Hampshire, RSA 359-C:20: individuals as soon as possible when misuse has occurred, is likely or
 * cannot be ruled out; the Attorney General (or, for regulated trade, the primary regulator); consumer
 * reporting agencies above 1,000. No number of days anywhere. America/New_York.
 */
const granite = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Thu 5 Mar 2026 14:00 EST = 19:00Z.
  awareAt: '2026-03-05T14:00:00-05:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-NH', count: 1001 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('New Hampshire RSA 359-C:20', () => {
  it('1,001 residents: individuals, Attorney General and credit agencies, none with a number of days', () => {
    const obligations = obligationsOf('us-nh', granite());
    expect(obligations.map((o) => o.id)).toEqual(['us-nh:attorney-general:US-NH', 'us-nh:credit-agencies:US-NH', 'us-nh:residents:US-NH']);
    const o = byId(obligations);
    expect(o['us-nh:residents:US-NH']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-03-05T19:00:00.000Z', dueAt: null,
      requiredContent: ['nature', 'date-of-breach', 'data-categories', 'contact-point'],
    });
    expect(o['us-nh:attorney-general:US-NH']).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['anticipated-notice-date', 'number-affected'] });
    expect(o['us-nh:attorney-general:US-NH'].citation).toMatch(/359-C:20, I\(b\)/);
    expect(o['us-nh:credit-agencies:US-NH']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
  });

  it('1,000 residents: no credit-agency notice; the Attorney General has no threshold', () => {
    const ids = obligationsOf('us-nh', granite({ affected: [{ country: 'US', region: 'US-NH', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-nh:attorney-general:US-NH', 'us-nh:residents:US-NH']);
    expect(obligationsOf('us-nh', granite({ affected: [{ country: 'US', region: 'US-NH', count: 1 }] }))).toHaveLength(2);
  });

  it('misuse determined not reasonably likely: nothing; undetermined (risk) still notifies', () => {
    expect(obligationsOf('us-nh', granite({ risk: 'unlikely' }))).toEqual([]);
    expect(obligationsOf('us-nh', granite({ risk: 'high' }))).toHaveLength(3);
  });

  it('encrypted data, and data outside the definition (health, credentials), trigger nothing', () => {
    expect(obligationsOf('us-nh', granite({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-nh', granite({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('regulated financial institution: deemed compliant via its regulator, notifies the primary regulator instead of the AG', () => {
    const obligations = obligationsOf('us-nh', granite({ entity: { name: 'Example Bank', country: 'US', sectors: ['glba-financial-institution'] } }));
    expect(obligations.map((o) => o.id)).toEqual(['us-nh:primary-regulator:US-NH']);
    expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null });
  });

  it('aware on the Friday before Labor Day: still no number of days', () => {
    const [o] = obligationsOf('us-nh', granite({ awareAt: '2026-09-04T12:00:00-04:00', affected: [{ country: 'US', region: 'US-NH', count: 2 }] }));
    expect(o).toMatchObject({ id: 'us-nh:attorney-general:US-NH', clockStart: '2026-09-04T16:00:00.000Z', dueAt: null });
  });
});
