import type { IncidentFactsInput } from '../../domain/facts';
import { obligationsOf } from './helpers';

/**
 * Idaho, Idaho Code § 28-51-105: affected Idaho residents in the most expedient time possible (no number
 * of days, dueAt null) where misuse has occurred or is reasonably likely; no regulator or agency notice for
 * private entities. Boise time: MDT = UTC-6 from Sun 8 Mar to Sun 1 Nov 2026.
 */
const idahoan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Wed 1 Apr 2026 20:00 MDT = 02:00Z on Thu 2 Apr.
  awareAt: '2026-04-01T20:00:00-06:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-ID', count: 50000 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Idaho Code § 28-51-105', () => {
  it('residents only, however many, with no number of days', () => {
    const obligations = obligationsOf('us-id', idahoan());
    expect(obligations.map((o) => o.id)).toEqual(['us-id:residents:US-ID']);
    expect(obligations[0]).toMatchObject({
      recipient: 'individuals', jurisdiction: 'US-ID', clockStart: '2026-04-02T02:00:00.000Z', dueAt: null, requiredContent: ['nature'],
    });
    expect(obligations[0].citation).toMatch(/28-51-105/);
  });

  it('a discovery on Friday 22 May 2026, before Memorial Day: no number of days', () => {
    const [o] = obligationsOf('us-id', idahoan({ awareAt: '2026-05-22T10:00:00-06:00' }));
    expect(o).toMatchObject({ clockStart: '2026-05-22T16:00:00.000Z', dueAt: null });
  });

  it('misuse neither occurred nor reasonably likely: no notice', () => {
    expect(obligationsOf('us-id', idahoan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('HIPAA and GLBA entities notifying under their regulators\' procedures are deemed compliant', () => {
    for (const sector of ['hipaa-covered-entity', 'hipaa-business-associate', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-id', idahoan({ entity: { name: 'X', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
  });

  it('encryption (key safe), data outside the narrow definition, and no Idahoan affected: nothing', () => {
    expect(obligationsOf('us-id', idahoan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-id', idahoan({ dataCategories: ['name', 'health', 'credentials', 'biometric', 'passport'] }))).toEqual([]);
    expect(obligationsOf('us-id', idahoan({ affected: [{ country: 'US', region: 'US-WA', count: 10 }] }))).toEqual([]);
  });

  it('card numbers with their codes are covered', () => {
    expect(obligationsOf('us-id', idahoan({ dataCategories: ['payment-card'] }))).toHaveLength(1);
  });
});
