import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Connecticut, Conn. Gen. Stat. § 36a-701b: residents within 60 days of discovery (unless harm is not
 * likely); the Attorney General no later than the residents, whatever their number; HIPAA and GLBA
 * entities notify residents under their own rules but still owe the Attorney General.
 * Days end at 23:59:59.999 America/New_York (EDT = UTC-4 from Sun 8 Mar to Sun 1 Nov 2026, then EST = UTC-5).
 */
const ct = (count: number) => [{ country: 'US', region: 'US-CT', count }];
const nutmegger = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Tue 10 Mar 2026 21:00 EDT: already Wed 11 Mar in UTC.
  awareAt: '2026-03-10T21:00:00-04:00',
  entity: { name: 'Example LLC', country: 'US', sectors: [] },
  affected: ct(1),
  dataCategories: ['name', 'tax-id'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('Connecticut Gen. Stat. § 36a-701b', () => {
  it('one resident: residents within 60 days of discovery, the Attorney General no later than them', () => {
    const obligations = obligationsOf('us-ct', nutmegger());
    expect(obligations.map((o) => o.id)).toEqual(['us-ct:attorney-general:US-CT', 'us-ct:residents:US-CT']);
    const o = byId(obligations);
    expect(o['us-ct:residents:US-CT']).toMatchObject({
      recipient: 'individuals', clockStart: '2026-03-11T01:00:00.000Z',
      // Local day Tue 10 Mar + 60 days = Sat 9 May (Mar 31 = day 21, Apr 30 = day 51); 23:59:59.999 EDT = 03:59:59.999Z on 10 May.
      dueAt: '2026-05-10T03:59:59.999Z',
      requiredContent: ['nature', 'remediation-offered', 'security-freeze-info'],
    });
    expect(o['us-ct:residents:US-CT'].citation).toMatch(/36a-701b\(b\)\(1\)/);
    expect(o['us-ct:attorney-general:US-CT']).toMatchObject({
      recipient: 'authority', after: 'us-ct:residents:US-CT',
      // Residents not yet notified: due at their due time.
      clockStart: '2026-05-10T03:59:59.999Z', dueAt: '2026-05-10T03:59:59.999Z',
      requiredContent: ['nature', 'number-affected'],
    });
  });

  it('the Attorney General is due when residents are actually notified', () => {
    const o = byId(obligationsOf('us-ct', nutmegger(), { 'us-ct:residents:US-CT': '2026-04-20T15:00:00-04:00' }));
    // Residents notified Mon 20 Apr 15:00 EDT = 19:00Z: the Attorney General is due at that moment.
    expect(o['us-ct:attorney-general:US-CT']).toMatchObject({ clockStart: '2026-04-20T19:00:00.000Z', dueAt: '2026-04-20T19:00:00.000Z' });
  });

  it('a discovery on Friday 4 Sep 2026, before Labor Day: calendar days run through it and into EST', () => {
    const o = byId(obligationsOf('us-ct', nutmegger({ awareAt: '2026-09-04T11:00:00-04:00' })));
    // Fri 4 Sep + 60 days = Tue 3 Nov (Sep 30 = day 26, Oct 31 = day 57); Labor Day and Columbus Day are not
    // skipped. Daylight saving time ended 1 Nov: 23:59:59.999 EST = 04:59:59.999Z on 4 Nov.
    expect(o['us-ct:residents:US-CT'].dueAt).toBe('2026-11-04T04:59:59.999Z');
    expect(o['us-ct:attorney-general:US-CT'].dueAt).toBe('2026-11-04T04:59:59.999Z');
  });

  it('harm not likely: neither residents nor the Attorney General', () => {
    expect(obligationsOf('us-ct', nutmegger({ risk: 'unlikely' }))).toEqual([]);
  });

  it('HIPAA and GLBA entities: only the Attorney General, with no number of days of its own', () => {
    for (const sector of ['hipaa-covered-entity', 'glba-financial-institution'] as const) {
      const obligations = obligationsOf('us-ct', nutmegger({ entity: { name: 'X', country: 'US', sectors: [sector] } }));
      expect(obligations.map((o) => o.id)).toEqual(['us-ct:attorney-general-deemed-compliant:US-CT']);
      expect(obligations[0]).toMatchObject({ recipient: 'authority', dueAt: null });
    }
  });

  it('encryption (key safe) and data outside the definition trigger nothing', () => {
    expect(obligationsOf('us-ct', nutmegger({ encrypted: true }))).toEqual([]);
    expect(obligationsOf('us-ct', nutmegger({ dataCategories: ['name', 'contact', 'date-of-birth'] }))).toEqual([]);
  });

  it('precise geolocation (since October 2023), biometrics and online credentials are covered', () => {
    for (const c of ['location', 'biometric', 'credentials'] as const) {
      expect(obligationsOf('us-ct', nutmegger({ dataCategories: [c] }))).toHaveLength(2);
    }
  });

  it('only Connecticut residents count', () => {
    expect(obligationsOf('us-ct', nutmegger({ affected: [{ country: 'US', region: 'US-NY', count: 900 }] }))).toEqual([]);
  });
});
