import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Canada: PIPEDA ss 10.1-10.2 and SOR/2018-64. Where a breach of security safeguards creates a real
 * risk of significant harm (read conservatively as risk >= 'risk'): report to the OPC, notify the
 * individuals and any organization that may reduce the harm, all "as soon as feasible after the
 * organization determines that the breach has occurred": no number, so dueAt is null.
 */
const canadian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-11-06T17:30:00-05:00',
  entity: { name: 'Example Corp', country: 'CA', sectors: [] },
  affected: [{ country: 'CA', count: 800 }],
  dataCategories: ['name', 'payment-card'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('PIPEDA breach of security safeguards', () => {
  it('a real risk of significant harm: OPC report, individuals and mitigating organizations, from the determination', () => {
    const obligations = obligationsOf('pipeda', canadian({ determinedAt: '2026-11-09T10:00:00-05:00' }));
    expect(obligations.map((o) => o.id)).toEqual(['pipeda:authority:CA', 'pipeda:individuals:CA', 'pipeda:mitigating-organisations:CA']);
    // ss 10.1(1), 10.1(3), 10.2(1) checked: RROSH read as minRisk 'risk' is a reading, not doubt, so nothing is flagged.
    for (const ob of obligations) expect(ob.unverified).toBeUndefined();
    const o = byId(obligations);
    expect(o['pipeda:authority:CA']).toMatchObject({
      recipient: 'authority', jurisdiction: 'CA',
      // Determined Mon 9 Nov 10:00 EST = 15:00Z; the clock runs from the determination, not from awareness.
      clockStart: '2026-11-09T15:00:00.000Z',
      // "As soon as feasible": no number.
      dueAt: null,
    });
    expect(o['pipeda:authority:CA'].citation).toMatch(/10\.1/);
    expect(o['pipeda:authority:CA'].requiredContent).toEqual([
      'nature', 'cause', 'date-of-breach', 'data-categories', 'number-affected', 'measures', 'individuals-notification-steps', 'contact-point',
    ]);
    expect(o['pipeda:individuals:CA']).toMatchObject({ recipient: 'individuals', dueAt: null, clockStart: '2026-11-09T15:00:00.000Z' });
    expect(o['pipeda:individuals:CA'].requiredContent).toContain('complaint-process');
    expect(o['pipeda:mitigating-organisations:CA']).toMatchObject({ recipient: 'credit-agencies', dueAt: null });
    expect(o['pipeda:mitigating-organisations:CA'].citation).toMatch(/10\.2/);
  });

  it('without a recorded determination the clock falls back to awareness', () => {
    const o = byId(obligationsOf('pipeda', canadian()));
    // Fri 6 Nov 17:30 EST (UTC-5 since 1 Nov) = 22:30Z.
    expect(o['pipeda:authority:CA'].clockStart).toBe('2026-11-06T22:30:00.000Z');
  });

  it('no real risk of significant harm: nothing to report or notify (the breach record, s 10.3, is not a notice)', () => {
    expect(obligationsOf('pipeda', canadian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption is no safe harbour: it feeds the probability of misuse, i.e. the risk assessment', () => {
    expect(obligationsOf('pipeda', canadian({ encrypted: true }))).toHaveLength(3);
  });

  it('applies to a foreign organization affecting people in Canada, not where nobody in Canada is affected', () => {
    const foreign = { name: 'Example Inc', country: 'US', sectors: [] };
    expect(obligationsOf('pipeda', canadian({ entity: foreign })).map((o) => o.jurisdiction)).toEqual(['CA', 'CA', 'CA']);
    expect(obligationsOf('pipeda', canadian({ entity: foreign, affected: [{ country: 'US', region: 'US-NY', count: 5 }] }))).toEqual([]);
  });
});
