import type { IncidentFactsInput } from '../../domain/facts';
import { obligationsOf } from './helpers';

/**
 * Guam, 9 GCA § 48.30: residents without unreasonable delay (no number of days) where the breach causes
 * or is reasonably believed to cause identity theft or fraud. No other recipient. Days would end at
 * 23:59:59.999 Pacific/Guam (ChST = UTC+10, no DST); the only clock here is `none`.
 */
const guamanian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 22 May 2026 08:00 ChST, the Friday before Memorial Day (Mon 25 May, a holiday on Guam): still Thu 21 May in UTC.
  awareAt: '2026-05-22T08:00:00+10:00',
  entity: { name: 'Example Corp', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-GU', count: 1 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Guam, 9 GCA § 48.30', () => {
  it('one resident: notice without unreasonable delay from discovery, no due time', () => {
    const obligations = obligationsOf('us-gu', guamanian());
    expect(obligations).toHaveLength(1);
    expect(obligations[0]).toMatchObject({
      id: 'us-gu:individuals:US-GU', recipient: 'individuals',
      // Fri 22 May 08:00 ChST = 22:00Z on Thu 21 May; no number of days, so the holiday weekend changes nothing.
      clockStart: '2026-05-21T22:00:00.000Z', dueAt: null, requiredContent: ['nature'],
    });
    expect(obligations[0].citation).toMatch(/48\.30/);
  });

  it('no identity theft or fraud reasonably believed: no notice', () => {
    expect(obligationsOf('us-gu', guamanian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data (key safe) and data outside the definition (health, credentials) trigger nothing', () => {
    expect(obligationsOf('us-gu', guamanian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-gu', guamanian({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('financial institutions under the Interagency Guidance are deemed compliant; HIPAA entities are not exempt', () => {
    expect(obligationsOf('us-gu', guamanian({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-gu', guamanian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(1);
  });

  it('only people coded as region US-GU count', () => {
    expect(obligationsOf('us-gu', guamanian({ affected: [{ country: 'GU', count: 10 }] }))).toEqual([]);
  });
});
