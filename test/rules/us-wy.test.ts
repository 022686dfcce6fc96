import type { IncidentFactsInput } from '../../domain/facts';
import { obligationsOf } from './helpers';

/**
 * Wyoming, Wyo. Stat. § 40-12-502: after a prompt good-faith investigation, notice to affected residents
 * as soon as possible, without unreasonable delay (no number of days), if misuse has occurred or is
 * reasonably likely. No attorney-general or consumer reporting agency notice. Days would end at
 * 23:59:59.999 America/Denver (MDT = UTC-6 in May 2026); the only clock here is `none`.
 */
const wyomingite = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-05-18T09:00:00-06:00',
  // Fri 22 May 2026 19:00 MDT, the Friday before Memorial Day (Mon 25 May): already Sat 23 May in UTC.
  determinedAt: '2026-05-22T19:00:00-06:00',
  entity: { name: 'Example Inc', country: 'US', sectors: [] },
  affected: [{ country: 'US', region: 'US-WY', count: 1 }],
  dataCategories: ['name', 'tax-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Wyoming Stat. § 40-12-502', () => {
  it('one resident is enough: notice without unreasonable delay from the investigation\'s finding, with the (e) content', () => {
    const obligations = obligationsOf('us-wy', wyomingite());
    expect(obligations).toHaveLength(1);
    expect(obligations[0]).toMatchObject({
      id: 'us-wy:individuals:US-WY',
      recipient: 'individuals',
      // Fri 22 May 19:00 MDT = 01:00Z on Sat 23 May; no number of days, so no due time and no holiday effect.
      clockStart: '2026-05-23T01:00:00.000Z',
      dueAt: null,
      requiredContent: ['toll-free-contact', 'credit-agency-contacts', 'data-categories', 'nature', 'date-of-breach', 'measures', 'vigilance-advice', 'law-enforcement-delay'],
    });
    expect(obligations[0].citation).toMatch(/40-12-502\(a\)/);
  });

  it('without a recorded finding the clock starts at awareness', () => {
    const { determinedAt: _omit, ...facts } = wyomingite();
    // Mon 18 May 09:00 MDT = 15:00Z.
    expect(obligationsOf('us-wy', facts)[0]).toMatchObject({ clockStart: '2026-05-18T15:00:00.000Z', dueAt: null });
  });

  it('misuse neither occurred nor reasonably likely: no notice', () => {
    expect(obligationsOf('us-wy', wyomingite({ risk: 'unlikely' }))).toEqual([]);
  });

  it('no encryption exemption in the text: encrypted data still counts unless the finding is "misuse unlikely"', () => {
    expect(obligationsOf('us-wy', wyomingite({ encrypted: true }))).toHaveLength(1);
    expect(obligationsOf('us-wy', wyomingite({ encrypted: true, risk: 'unlikely' }))).toEqual([]);
  });

  it('covered: online credentials and health insurance; not: contact details or date of birth', () => {
    expect(obligationsOf('us-wy', wyomingite({ dataCategories: ['credentials'] }))).toHaveLength(1);
    expect(obligationsOf('us-wy', wyomingite({ dataCategories: ['name', 'health-insurance'] }))).toHaveLength(1);
    expect(obligationsOf('us-wy', wyomingite({ dataCategories: ['name', 'contact', 'date-of-birth'] }))).toEqual([]);
  });

  it('financial institutions and HIPAA entities notifying under their federal rules are deemed compliant', () => {
    for (const sector of ['glba-financial-institution', 'hipaa-covered-entity', 'hipaa-business-associate'] as const) {
      expect(obligationsOf('us-wy', wyomingite({ entity: { name: 'Example', country: 'US', sectors: [sector] } }))).toEqual([]);
    }
  });

  it('only Wyoming residents count', () => {
    expect(obligationsOf('us-wy', wyomingite({ affected: [{ country: 'US', region: 'US-MT', count: 900 }] }))).toEqual([]);
  });
});
