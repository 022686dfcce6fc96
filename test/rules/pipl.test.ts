import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/** A Shanghai processor; aware Thu 26 Nov 2026 11:00 CST (03:00Z); 5,000 people in China. */
const base: IncidentFactsInput = {
  awareAt: '2026-11-26T03:00:00Z',
  entity: { name: 'Shili Keji Youxian Gongsi', country: 'CN', sectors: [] },
  affected: [{ country: 'CN', count: 5000 }],
  dataCategories: ['name', 'contact'],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}) => obligationsOf('pipl', { ...base, ...over });
const ids = (over: Partial<IncidentFactsInput> = {}) => run(over).map((o) => o.id);

describe('PIPL Art. 57', () => {
  it('a leak: the PI-protection departments and the individuals, "immediately" (no number of hours)', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['pipl:authority:CN', 'pipl:individuals:CN']);
    expect(all['pipl:authority:CN']).toMatchObject({
      recipient: 'authority', jurisdiction: 'CN', clockStart: '2026-11-26T03:00:00.000Z', dueAt: null,
    });
    expect(all['pipl:authority:CN'].deadline).toMatch(/立即/);
    expect(all['pipl:authority:CN'].citation).toMatch(/Art\. 57/);
    expect(all['pipl:authority:CN'].unverified).toBeUndefined();
    expect(all['pipl:authority:CN'].requiredContent).toEqual([
      'data-categories', 'cause', 'likely-consequences', 'measures', 'steps-for-individuals', 'contact-point',
    ]);
    expect(all['pipl:individuals:CN']).toMatchObject({ recipient: 'individuals', dueAt: null });
    // Art. 57(1)-(2) checked against the NPC text: the encryption exemption is a reading of 57(2), not doubt.
    expect(all['pipl:individuals:CN'].unverified).toBeUndefined();
  });

  it('encryption (harm effectively avoided) spares the individuals but never the department notice', () => {
    expect(ids({ encrypted: true })).toEqual(['pipl:authority:CN']);
  });

  it('encrypted: the notice to individuals is conditional on the department requiring it (Art. 57(2)), then owed at once', () => {
    const a = assessmentOf(['pipl'], { ...base, encrypted: true });
    expect(a.obligations.map((o) => o.id)).toEqual(['pipl:authority:CN']);
    expect(a.conditional).toEqual([
      expect.objectContaining({
        id: 'pipl:individuals:CN', recipient: 'individuals', fact: 'authorityRequiredNoticeAt',
        trigger: expect.stringMatching(/requires notice to individuals.*57\(2\)/),
        recipientName: 'Affected individuals',
      }),
    ]);
    // The department requires notice on Mon 30 Nov 2026 10:00 CST: owed from then, 立即 (no number of hours).
    const required = assessmentOf(['pipl'], { ...base, encrypted: true, authorityRequiredNoticeAt: '2026-11-30T10:00:00+08:00' });
    expect(required.conditional).toEqual([]);
    expect(byId(required.obligations)['pipl:individuals:CN']).toMatchObject({
      clockStart: '2026-11-30T02:00:00.000Z', dueAt: null,
    });
    // Not encrypted: owed from awareness anyway, never listed as conditional.
    expect(assessmentOf(['pipl'], base).conditional).toEqual([]);
  });

  it('no threshold: one person, a breach the controller rates unlikely to harm, still notifies both', () => {
    // Art. 57 covers a leak that "has occurred or may have occurred", with no risk or size test.
    expect(ids({ affected: [{ country: 'CN', count: 1 }], risk: 'unlikely' })).toEqual(['pipl:authority:CN', 'pipl:individuals:CN']);
  });

  it('a processor abroad that affects people in China answers to the Chinese departments (Art. 3(2))', () => {
    const f = { entity: { name: 'Example KK', country: 'JP', sectors: [] }, affected: [{ country: 'JP', count: 900 }, { country: 'CN', count: 3 }] };
    expect(ids(f)).toEqual(['pipl:authority:CN', 'pipl:individuals:CN']);
  });

  it('a processor abroad with nobody affected in China: PIPL does not reach it', () => {
    expect(run({ entity: { name: 'Example Inc', country: 'US', sectors: [] }, affected: [{ country: 'US', count: 900 }] })).toEqual([]);
  });

  it('Hong Kong and Macao are separate jurisdictions, not "CN"', () => {
    expect(run({ entity: { name: 'Example Ltd', country: 'HK', sectors: [] }, affected: [{ country: 'HK', count: 900 }] })).toEqual([]);
  });
});
