import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf, regime } from './helpers';

/**
 * Puerto Rico, Ley 111-2005 (10 L.P.R.A. §§ 4051-4055): residents as expeditiously as possible (no number of
 * days) and the Department of Consumer Affairs (DACO) within a non-extendable ten days of detection.
 * No risk-of-harm exception, no threshold. Days end at 23:59:59.999 America/Puerto_Rico (AST = UTC-4, no DST).
 * Residents are matched as country "US", region "US-PR".
 */
const boricua = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 22 May 2026 21:00 AST, the Friday before Memorial Day (Mon 25 May, a public holiday in PR too):
  // already Sat 23 May in UTC.
  awareAt: '2026-05-22T21:00:00-04:00',
  entity: { name: 'Ejemplo, Inc.', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-PR', count: 1 }],
  dataCategories: ['name', 'credentials'],
  encrypted: false,
  risk: 'unlikely',
  ...over,
});

describe('Puerto Rico, 10 L.P.R.A. §§ 4052-4053', () => {
  it('notices are served in English and Spanish', () => {
    expect(regime('us-pr').locales).toEqual(['en', 'es']);
  });

  it('one resident, even with no risk found: residents without a fixed time and DACO in 10 calendar days, across the holiday', () => {
    const obligations = obligationsOf('us-pr', boricua());
    expect(obligations.map((o) => o.id)).toEqual(['us-pr:department-of-consumer-affairs:US-PR', 'us-pr:individuals:US-PR']);
    const o = byId(obligations);
    expect(o['us-pr:individuals:US-PR']).toMatchObject({
      recipient: 'individuals',
      clockStart: '2026-05-23T01:00:00.000Z',
      dueAt: null,
      requiredContent: ['nature', 'data-categories', 'toll-free-contact'],
    });
    expect(o['us-pr:department-of-consumer-affairs:US-PR']).toMatchObject({
      recipient: 'authority',
      clockStart: '2026-05-23T01:00:00.000Z',
      // Local day Fri 22 May + 10 calendar days (Memorial Day counts like any day) = Mon 1 Jun;
      // 23:59:59.999 AST = 03:59:59.999Z on 2 Jun.
      dueAt: '2026-06-02T03:59:59.999Z',
      requiredContent: ['nature', 'data-categories', 'number-affected', 'measures', 'contact-point'],
    });
    expect(o['us-pr:department-of-consumer-affairs:US-PR'].citation).toMatch(/4052/);
  });

  it('files protected by encryption (not only a password): nothing', () => {
    expect(obligationsOf('us-pr', boricua({ encrypted: true }))).toEqual([]);
  });

  it('tax information and HIPAA-protected medical information are covered; contact details and location are not', () => {
    expect(obligationsOf('us-pr', boricua({ dataCategories: ['name', 'tax-id'] }))).toHaveLength(2);
    expect(obligationsOf('us-pr', boricua({ dataCategories: ['name', 'health'] }))).toHaveLength(2);
    expect(obligationsOf('us-pr', boricua({ dataCategories: ['name', 'contact', 'location'] }))).toEqual([]);
  });

  it('no HIPAA or GLBA exemption', () => {
    const sectors = ['hipaa-covered-entity', 'glba-financial-institution'] as const;
    expect(obligationsOf('us-pr', boricua({ entity: { name: 'Banco', country: 'US', sectors: [...sectors] } }))).toHaveLength(2);
  });

  it('only people coded as region US-PR count (a group coded as country PR without a region is not matched)', () => {
    expect(obligationsOf('us-pr', boricua({ affected: [{ country: 'US', region: 'US-FL', count: 50 }] }))).toEqual([]);
    expect(obligationsOf('us-pr', boricua({ affected: [{ country: 'PR', count: 50 }] }))).toEqual([]);
  });
});
