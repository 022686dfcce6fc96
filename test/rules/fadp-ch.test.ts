import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/** A Swiss controller, 300 people in Switzerland, health data, rated high risk. */
const base: IncidentFactsInput = {
  awareAt: '2026-03-29T00:30:00+01:00',
  entity: { name: 'Beispiel AG', country: 'CH', sectors: [] },
  affected: [{ country: 'CH', count: 300 }],
  dataCategories: ['name', 'health'],
  encrypted: false,
  risk: 'high',
};
const run = (over: Partial<IncidentFactsInput> = {}) => obligationsOf('fadp-ch', { ...base, ...over });

describe('Swiss FADP Art. 24', () => {
  it('a breach likely to lead to a high risk: the FDPIC as quickly as possible, with no number of hours', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['fadp-ch:authority:CH', 'fadp-ch:individuals:CH']);
    expect(all['fadp-ch:authority:CH']).toMatchObject({
      recipient: 'authority', jurisdiction: 'CH', dueAt: null, deadline: 'as quickly as possible',
      // Aware Sun 2026-03-29 00:30 CET (+01:00), 30 minutes after local midnight and before the
      // 02:00 CET switch to summer time: the clock starts at 2026-03-28 23:30Z.
      clockStart: '2026-03-28T23:30:00.000Z',
    });
    expect(all['fadp-ch:authority:CH'].citation).toMatch(/FADP Art\. 24\(1\)/);
    expect(all['fadp-ch:authority:CH'].unverified).toBeUndefined();
    expect(all['fadp-ch:authority:CH'].requiredContent).toEqual([
      'nature', 'date-and-duration', 'record-categories-and-count', 'subject-categories-and-count', 'likely-consequences', 'measures', 'contact-point',
    ]);
  });

  it('"risk" but not "high risk": no FDPIC notice; the data-subject notice stays (Art. 24(4) is not tied to the high-risk test)', () => {
    const obligations = run({ risk: 'risk' });
    expect(obligations.map((o) => o.id)).toEqual(['fadp-ch:individuals:CH']);
    expect(obligations[0]).toMatchObject({ recipient: 'individuals', dueAt: null });
    expect(obligations[0].unverified).toBeUndefined();
    expect(obligations[0].citation).toMatch(/Art\. 24\(4\)/);
  });

  it('no notice when the breach is unlikely to result in a risk', () => {
    expect(run({ risk: 'unlikely' })).toEqual([]);
  });

  it('rated unlikely: informing the data subjects is conditional on an FDPIC request (Art. 24(4)), then owed', () => {
    const a = assessmentOf(['fadp-ch'], { ...base, risk: 'unlikely' });
    expect(a.obligations).toEqual([]);
    expect(a.conditional).toEqual([
      expect.objectContaining({
        id: 'fadp-ch:individuals:CH', recipient: 'individuals', fact: 'authorityRequiredNoticeAt',
        trigger: expect.stringMatching(/FDPIC requests/),
      }),
    ]);
    // The FDPIC asks on Wed 1 Apr 2026 09:00 CEST (+02:00, after the switch to summer time) = 07:00Z.
    const asked = assessmentOf(['fadp-ch'], { ...base, risk: 'unlikely', authorityRequiredNoticeAt: '2026-04-01T09:00:00+02:00' });
    expect(asked.conditional).toEqual([]);
    expect(asked.obligations).toEqual([
      expect.objectContaining({ id: 'fadp-ch:individuals:CH', clockStart: '2026-04-01T07:00:00.000Z', dueAt: null }),
    ]);
    // Rated 'risk' or above the first limb applies from awareness: nothing conditional.
    expect(assessmentOf(['fadp-ch'], { ...base, risk: 'risk' }).conditional).toEqual([]);
    expect(byId(run())['fadp-ch:authority:CH'].recipientName).toMatch(/FDPIC/);
  });

  it('encryption is no exemption as such: it belongs in the risk rating', () => {
    expect(run({ encrypted: true }).map((o) => o.id)).toEqual(['fadp-ch:authority:CH', 'fadp-ch:individuals:CH']);
  });

  it('a controller abroad answers to the FDPIC for people in Switzerland, and not otherwise', () => {
    const abroad = { name: 'Beispiel GmbH', country: 'DE', sectors: [] };
    expect(run({ entity: abroad, affected: [{ country: 'DE', count: 900 }, { country: 'CH', count: 1 }] }).map((o) => o.id))
      .toEqual(['fadp-ch:authority:CH', 'fadp-ch:individuals:CH']);
    expect(run({ entity: abroad, affected: [{ country: 'DE', count: 900 }] })).toEqual([]);
  });
});
