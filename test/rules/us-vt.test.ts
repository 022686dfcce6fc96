import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Vermont, 9 V.S.A. § 2435: a preliminary notice to the Attorney General within 14 business days of
 * discovery (Vermont holidays skipped); consumers within 45 days; a copy of the consumers' notice to
 * the Attorney General when they are notified; credit reporting agencies above 1,000. Days end at
 * 23:59:59.999 America/New_York (EDT = UTC-4 until Sun 1 Nov 2026).
 */
const vermonter = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 10:00 EDT = 14:00Z; Mon 7 Sep is Labor Day.
  awareAt: '2026-09-04T10:00:00-04:00',
  entity: { name: 'Example Co', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-VT', count: 1001 }],
  dataCategories: ['name', 'tax-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});
const count = (n: number) => ({ affected: [{ country: 'US', region: 'US-VT', count: n }] });

describe('Vermont 9 V.S.A. § 2435', () => {
  it('discovery on the Friday before Labor Day: AG in 14 business days (holiday skipped), consumers in 45 calendar days', () => {
    const obligations = obligationsOf('us-vt', vermonter());
    expect(obligations.map((o) => o.id)).toEqual([
      'us-vt:attorney-general-notice-copy:US-VT', 'us-vt:attorney-general:US-VT', 'us-vt:credit-agencies:US-VT', 'us-vt:individuals:US-VT',
    ]);
    const o = byId(obligations);
    // Business days after Fri 4 Sep, skipping Mon 7 Sep: Tue 8 (1) ... Fri 11 (4), Mon 14 (5) ... Fri 18 (9),
    // Mon 21 (10) ... Fri 25 Sep (14); 23:59:59.999 EDT = 03:59:59.999Z on 26 Sep.
    expect(o['us-vt:attorney-general:US-VT']).toMatchObject({
      recipient: 'authority', stage: 'initial', clockStart: '2026-09-04T14:00:00.000Z', dueAt: '2026-09-26T03:59:59.999Z',
      requiredContent: ['date-of-breach', 'date-of-discovery', 'nature'],
    });
    expect(o['us-vt:attorney-general:US-VT'].citation).toMatch(/2435\(b\)\(3\)/);
    // Fri 4 Sep + 45 calendar days = Mon 19 Oct (Sep 30 = day 26); 03:59:59.999Z on 20 Oct.
    expect(o['us-vt:individuals:US-VT']).toMatchObject({ dueAt: '2026-10-20T03:59:59.999Z' });
    // The copy of the consumers' notice goes with it: until delivered, by the consumers' own limit.
    expect(o['us-vt:attorney-general-notice-copy:US-VT']).toMatchObject({
      after: 'us-vt:individuals:US-VT', dueAt: '2026-10-20T03:59:59.999Z', requiredContent: ['number-affected', 'sample-notice'],
    });
    expect(o['us-vt:credit-agencies:US-VT']).toMatchObject({ dueAt: null });
  });

  it('Vermont-only holidays stop the business-day clock too (Bennington Battle Day, Mon 17 Aug)', () => {
    const o = byId(obligationsOf('us-vt', vermonter({ awareAt: '2026-08-14T10:00:00-04:00' })));
    // Fri 14 Aug; Mon 17 Aug skipped: Tue 18 (1) ... Fri 21 (4), Mon 24 (5) ... Fri 28 (9), Mon 31 (10),
    // Tue 1 (11), Wed 2 (12), Thu 3 (13), Fri 4 Sep (14); 03:59:59.999Z on 5 Sep.
    expect(o['us-vt:attorney-general:US-VT'].dueAt).toBe('2026-09-05T03:59:59.999Z');
  });

  it('the copy is due the day the consumers are actually notified', () => {
    const o = byId(obligationsOf('us-vt', vermonter(), { 'us-vt:individuals:US-VT': '2026-09-25T14:00:00-04:00' }));
    expect(o['us-vt:attorney-general-notice-copy:US-VT']).toMatchObject({ clockStart: '2026-09-25T18:00:00.000Z', dueAt: '2026-09-26T03:59:59.999Z' });
  });

  it('1,000 consumers: no credit agencies ("more than 1,000"); the AG notices have no threshold', () => {
    expect(obligationsOf('us-vt', vermonter(count(1000))).map((o) => o.id)).toEqual([
      'us-vt:attorney-general-notice-copy:US-VT', 'us-vt:attorney-general:US-VT', 'us-vt:individuals:US-VT',
    ]);
  });

  it('misuse not reasonably possible: only the determination, to the AG', () => {
    const obligations = obligationsOf('us-vt', vermonter({ risk: 'unlikely' }));
    expect(obligations.map((o) => o.id)).toEqual(['us-vt:no-harm-determination:US-VT']);
    expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null, requiredContent: ['nature', 'no-harm-determination'] });
  });

  it('encrypted data and data outside the definition (contact, date of birth) trigger nothing; genetic data does', () => {
    expect(obligationsOf('us-vt', vermonter({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-vt', vermonter({ dataCategories: ['name', 'contact', 'date-of-birth'] }))).toEqual([]);
    expect(obligationsOf('us-vt', vermonter({ dataCategories: ['name', 'genetic'] }))).toHaveLength(4);
  });

  it('financial institutions under the federal interagency guidance are exempt; HIPAA entities are not excluded', () => {
    expect(obligationsOf('us-vt', vermonter({ entity: { name: 'Bank', country: 'US', sectors: ['glba-financial-institution'] } }))).toEqual([]);
    expect(obligationsOf('us-vt', vermonter({ entity: { name: 'Clinic', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toHaveLength(4);
  });
});
