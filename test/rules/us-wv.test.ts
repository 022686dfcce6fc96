import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * West Virginia, W. Va. Code § 46A-2A-102: residents without unreasonable delay (no number of days)
 * where the breach causes or is reasonably believed to cause identity theft or fraud; nationwide
 * consumer reporting agencies where more than 1,000 persons must be notified. No attorney-general notice.
 * Days would end at 23:59:59.999 America/New_York (EDT = UTC-4 in May 2026); every clock here is `none`.
 */
const westVirginian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 22 May 2026 21:30 EDT (before Memorial Day, Mon 25 May): already Sat 23 May in UTC.
  awareAt: '2026-05-22T21:30:00-04:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-WV', count: 1001 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('West Virginia Code § 46A-2A-102', () => {
  it('1,001 residents: residents and the consumer reporting agencies, no number of days, from discovery', () => {
    const obligations = obligationsOf('us-wv', westVirginian());
    expect(obligations.map((o) => o.id)).toEqual(['us-wv:credit-agencies:US-WV', 'us-wv:individuals:US-WV']);
    const o = byId(obligations);
    expect(o['us-wv:individuals:US-WV']).toMatchObject({
      recipient: 'individuals',
      // Discovery Fri 22 May 21:30 EDT = 01:30Z on Sat 23 May; "without unreasonable delay": no due time,
      // so the Memorial Day weekend changes nothing.
      clockStart: '2026-05-23T01:30:00.000Z',
      dueAt: null,
      requiredContent: ['data-categories', 'contact-point', 'credit-agency-contacts', 'fraud-alert-and-freeze-info'],
    });
    expect(o['us-wv:individuals:US-WV'].citation).toMatch(/46A-2A-102\(a\)/);
    expect(o['us-wv:credit-agencies:US-WV']).toMatchObject({
      recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'],
    });
    expect(o['us-wv:credit-agencies:US-WV'].citation).toMatch(/46A-2A-102\(f\)/);
  });

  it('exactly 1,000 residents is not "more than one thousand": no agency notice', () => {
    const ids = obligationsOf('us-wv', westVirginian({ affected: [{ country: 'US', region: 'US-WV', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-wv:individuals:US-WV']);
  });

  it('only West Virginia residents are counted for the agency threshold', () => {
    const ids = obligationsOf('us-wv', westVirginian({
      affected: [{ country: 'US', region: 'US-WV', count: 600 }, { country: 'US', region: 'US-VA', count: 5000 }],
    })).map((o) => o.id);
    expect(ids).toEqual(['us-wv:individuals:US-WV']);
  });

  it('no identity theft or fraud reasonably believed: no breach, no notice', () => {
    expect(obligationsOf('us-wv', westVirginian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data (key safe) and data outside the definition (health, credentials, biometrics) trigger nothing', () => {
    expect(obligationsOf('us-wv', westVirginian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-wv', westVirginian({ dataCategories: ['name', 'health', 'credentials', 'biometric'] }))).toEqual([]);
  });

  it('financial institutions (Interagency Guidance) and HIPAA entities (their regulator\'s rules) are deemed compliant', () => {
    for (const sector of ['glba-financial-institution', 'hipaa-covered-entity', 'hipaa-business-associate'] as const) {
      expect(obligationsOf('us-wv', westVirginian({ entity: { name: 'Example', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
  });
});
