import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Georgia, O.C.G.A. § 10-1-912: residents in the most expedient time possible (no number of days, dueAt
 * null), with no risk-of-harm exception; consumer reporting agencies where more than 10,000 Georgians are
 * notified at one time. The statute reaches information brokers and public agencies only; the engine
 * cannot tell, so the file applies to everyone (see the note). Eastern time (EST = UTC-5 in winter 2026).
 */
const ga = (count: number) => [{ country: 'US', region: 'US-GA', count }];
const georgian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Tue 10 Feb 2026 08:00 EST = 13:00Z.
  awareAt: '2026-02-10T08:00:00-05:00',
  entity: { name: 'Example Data Broker', country: 'US', sectors: [] },
  affected: ga(10001),
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Georgia O.C.G.A. § 10-1-912', () => {
  it('10,001 Georgians: residents and consumer reporting agencies, both without a number of days', () => {
    const obligations = obligationsOf('us-ga', georgian());
    expect(obligations.map((o) => o.id)).toEqual(['us-ga:credit-agencies:US-GA', 'us-ga:residents:US-GA']);
    const o = byId(obligations);
    expect(o['us-ga:residents:US-GA']).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US-GA', clockStart: '2026-02-10T13:00:00.000Z', dueAt: null, requiredContent: ['nature'],
    });
    expect(o['us-ga:residents:US-GA'].citation).toMatch(/10-1-912\(a\)/);
    expect(o['us-ga:credit-agencies:US-GA']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
    expect(o['us-ga:credit-agencies:US-GA'].citation).toMatch(/10-1-912\(d\)/);
  });

  it('exactly 10,000 Georgians is not "more than 10,000"; other states\' residents do not count', () => {
    expect(obligationsOf('us-ga', georgian({ affected: ga(10000) })).map((o) => o.id)).toEqual(['us-ga:residents:US-GA']);
    expect(obligationsOf('us-ga', georgian({ affected: [...ga(5000), { country: 'US', region: 'US-FL', count: 9000 }] })).map((o) => o.id))
      .toEqual(['us-ga:residents:US-GA']);
  });

  it('a discovery on Friday 22 May 2026, before Memorial Day: no number of days either', () => {
    const [o] = obligationsOf('us-ga', georgian({ awareAt: '2026-05-22T18:00:00-04:00', affected: ga(3) }));
    expect(o).toMatchObject({ id: 'us-ga:residents:US-GA', clockStart: '2026-05-22T22:00:00.000Z', dueAt: null });
  });

  it('no risk-of-harm exception, and no HIPAA or GLBA exemption', () => {
    expect(obligationsOf('us-ga', georgian({ risk: 'unlikely' }))).toHaveLength(2);
    expect(obligationsOf('us-ga', georgian({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toHaveLength(2);
  });

  it('encryption (key safe) and data outside the definition (health, biometrics) trigger nothing', () => {
    expect(obligationsOf('us-ga', georgian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ga', georgian({ dataCategories: ['name', 'health', 'biometric', 'contact'] }))).toEqual([]);
  });

  it('account passwords and PINs are covered', () => {
    expect(obligationsOf('us-ga', georgian({ dataCategories: ['credentials'] }))).toHaveLength(2);
  });
});
