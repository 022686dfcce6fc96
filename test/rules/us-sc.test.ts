import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * South Carolina, S.C. Code § 39-1-90: residents in the most expedient time possible (no number of
 * days) when illegal use is likely or harm material; the Department of Consumer Affairs and the
 * credit reporting agencies where more than 1,000 persons are notified. America/New_York.
 */
const carolinian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 (before Labor Day) 14:00 EDT = 18:00Z.
  awareAt: '2026-09-04T14:00:00-04:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-SC', count: 1001 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-SC', count: n }] });

describe('South Carolina § 39-1-90', () => {
  it('1,001 residents: residents, the Department of Consumer Affairs and the credit agencies, none with a number of days', () => {
    const obligations = obligationsOf('us-sc', carolinian());
    expect(obligations.map((o) => o.id)).toEqual([
      'us-sc:credit-agencies:US-SC', 'us-sc:department-of-consumer-affairs:US-SC', 'us-sc:individuals:US-SC',
    ]);
    const o = byId(obligations);
    // "Most expedient time possible and without unreasonable delay": no due date, so the holiday weekend changes nothing.
    expect(o['us-sc:individuals:US-SC']).toMatchObject({ clockStart: '2026-09-04T18:00:00.000Z', dueAt: null });
    expect(o['us-sc:individuals:US-SC'].citation).toMatch(/39-1-90\(A\)/);
    expect(o['us-sc:department-of-consumer-affairs:US-SC']).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
    expect(o['us-sc:credit-agencies:US-SC']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
  });

  it('1,000 residents: only the residents ("more than 1,000")', () => {
    expect(obligationsOf('us-sc', carolinian(count(1000))).map((o) => o.id)).toEqual(['us-sc:individuals:US-SC']);
  });

  it('no illegal use likely and no material risk of harm: nothing', () => {
    expect(obligationsOf('us-sc', carolinian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data and data outside the definition (health, credentials) trigger nothing; government-issued numbers do', () => {
    expect(obligationsOf('us-sc', carolinian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-sc', carolinian({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
    expect(obligationsOf('us-sc', carolinian({ dataCategories: ['name', 'passport'] }))).toHaveLength(3);
  });

  it('GLBA financial institutions are deemed compliant; HIPAA entities are not exempt', () => {
    expect(obligationsOf('us-sc', carolinian({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-sc', carolinian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(3);
  });
});
