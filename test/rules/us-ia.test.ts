import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Iowa, Iowa Code § 715C.2: consumers "in the most expeditious manner possible and without
 * unreasonable delay" (dueAt null) unless no reasonable likelihood of financial harm; the Attorney
 * General's consumer protection division within 5 business days after the consumers are notified,
 * where more than 500 Iowans are. Days end at 23:59:59.999 America/Chicago (CDT = UTC-5).
 */
const iowan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-09-03T10:00:00-05:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-IA', count: 501 }],
  dataCategories: ['name', 'biometric'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Iowa Code ch. 715C', () => {
  it('501 Iowans: consumers (no number of days) and the AG chained to them', () => {
    const obligations = obligationsOf('us-ia', iowan());
    expect(obligations.map((o) => o.id)).toEqual(['us-ia:attorney-general:US-IA', 'us-ia:individuals:US-IA']);
    const o = byId(obligations);
    // Thu 3 Sep 10:00 CDT = 15:00Z.
    expect(o['us-ia:individuals:US-IA']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-09-03T15:00:00.000Z', dueAt: null,
      requiredContent: ['nature', 'date-of-breach', 'data-categories', 'credit-agency-contacts', 'identity-theft-reporting-advice'],
    });
    expect(o['us-ia:individuals:US-IA'].citation).toMatch(/715C\.2\(1\)/);
    // Until the consumers are notified the AG notice has no due time either.
    expect(o['us-ia:attorney-general:US-IA']).toMatchObject({ recipient: 'authority', after: 'us-ia:individuals:US-IA', dueAt: null });
    expect(o['us-ia:attorney-general:US-IA'].citation).toMatch(/715C\.2\(8\)/);
  });

  it('consumers notified on the Friday before Labor Day: 5 business days skip the weekend and the holiday', () => {
    const o = byId(obligationsOf('us-ia', iowan(), { 'us-ia:individuals:US-IA': '2026-09-04T15:00:00-05:00' }));
    // Fri 4 Sep 15:00 CDT = 20:00Z. Sat, Sun, Mon 7 Sep (Labor Day) skipped; Tue 8 (1), Wed 9 (2), Thu 10 (3),
    // Fri 11 (4), Mon 14 (5): 23:59:59.999 CDT = 04:59:59.999Z on 15 Sep.
    expect(o['us-ia:attorney-general:US-IA']).toMatchObject({ clockStart: '2026-09-04T20:00:00.000Z', dueAt: '2026-09-15T04:59:59.999Z' });
  });

  it('500 Iowans is not "more than 500": no AG notice', () => {
    const ids = obligationsOf('us-ia', iowan({ affected: [{ country: 'US', region: 'US-IA', count: 500 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-ia:individuals:US-IA']);
  });

  it('no reasonable likelihood of financial harm (documented): nothing is owed', () => {
    expect(obligationsOf('us-ia', iowan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption (key safe) and data outside the definition (health, credentials): nothing', () => {
    expect(obligationsOf('us-ia', iowan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ia', iowan({ dataCategories: ['name', 'health', 'credentials'] }))).toEqual([]);
  });

  it('GLBA and HIPAA entities under their federal breach procedures: outside the section, AG notice included', () => {
    for (const s of ['glba-financial-institution', 'hipaa-covered-entity'] as const) {
      expect(obligationsOf('us-ia', iowan({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
