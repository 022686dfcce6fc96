import type { IncidentFactsInput } from '../../domain/facts';
import { obligationsOf } from './helpers';

/**
 * US Virgin Islands, 14 V.I.C. § 2209: residents in the most expedient time possible and without
 * unreasonable delay (no number of days) when unencrypted personal information was, or is reasonably
 * believed to have been, acquired. No risk-of-harm exception, no other recipient. Days would end at
 * 23:59:59.999 America/St_Thomas (AST = UTC-4, no DST); the only clock here is `none`.
 */
const virginIslander = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 22 May 2026 22:00 AST, the Friday before Memorial Day (Mon 25 May): already Sat 23 May in UTC.
  awareAt: '2026-05-22T22:00:00-04:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-VI', count: 1 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'unlikely',
  ...over,
});

describe('US Virgin Islands, 14 V.I.C. § 2209', () => {
  it('one resident, even with no risk found: notice without unreasonable delay, no due time', () => {
    const obligations = obligationsOf('us-vi', virginIslander());
    expect(obligations).toHaveLength(1);
    expect(obligations[0]).toMatchObject({
      id: 'us-vi:individuals:US-VI', recipient: 'individuals',
      // Fri 22 May 22:00 AST = 02:00Z on Sat 23 May; no number of days, so the holiday changes nothing.
      clockStart: '2026-05-23T02:00:00.000Z', dueAt: null, requiredContent: ['nature'],
    });
    expect(obligations[0].citation).toMatch(/2209/);
  });

  it('encrypted data (key safe) and data outside the definition (health, credentials, biometrics) trigger nothing', () => {
    expect(obligationsOf('us-vi', virginIslander({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-vi', virginIslander({ dataCategories: ['name', 'health', 'credentials', 'biometric'] }))).toEqual([]);
  });

  it('no HIPAA or GLBA exemption', () => {
    const entity = { name: 'Example', country: 'US', sectors: ['hipaa-covered-entity', 'glba-financial-institution'] as const };
    expect(obligationsOf('us-vi', virginIslander({ entity: { ...entity, sectors: [...entity.sectors] } }))).toHaveLength(1);
  });

  it('only people coded as region US-VI count', () => {
    expect(obligationsOf('us-vi', virginIslander({ affected: [{ country: 'US', region: 'US-PR', count: 10 }] }))).toEqual([]);
  });
});
