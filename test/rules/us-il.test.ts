import type { IncidentFactsInput } from '../../domain/facts';
import { assessmentOf, byId, obligationsOf } from './helpers';

/**
 * Illinois, 815 ILCS 530/10 and 530/50: residents "in the most expedient time possible and without
 * unreasonable delay" (no number: dueAt null); the Attorney General, where more than 500 Illinois
 * residents are notified, no later than the residents; HIPAA covered entities also the Attorney
 * General within 5 business days of notifying HHS. Days end at 23:59:59.999 America/Chicago.
 */
const illinoisan = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-03-02T08:00:00-06:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-IL', count: 501 }],
  dataCategories: ['name', 'credentials'],
  encrypted: false,
  risk: 'unlikely',
  ...over,
});

describe('Illinois PIPA 815 ILCS 530', () => {
  it('501 residents: residents and the AG, neither with a number of days until residents are notified', () => {
    const obligations = obligationsOf('us-il', illinoisan());
    expect(obligations.map((o) => o.id)).toEqual(['us-il:attorney-general:US-IL', 'us-il:residents:US-IL']);
    const o = byId(obligations);
    expect(o['us-il:residents:US-IL']).toMatchObject({
      // Mon 2 Mar 08:00 CST = 14:00Z; no risk-of-harm exception, so 'unlikely' still notifies.
      recipient: 'individuals', clockStart: '2026-03-02T14:00:00.000Z', dueAt: null,
      requiredContent: ['credit-agency-contacts', 'ftc-contacts', 'fraud-alert-and-freeze-info'],
    });
    expect(o['us-il:attorney-general:US-IL']).toMatchObject({
      recipient: 'authority', after: 'us-il:residents:US-IL', dueAt: null,
      requiredContent: ['nature', 'number-affected', 'measures', 'measures-planned'],
    });
    expect(o['us-il:attorney-general:US-IL'].citation).toMatch(/530\/10\(e\)/);
  });

  it('the AG notice is due no later than the moment the residents are actually notified', () => {
    // Residents notified Sun 8 Mar 21:30 CDT (the day DST began) = 02:30Z on Mon 9 Mar.
    const o = byId(obligationsOf('us-il', illinoisan(), { 'us-il:residents:US-IL': '2026-03-08T21:30:00-05:00' }));
    // Chained with 0 hours: due at that very instant.
    expect(o['us-il:attorney-general:US-IL']).toMatchObject({ clockStart: '2026-03-09T02:30:00.000Z', dueAt: '2026-03-09T02:30:00.000Z' });
  });

  it('exactly 500 residents is not "more than 500": no AG notice', () => {
    const ids = obligationsOf('us-il', illinoisan({ affected: [{ country: 'US', region: 'US-IL', count: 500 }] })).map((o) => o.id);
    expect(ids).toEqual(['us-il:residents:US-IL']);
  });

  it('HIPAA covered entity under 500: the AG copy follows the annual HHS log, 5 business days after it', () => {
    const facts = illinoisan({
      awareAt: '2026-12-24T10:00:00-06:00',
      entity: { name: 'Example Hospital', country: 'US', sectors: ['hipaa-covered-entity'] },
      affected: [{ country: 'US', region: 'US-IL', count: 40 }],
      dataCategories: ['name', 'health'],
      risk: 'risk',
    });
    const o = byId(assessmentOf(['hipaa', 'us-il'], facts).obligations);
    // 40 people: HHS in the annual log, 60 days after 31 Dec 2026 = Mon 1 Mar 2027, end of day EST
    // = 2027-03-02T04:59:59.999Z, which is still Mon 1 Mar in Chicago (22:59 CST). The AG copy: Tue 2 (1), Wed 3 (2),
    // Thu 4 (3), Fri 5 (4), Mon 8 (5) -> end of Mon 8 Mar CST = 2027-03-09T05:59:59.999Z.
    expect(o['us-il:hipaa-attorney-general:US-IL']).toMatchObject({
      recipient: 'authority',
      recipientName: 'Illinois Attorney General',
      after: 'hipaa:hhs:US',
      clockStart: '2027-03-02T04:59:59.999Z',
      dueAt: '2027-03-09T05:59:59.999Z',
    });
    expect(o['us-il:hipaa-attorney-general:US-IL'].citation).toMatch(/530\/50/);
    // Deemed compliant with the Act (530/50): no separate resident or 530/10(e) AG notice.
    expect(Object.keys(o).filter((id) => id.startsWith('us-il:'))).toEqual(['us-il:hipaa-attorney-general:US-IL']);
    // No HHS notice owed (risk assessed as unlikely, 45 CFR 164.402): no copy either.
    expect(assessmentOf(['hipaa', 'us-il'], { ...facts, risk: 'unlikely' }).obligations).toEqual([]);
  });

  it('HIPAA covered entity notifying HHS on the Friday before Labor Day: 5 business days skip the weekend and the holiday', () => {
    const facts = illinoisan({
      // Fri 4 Sep 2026 10:00 CDT = 15:00Z.
      awareAt: '2026-09-04T10:00:00-05:00',
      entity: { name: 'Example Hospital', country: 'US', sectors: ['hipaa-covered-entity'] },
      dataCategories: ['name', 'health-insurance'],
      risk: 'risk',
    });
    // HHS notified the same day, 15:00Z. Mon 7 Sep (Labor Day) skipped; Tue 8 (1), Wed 9 (2), Thu 10 (3), Fri 11 (4),
    // Mon 14 (5): end CDT = 04:59:59.999Z on 15 Sep.
    const o = byId(assessmentOf(['hipaa', 'us-il'], facts, { 'hipaa:hhs:US': '2026-09-04T15:00:00Z' }).obligations);
    expect(o['us-il:hipaa-attorney-general:US-IL']).toMatchObject({ clockStart: '2026-09-04T15:00:00.000Z', dueAt: '2026-09-15T04:59:59.999Z' });
  });

  it('business associates are deemed compliant too, and notify HHS only through the covered entity: nothing here', () => {
    expect(obligationsOf('us-il', illinoisan({ entity: { name: 'Vendor', country: 'US', sectors: ['hipaa-business-associate'] } }))).toEqual([]);
  });

  it('health insurance information alone (with a name) is personal information', () => {
    expect(obligationsOf('us-il', illinoisan({ dataCategories: ['name', 'health-insurance'] })).map((o) => o.id))
      .toEqual(['us-il:attorney-general:US-IL', 'us-il:residents:US-IL']);
  });

  it('encrypted data (keys safe): nothing, for HIPAA covered entities too', () => {
    expect(obligationsOf('us-il', illinoisan({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-il', illinoisan({ encrypted: true, entity: { name: 'H', country: 'US', sectors: ['hipaa-covered-entity'] } }))).toEqual([]);
  });

  it('no covered element (name and location only): nothing', () => {
    expect(obligationsOf('us-il', illinoisan({ dataCategories: ['name', 'location'] }))).toEqual([]);
  });
});
