import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Pennsylvania, 73 P.S. § 2303 (Act 33 of 2024): residents without unreasonable delay (no number of
 * days); the Attorney General concurrently where more than 500 Pennsylvanians must be notified;
 * consumer reporting agencies above 500. Days end at 23:59:59.999 America/New_York (EDT = UTC-4).
 */
const pennsylvanian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-06-01T09:00:00-04:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-PA', count: 501 }],
  dataCategories: ['name', 'financial'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-PA', count: n }] });

describe('Pennsylvania 73 P.S. § 2303', () => {
  it('501 Pennsylvanians: residents (no number), the AG concurrently, and the credit agencies', () => {
    const obligations = obligationsOf('us-pa', pennsylvanian());
    expect(obligations.map((o) => o.id)).toEqual(['us-pa:attorney-general:US-PA', 'us-pa:credit-agencies:US-PA', 'us-pa:individuals:US-PA']);
    const o = byId(obligations);
    // Mon 1 Jun 09:00 EDT = 13:00Z; no due date for residents, so none yet for the AG either.
    expect(o['us-pa:individuals:US-PA']).toMatchObject({ clockStart: '2026-06-01T13:00:00.000Z', dueAt: null });
    expect(o['us-pa:individuals:US-PA'].citation).toMatch(/2303\(a\)/);
    expect(o['us-pa:attorney-general:US-PA']).toMatchObject({
      recipient: 'authority', after: 'us-pa:individuals:US-PA', dueAt: null,
      requiredContent: ['entity-identity', 'date-of-breach', 'nature', 'total-number-affected', 'number-affected'],
    });
    expect(o['us-pa:attorney-general:US-PA'].citation).toMatch(/2303\(c\.1\)/);
    expect(o['us-pa:credit-agencies:US-PA']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
  });

  it('"concurrently": the AG is due by the end of the day the residents are notified, even before a holiday', () => {
    // Residents notified Fri 3 Jul 2026 (Independence Day observed; 4 Jul is Saturday) 16:00 EDT;
    // 0 calendar days: end of Fri 3 Jul EDT = 03:59:59.999Z on 4 Jul. No holiday is skipped.
    const o = byId(obligationsOf('us-pa', pennsylvanian(), { 'us-pa:individuals:US-PA': '2026-07-03T16:00:00-04:00' }));
    expect(o['us-pa:attorney-general:US-PA']).toMatchObject({ clockStart: '2026-07-03T20:00:00.000Z', dueAt: '2026-07-04T03:59:59.999Z' });
  });

  it('500 Pennsylvanians: neither the AG nor the credit agencies ("more than 500")', () => {
    expect(obligationsOf('us-pa', pennsylvanian(count(500))).map((o) => o.id)).toEqual(['us-pa:individuals:US-PA']);
  });

  it('no loss or injury reasonably believed: nothing', () => {
    expect(obligationsOf('us-pa', pennsylvanian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data and data outside the definition (biometrics, date of birth) trigger nothing; credentials and health insurance do', () => {
    expect(obligationsOf('us-pa', pennsylvanian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-pa', pennsylvanian({ dataCategories: ['name', 'biometric', 'date-of-birth'] }))).toEqual([]);
    expect(obligationsOf('us-pa', pennsylvanian({ dataCategories: ['credentials'] }))).toHaveLength(3);
    expect(obligationsOf('us-pa', pennsylvanian({ dataCategories: ['name', 'health-insurance'] }))).toHaveLength(3);
  });

  it('GLBA financial institutions are deemed compliant; HIPAA entities are not exempt', () => {
    expect(obligationsOf('us-pa', pennsylvanian({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-pa', pennsylvanian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(3);
  });
});
