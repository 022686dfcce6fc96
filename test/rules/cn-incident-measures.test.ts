import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * A Beijing network operator; discovers the incident Thu 26 Nov 2026 23:30 CST (15:30Z), rated
 * "relatively significant" (较大) or above; 2,000 people in China affected.
 */
const base: IncidentFactsInput = {
  awareAt: '2026-11-26T15:30:00Z',
  entity: { name: 'Shili Wangluo Youxian Gongsi', country: 'CN', sectors: [] },
  affected: [{ country: 'CN', count: 2000 }],
  dataCategories: ['name', 'contact'],
  encrypted: false,
  risk: 'high',
  significant: true,
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('cn-incident-measures', { ...base, ...over }, delivered);
const ids = (over: Partial<IncidentFactsInput> = {}) => run(over).map((o) => o.id);
const sectors = (...s: ('cn-cii-operator' | 'cn-state-organ')[]) => ({ entity: { name: 'X', country: 'CN', sectors: s } });

describe('国家网络安全事件报告管理办法 Arts. 4, 7, 8', () => {
  it('an ordinary operator: provincial cyberspace administration within 4 hours, across local midnight', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['cn-incident-measures:provincial-cac-summary:CN', 'cn-incident-measures:provincial-cac:CN']);
    expect(all['cn-incident-measures:provincial-cac:CN']).toMatchObject({
      recipient: 'authority', stage: 'initial', jurisdiction: 'CN', clockStart: '2026-11-26T15:30:00.000Z',
      // Thu 26 Nov 23:30 CST + 4 clock hours = Fri 27 Nov 03:30 CST = 2026-11-26T19:30Z.
      dueAt: '2026-11-26T19:30:00.000Z',
    });
    expect(all['cn-incident-measures:provincial-cac:CN'].unverified).toBeUndefined();
    expect(all['cn-incident-measures:provincial-cac:CN'].citation).toMatch(/Art\. 4/);
  });

  it('the post-incident summary has no due time until handling has ended (Art. 8: 30 days from the end of handling)', () => {
    const summary = byId(run())['cn-incident-measures:provincial-cac-summary:CN'];
    // Art. 8 (verified): 「网络安全事件处置工作结束后，网络运营者应当于30日内…形成事件处置总结报告按照原渠道上报。」
    expect(summary.unverified).toBeUndefined();
    // It exists with the initial report it follows; it counts from its own event, not from that report.
    expect(summary).toMatchObject({ stage: 'final', after: 'cn-incident-measures:provincial-cac:CN', dueAt: null });
    expect(summary.citation).toMatch(/Art\. 8/);
    // Delivering the initial report does not start the 30 days either.
    const delivered = { 'cn-incident-measures:provincial-cac:CN': '2026-11-26T17:10:00Z' };
    expect(byId(run({}, delivered))['cn-incident-measures:provincial-cac-summary:CN'].dueAt).toBeNull();
  });

  it('handling ended: the summary is due at the end of the 30th calendar day after that day, Beijing time', () => {
    // Handling ended Tue 8 Dec 2026 01:00 CST = Mon 7 Dec 17:00Z: the Beijing day is 8 Dec (Civil Code
    // Art. 201: counting starts the next day). Dec 9 is day 1, Dec 31 day 23, Jan 7 2027 day 30 -> end of
    // Thu 7 Jan 2027 23:59:59.999 CST (UTC+8) = 2027-01-07T15:59:59.999Z (a UTC-day count would end a day early).
    const o = byId(run({ handlingEndedAt: '2026-12-07T17:00:00Z' }));
    expect(o['cn-incident-measures:provincial-cac-summary:CN']).toMatchObject({
      clockStart: '2026-12-07T17:00:00.000Z',
      dueAt: '2027-01-07T15:59:59.999Z',
      timeZone: 'Asia/Shanghai',
      dueAtLocal: '2027-01-07T23:59:59+08:00',
    });
    // The initial 4-hour report is unchanged.
    expect(o['cn-incident-measures:provincial-cac:CN'].dueAt).toBe('2026-11-26T19:30:00.000Z');
    // A CII operator files both summaries (protection department and police) on the same day.
    const cii = byId(run({ ...sectors('cn-cii-operator'), handlingEndedAt: '2026-12-07T17:00:00Z' }));
    expect(cii['cn-incident-measures:cii-protection-dept-summary:CN'].dueAt).toBe('2027-01-07T15:59:59.999Z');
    expect(cii['cn-incident-measures:cii-police-summary:CN'].dueAt).toBe('2027-01-07T15:59:59.999Z');
  });

  it('below "relatively significant": nothing to report under the Measures', () => {
    expect(run({ significant: false })).toEqual([]);
    expect(run({ significant: undefined })).toEqual([]);
  });

  it('the Annex threshold: a leak of 1,000,000 people is at least 较大 even without a recorded rating; 999,999 is not', () => {
    expect(ids({ significant: false, affected: [{ country: 'CN', count: 999_999 }] })).toEqual([]);
    expect(ids({ significant: false, affected: [{ country: 'CN', count: 1_000_000 }] })).toEqual([
      'cn-incident-measures:provincial-cac-summary:CN', 'cn-incident-measures:provincial-cac:CN',
    ]);
  });

  it('a CII operator: protection-work department and public security organ within 1 hour, not the provincial CAC', () => {
    const all = byId(run(sectors('cn-cii-operator')));
    expect(Object.keys(all)).toEqual([
      'cn-incident-measures:cii-police-summary:CN', 'cn-incident-measures:cii-police:CN',
      'cn-incident-measures:cii-protection-dept-summary:CN', 'cn-incident-measures:cii-protection-dept:CN',
    ]);
    for (const key of ['cii-protection-dept', 'cii-police']) {
      // Art. 4 (verified): 「涉及关键信息基础设施的，…第一时间向保护工作部门、公安机关报告，最迟不得超过1小时。」
      // 23:30 CST + 1 h = Fri 27 Nov 00:30 CST = 2026-11-26T16:30Z.
      expect(all[`cn-incident-measures:${key}:CN`]).toMatchObject({ stage: 'initial', dueAt: '2026-11-26T16:30:00.000Z' });
      expect(all[`cn-incident-measures:${key}:CN`].unverified).toBeUndefined();
    }
  });

  it('the CII paragraph follows the incident, not the operator: criticalInfrastructure decides (Art. 4)', () => {
    const initial = (over: Partial<IncidentFactsInput>) => ids(over).filter((id) => !id.includes('summary'));
    const cii = ['cn-incident-measures:cii-police:CN', 'cn-incident-measures:cii-protection-dept:CN'];
    // A CII operator whose incident does not touch its CII: the 'other operators' paragraph, 4 h to the provincial CAC.
    expect(initial({ ...sectors('cn-cii-operator'), criticalInfrastructure: false })).toEqual([
      'cn-incident-measures:provincial-cac:CN',
    ]);
    // Involvement stated: the 1-hour reports; not stated at a CII operator: read as involved (the stricter reading).
    expect(initial({ ...sectors('cn-cii-operator'), criticalInfrastructure: true })).toEqual(cii);
    expect(initial(sectors('cn-cii-operator'))).toEqual(cii);
    // An operator not registered as a CII operator whose incident involves CII it operates: the 1-hour reports.
    expect(initial({ criticalInfrastructure: true })).toEqual(cii);
    expect(initial({ criticalInfrastructure: false })).toEqual(['cn-incident-measures:provincial-cac:CN']);
    // Each recipient is named.
    const all = byId(run({ criticalInfrastructure: true }));
    expect(all['cn-incident-measures:cii-police:CN'].recipientName).toMatch(/公安机关/);
    expect(all['cn-incident-measures:cii-protection-dept:CN'].recipientName).toMatch(/保护工作部门/);
  });

  it('a central or state organ unit: its department cyberspace-affairs office within 2 hours', () => {
    const o = byId(run(sectors('cn-state-organ')))['cn-incident-measures:state-organ:CN'];
    // 23:30 CST + 2 h = Fri 27 Nov 01:30 CST = 2026-11-26T17:30Z.
    expect(o).toMatchObject({ recipient: 'authority', stage: 'initial', dueAt: '2026-11-26T17:30:00.000Z' });
    expect(ids(sectors('cn-state-organ'))).not.toContain('cn-incident-measures:provincial-cac:CN');
  });

  it('a state organ unit that also runs CII reports on both paragraphs', () => {
    expect(ids(sectors('cn-cii-operator', 'cn-state-organ')).filter((id) => !id.includes('summary'))).toEqual([
      'cn-incident-measures:cii-police:CN', 'cn-incident-measures:cii-protection-dept:CN', 'cn-incident-measures:state-organ:CN',
    ]);
  });

  it('an operator outside the PRC with nobody affected there: the Measures do not apply', () => {
    expect(run({ entity: { name: 'Example Inc', country: 'US', sectors: [] }, affected: [{ country: 'US', count: 2_000_000 }] })).toEqual([]);
  });
});
