import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Maine, 10 M.R.S. § 1348: residents within 30 days of becoming aware of the breach and identifying
 * its scope, where misuse has occurred or is reasonably possible; the Attorney General (or the
 * person's regulator in the Department of Professional and Financial Regulation); consumer reporting
 * agencies above 1,000 persons. Days end at 23:59:59.999 America/New_York (EDT = UTC-4).
 */
const mainer = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-08-31T09:00:00-04:00',
  // Scope identified Fri 4 Sep 2026 17:00 EDT = 21:00Z, the Friday before Labor Day.
  determinedAt: '2026-09-04T17:00:00-04:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-ME', count: 1001 }],
  dataCategories: ['name', 'credentials'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Maine 10 M.R.S. § 1348', () => {
  it('1,001 residents: residents within 30 days of identifying the scope; the AG and CRAs without a number of days', () => {
    const obligations = obligationsOf('us-me', mainer());
    expect(obligations.map((o) => o.id)).toEqual(['us-me:attorney-general:US-ME', 'us-me:credit-agencies:US-ME', 'us-me:individuals:US-ME']);
    const o = byId(obligations);
    // Fri 4 Sep + 30 days = Sun 4 Oct (Sep 30 = day 26; calendar days cross Labor Day): 03:59:59.999Z on 5 Oct.
    expect(o['us-me:individuals:US-ME']).toMatchObject({ recipient: 'individuals', clockStart: '2026-09-04T21:00:00.000Z', dueAt: '2026-10-05T03:59:59.999Z' });
    expect(o['us-me:individuals:US-ME'].citation).toMatch(/1348\(1\)/);
    expect(o['us-me:attorney-general:US-ME']).toMatchObject({ recipient: 'authority', dueAt: null });
    expect(o['us-me:attorney-general:US-ME'].citation).toMatch(/1348\(5\)/);
    expect(o['us-me:credit-agencies:US-ME']).toMatchObject({
      recipient: 'credit-agencies', dueAt: null, requiredContent: ['date-of-breach', 'number-affected', 'anticipated-notice-date'],
    });
  });

  it('1,000 residents is not "more than 1,000": no CRA notice', () => {
    const ids = obligationsOf('us-me', mainer({ affected: [{ country: 'US', region: 'US-ME', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-me:attorney-general:US-ME', 'us-me:individuals:US-ME']);
  });

  it('without a recorded scope determination the 30 days run from awareness', () => {
    const { determinedAt: _omit, ...facts } = mainer();
    const o = byId(obligationsOf('us-me', facts));
    // Mon 31 Aug 09:00 EDT + 30 days = Wed 30 Sep: 03:59:59.999Z on 1 Oct.
    expect(o['us-me:individuals:US-ME'].dueAt).toBe('2026-10-01T03:59:59.999Z');
  });

  it('misuse neither occurred nor reasonably possible: nothing', () => {
    expect(obligationsOf('us-me', mainer({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption and data outside the definition (health, biometric): nothing; HIPAA entities are not exempt', () => {
    expect(obligationsOf('us-me', mainer({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-me', mainer({ dataCategories: ['name', 'health', 'biometric'] }))).toEqual([]);
    expect(obligationsOf('us-me', mainer({ entity: { name: 'H', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(3);
  });
});
