import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Kansas, K.S.A. 50-7a02: residents "as soon as possible ... without unreasonable delay" where misuse
 * has occurred or is reasonably likely (dueAt null); nationwide consumer reporting agencies where
 * more than 1,000 consumers are notified at one time. No attorney-general notice.
 */
const kansan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Fri 4 Sep 2026 09:00 CDT = 14:00Z, the Friday before Labor Day.
  awareAt: '2026-09-04T09:00:00-05:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-KS', count: 1001 }],
  dataCategories: ['name', 'financial'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Kansas K.S.A. 50-7a02', () => {
  it('1,001 Kansans: residents and CRAs, neither with a number of days (a holiday changes nothing)', () => {
    const obligations = obligationsOf('us-ks', kansan());
    expect(obligations.map((o) => o.id)).toEqual(['us-ks:credit-agencies:US-KS', 'us-ks:individuals:US-KS']);
    const o = byId(obligations);
    expect(o['us-ks:individuals:US-KS']).toMatchObject({ recipient: 'individuals', clockStart: '2026-09-04T14:00:00.000Z', dueAt: null, requiredContent: ['nature'] });
    expect(o['us-ks:individuals:US-KS'].citation).toMatch(/50-7a02\(a\)/);
    expect(o['us-ks:credit-agencies:US-KS']).toMatchObject({ recipient: 'credit-agencies', dueAt: null, requiredContent: ['notice-timing-and-distribution'] });
  });

  it('1,000 Kansans is not "more than 1,000": no CRA notice', () => {
    const ids = obligationsOf('us-ks', kansan({ affected: [{ country: 'US', region: 'US-KS', count: 1000 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-ks:individuals:US-KS']);
  });

  it('investigation finds misuse neither occurred nor reasonably likely: nothing', () => {
    expect(obligationsOf('us-ks', kansan({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption (key safe) and data outside the definition: nothing', () => {
    expect(obligationsOf('us-ks', kansan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ks', kansan({ dataCategories: ['name', 'health', 'biometric', 'credentials'] }))).toEqual([]);
  });

  it('entities following their federal regulator\'s breach procedures (HIPAA, GLBA): deemed compliant', () => {
    for (const s of ['hipaa-covered-entity', 'glba-financial-institution'] as const) {
      expect(obligationsOf('us-ks', kansan({ entity: { name: 'X', country: 'US', sectors: [s] } }))).toEqual([]);
    }
  });
});
