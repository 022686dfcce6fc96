import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Virginia, Va. Code § 18.2-186.6: residents and the Attorney General without unreasonable delay for
 * every breach likely to cause identity theft or fraud (no number of days); credit reporting agencies
 * above 1,000; employers' taxpayer-ID breaches to the Attorney General. America/New_York.
 */
const virginian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 (before Labor Day) 12:00 EDT = 16:00Z.
  awareAt: '2026-09-04T12:00:00-04:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-VA', count: 1001 }],
  dataCategories: ['name', 'passport'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-VA', count: n }] });

describe('Virginia § 18.2-186.6', () => {
  it('1,001 residents: residents and the AG without a number of days, and the credit agencies', () => {
    const obligations = obligationsOf('us-va', virginian());
    expect(obligations.map((o) => o.id)).toEqual(['us-va:attorney-general:US-VA', 'us-va:credit-agencies:US-VA', 'us-va:individuals:US-VA']);
    const o = byId(obligations);
    // "Without unreasonable delay": no due date, so the Labor Day weekend changes nothing.
    expect(o['us-va:individuals:US-VA']).toMatchObject({
      clockStart: '2026-09-04T16:00:00.000Z', dueAt: null,
      requiredContent: ['nature', 'data-categories', 'measures', 'contact-point', 'recommended-steps'],
    });
    expect(o['us-va:attorney-general:US-VA']).toMatchObject({ recipient: 'authority', dueAt: null });
    expect(o['us-va:attorney-general:US-VA'].citation).toMatch(/18\.2-186\.6\(B\)/);
    expect(o['us-va:credit-agencies:US-VA']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
  });

  it('1,000 residents: no credit agencies ("more than 1,000"); the AG even for one resident', () => {
    expect(obligationsOf('us-va', virginian(count(1000))).map((o) => o.id)).toEqual(['us-va:attorney-general:US-VA', 'us-va:individuals:US-VA']);
    expect(obligationsOf('us-va', virginian(count(1))).map((o) => o.id)).toEqual(['us-va:attorney-general:US-VA', 'us-va:individuals:US-VA']);
  });

  it('no identity theft or fraud reasonably believed: nothing', () => {
    expect(obligationsOf('us-va', virginian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encrypted data and data outside the definition (health, credentials, biometrics) trigger nothing', () => {
    expect(obligationsOf('us-va', virginian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-va', virginian({ dataCategories: ['name', 'health', 'credentials', 'biometric'] }))).toEqual([]);
  });

  it('taxpayer IDs (payroll data): the AG notice, even where identity theft is unlikely', () => {
    const obligations = obligationsOf('us-va', virginian({ dataCategories: ['name', 'tax-id'], risk: 'unlikely', ...count(40) }));
    expect(obligations.map((o) => o.id)).toEqual(['us-va:attorney-general-payroll:US-VA']);
    expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null });
    expect(obligations[0].citation).toMatch(/18\.2-186\.6\(M\)/);
  });

  it('GLBA financial institutions are deemed compliant; HIPAA entities are not exempt', () => {
    expect(obligationsOf('us-va', virginian({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-va', virginian({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(3);
  });
});
