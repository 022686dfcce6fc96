import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Maryland, Com. Law §§ 14-3504, 14-3506: residents within 45 days of discovery (H.B. 962, 2022)
 * unless misuse is not likely; the Attorney General before the residents; consumer reporting agencies
 * for 1,000 or more. Days end at 23:59:59.999 America/New_York (EDT = UTC-4).
 */
const marylander = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 11:00 EDT = 15:00Z, the Friday before Labor Day.
  awareAt: '2026-09-04T11:00:00-04:00',
  entity: { name: 'Example Corp', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-MD', count: 1000 }],
  dataCategories: ['name', 'genetic'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Maryland Com. Law § 14-3504', () => {
  it('1,000 residents: AG, CRAs and residents; residents and AG within 45 calendar days of discovery', () => {
    const obligations = obligationsOf('us-md', marylander());
    expect(obligations.map((o) => o.id)).toEqual(['us-md:attorney-general:US-MD', 'us-md:credit-agencies:US-MD', 'us-md:individuals:US-MD']);
    const o = byId(obligations);
    // Fri 4 Sep + 45 days = Mon 19 Oct (Sep 30 = day 26, Oct 19 = day 45), Labor Day counted: 03:59:59.999Z on 20 Oct.
    expect(o['us-md:individuals:US-MD']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-09-04T15:00:00.000Z', dueAt: '2026-10-20T03:59:59.999Z',
      requiredContent: ['data-categories', 'contact-point', 'credit-agency-contacts', 'ftc-contacts', 'attorney-general-contacts', 'identity-theft-prevention-info'],
    });
    expect(o['us-md:individuals:US-MD'].citation).toMatch(/14-3504\(b\)/);
    expect(o['us-md:attorney-general:US-MD']).toMatchObject({
      recipient: 'authority', dueAt: '2026-10-20T03:59:59.999Z',
      requiredContent: ['number-affected', 'nature', 'date-of-breach', 'measures', 'measures-planned', 'sample-notice'],
    });
    expect(o['us-md:attorney-general:US-MD'].citation).toMatch(/14-3504\(h\)/);
    expect(o['us-md:credit-agencies:US-MD']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
    expect(o['us-md:credit-agencies:US-MD'].citation).toMatch(/14-3506/);
  });

  it('999 residents: no CRA notice ("1,000 or more")', () => {
    const ids = obligationsOf('us-md', marylander({ affected: [{ country: 'US', region: 'US-MD', count: 999 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-md:attorney-general:US-MD', 'us-md:individuals:US-MD']);
  });

  it('taxpayer IDs, health insurance numbers and online credentials are personal information; location is not', () => {
    for (const c of ['tax-id', 'health-insurance', 'credentials', 'passport', 'health'] as const) {
      expect(obligationsOf('us-md', marylander({ dataCategories: ['name', c] }))).toHaveLength(3);
    }
    expect(obligationsOf('us-md', marylander({ dataCategories: ['name', 'location', 'contact'] }))).toEqual([]);
  });

  it('no likelihood of misuse (record kept 3 years) and encryption: nothing', () => {
    expect(obligationsOf('us-md', marylander({ risk: 'unlikely' }))).toEqual([]);
    expect(obligationsOf('us-md', marylander({ encrypted: true }))).toEqual([]);
  });

  it('HIPAA and GLBA entities deemed compliant: nothing under this subtitle', () => {
    for (const s of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-md', marylander({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
