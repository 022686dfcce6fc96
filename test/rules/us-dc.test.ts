import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * District of Columbia, D.C. Code §§ 28-3851 to 28-3853 (D.C. Law 23-98): residents in the most expedient
 * time possible (no number of days, dueAt null); the Office of the Attorney General no later than the
 * residents where 50 or more are notified; the consumer reporting agencies above 1,000; a consultation with
 * the Attorney General before relying on a no-harm determination. Eastern time (EDT = UTC-4 in summer 2026).
 */
const dc = (count: number) => [{ country: 'US', region: 'US-DC', count }];
const washingtonian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Mon 20 Jul 2026 09:30 EDT = 13:30Z.
  awareAt: '2026-07-20T09:30:00-04:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: dc(1001),
  dataCategories: ['name', 'health-insurance'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('District of Columbia Code § 28-3852', () => {
  it('1,001 residents: residents, the Attorney General and the agencies, none with a number of days', () => {
    const obligations = obligationsOf('us-dc', washingtonian());
    expect(obligations.map((o) => o.id)).toEqual(['us-dc:attorney-general:US-DC', 'us-dc:credit-agencies:US-DC', 'us-dc:residents:US-DC']);
    const o = byId(obligations);
    expect(o['us-dc:residents:US-DC']).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US-DC', clockStart: '2026-07-20T13:30:00.000Z', dueAt: null,
      requiredContent: ['data-categories', 'contact-point', 'credit-agency-contacts', 'security-freeze-info', 'ftc-contacts',
        'attorney-general-contacts', 'identity-theft-prevention-info', 'remediation-offered'],
    });
    expect(o['us-dc:residents:US-DC'].citation).toMatch(/28-3852\(a\)/);
    // Chained to the residents' notice, which has no number: no due time until residents are notified.
    expect(o['us-dc:attorney-general:US-DC']).toMatchObject({ recipient: 'authority', after: 'us-dc:residents:US-DC', dueAt: null });
    expect(o['us-dc:attorney-general:US-DC'].citation).toMatch(/28-3852\(b-1\)/);
    expect(o['us-dc:credit-agencies:US-DC']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
  });

  it('the Attorney General is due when residents are actually notified', () => {
    const o = byId(obligationsOf('us-dc', washingtonian(), { 'us-dc:residents:US-DC': '2026-08-03T12:00:00-04:00' }));
    // Residents notified Mon 3 Aug 12:00 EDT = 16:00Z.
    expect(o['us-dc:attorney-general:US-DC']).toMatchObject({ clockStart: '2026-08-03T16:00:00.000Z', dueAt: '2026-08-03T16:00:00.000Z' });
  });

  it('thresholds: 50 residents bring in the Attorney General (49 do not); 1,000 do not bring in the agencies', () => {
    expect(obligationsOf('us-dc', washingtonian({ affected: dc(49) })).map((o) => o.id)).toEqual(['us-dc:residents:US-DC']);
    expect(obligationsOf('us-dc', washingtonian({ affected: dc(50) })).map((o) => o.id)).toEqual(['us-dc:attorney-general:US-DC', 'us-dc:residents:US-DC']);
    expect(obligationsOf('us-dc', washingtonian({ affected: dc(1000) })).map((o) => o.id)).toEqual(['us-dc:attorney-general:US-DC', 'us-dc:residents:US-DC']);
  });

  it('a discovery on Friday 4 Sep 2026, before Labor Day: still no number of days', () => {
    const o = byId(obligationsOf('us-dc', washingtonian({ awareAt: '2026-09-04T17:00:00-04:00' })));
    expect(o['us-dc:residents:US-DC']).toMatchObject({ clockStart: '2026-09-04T21:00:00.000Z', dueAt: null });
  });

  it('harm not likely: no resident notice, but the Attorney General must have been consulted', () => {
    const obligations = obligationsOf('us-dc', washingtonian({ risk: 'unlikely' }));
    expect(obligations.map((o) => o.id)).toEqual(['us-dc:no-harm-determination:US-DC']);
    expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null });
    expect(obligations[0].citation).toMatch(/28-3851\(1\)/);
  });

  it('HIPAA and GLBA entities: residents under federal rules; the Attorney General still (unverified); agencies for HIPAA only', () => {
    const ids = (sector: 'hipaa-covered-entity' | 'glba-financial-institution') =>
      obligationsOf('us-dc', washingtonian({ entity: { name: 'X', country: 'US', sectors: [sector] } })).map((o) => o.id);
    expect(ids('hipaa-covered-entity')).toEqual(['us-dc:attorney-general-deemed-compliant:US-DC', 'us-dc:credit-agencies:US-DC']);
    expect(ids('glba-financial-institution')).toEqual(['us-dc:attorney-general-deemed-compliant:US-DC']);
    const [o] = obligationsOf('us-dc', washingtonian({ affected: dc(50), entity: { name: 'X', country: 'US', sectors: ['glba-financial-institution'] } }));
    expect(o).toMatchObject({ unverified: true, dueAt: null });
  });

  it('encryption (key safe) and data outside the definition trigger nothing', () => {
    expect(obligationsOf('us-dc', washingtonian({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-dc', washingtonian({ encrypted: true, risk: 'unlikely' }))).toEqual([]);
    expect(obligationsOf('us-dc', washingtonian({ dataCategories: ['name', 'contact', 'date-of-birth'] }))).toEqual([]);
  });

  it('genetic information and online credentials are covered', () => {
    for (const c of ['genetic', 'credentials'] as const) {
      expect(obligationsOf('us-dc', washingtonian({ dataCategories: [c] }))).toHaveLength(3);
    }
  });
});
