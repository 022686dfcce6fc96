import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Brazil: LGPD Art. 48 and Resolução CD/ANPD nº 15/2024. ANPD and data subjects within 3 dias úteis
 * of knowing that the incident affected personal data (Arts. 6 and 9), counted from the day after
 * knowledge, skipping weekends and national holidays, in Brasília time (UTC-3 all year: Brazil has
 * had no daylight saving since 2019), ending at 23:59:59.999 local = 02:59:59.999Z the next day.
 */
const brazilian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  // Friday afternoon, the week of Tiradentes (Tue 21 April 2026).
  awareAt: '2026-04-17T15:00:00-03:00',
  entity: { name: 'Exemplo Ltda', country: 'BR', sectors: [] },
  affected: [{ country: 'BR', count: 5000 }],
  dataCategories: ['name', 'contact', 'financial'],
  encrypted: false,
  risk: 'risk',
  ...over,
});

describe('LGPD Art. 48 / Res. CD/ANPD 15/2024', () => {
  it('a relevant incident known on a Friday afternoon before Tiradentes: ANPD, data subjects, declaration and supplement', () => {
    const obligations = obligationsOf('lgpd', brazilian());
    expect(obligations.map((o) => o.id)).toEqual([
      'lgpd:authority-supplement:BR', 'lgpd:authority:BR', 'lgpd:individuals-declaration:BR', 'lgpd:individuals:BR',
    ]);
    const o = byId(obligations);
    expect(o['lgpd:authority:BR']).toMatchObject({
      recipient: 'authority', stage: 'initial', jurisdiction: 'BR',
      clockStart: '2026-04-17T18:00:00.000Z',
      // Known Fri 17 Apr 15:00 BRT. Working days: Mon 20 Apr (1), Tue 21 Apr Tiradentes (holiday, skipped),
      // Wed 22 (2), Thu 23 (3) -> end of Thu 23 Apr 23:59:59.999 BRT = 2026-04-24T02:59:59.999Z.
      dueAt: '2026-04-24T02:59:59.999Z',
    });
    expect(o['lgpd:authority:BR'].citation).toMatch(/Art\. 6/);
    // Same 3 working days for the data subjects (Art. 9 caput).
    expect(o['lgpd:individuals:BR']).toMatchObject({ recipient: 'individuals', dueAt: '2026-04-24T02:59:59.999Z' });
    expect(o['lgpd:individuals:BR'].citation).toMatch(/Art\. 9/);
    // Art. 9 §4: declaration 3 working days after the END of the 3-day period = working day 6 after knowledge:
    // Mon 20 (1), Wed 22 (2), Thu 23 (3), Fri 24 (4), Mon 27 (5), Tue 28 (6) -> end of Tue 28 Apr BRT.
    expect(o['lgpd:individuals-declaration:BR']).toMatchObject({ recipient: 'authority', dueAt: '2026-04-29T02:59:59.999Z' });
    // Art. 6 §3: 20 working days from the communication; undelivered, from its due time (end of Thu 23 Apr):
    // Apr 24 (1), 27 (2), 28 (3), 29 (4), 30 (5), Fri 1 May Labour Day skipped, May 4-8 (6-10), 11-15 (11-15),
    // 18-22 (16-20) -> end of Fri 22 May BRT = 2026-05-23T02:59:59.999Z.
    expect(o['lgpd:authority-supplement:BR']).toMatchObject({
      stage: 'final', after: 'lgpd:authority:BR', clockStart: '2026-04-24T02:59:59.999Z', dueAt: '2026-05-23T02:59:59.999Z',
    });
  });

  it('the supplement runs from the actual date of the ANPD communication once it is delivered', () => {
    const o = byId(obligationsOf('lgpd', brazilian(), { 'lgpd:authority:BR': '2026-04-22T14:00:00-03:00' }));
    // Communicated Wed 22 Apr: Thu 23 (1), Fri 24 (2), Apr 27-30 (3-6), 1 May skipped, May 4-8 (7-11),
    // 11-15 (12-16), 18-21 (17-20) -> end of Thu 21 May BRT = 2026-05-22T02:59:59.999Z.
    expect(o['lgpd:authority-supplement:BR']).toMatchObject({ clockStart: '2026-04-22T17:00:00.000Z', dueAt: '2026-05-22T02:59:59.999Z' });
    // The first communication's own deadline does not move.
    expect(o['lgpd:authority:BR'].dueAt).toBe('2026-04-24T02:59:59.999Z');
  });

  it('Art. 5 criteria: a risk with none of the six criteria is not communicated; an unknown criterion counts', () => {
    // Name and contact only, and the three criteria the categories cannot show all stated false: no criterion (Art. 5 I-VI).
    const none = { largeScale: false, vulnerableSubjects: false, secrecyProtectedData: false };
    expect(obligationsOf('lgpd', brazilian({ ...none, dataCategories: ['name', 'contact'] }))).toEqual([]);
    const ids = (over: Partial<IncidentFactsInput>) =>
      obligationsOf('lgpd', brazilian({ ...none, dataCategories: ['name', 'contact'], ...over })).map((o) => o.id);
    const all = ['lgpd:authority-supplement:BR', 'lgpd:authority:BR', 'lgpd:individuals-declaration:BR', 'lgpd:individuals:BR'];
    // VI large scale (stated, or not stated: read as possible), V secrecy, II children/adolescents/elderly.
    expect(ids({ largeScale: true })).toEqual(all);
    expect(ids({ largeScale: undefined })).toEqual(all);
    expect(ids({ secrecyProtectedData: true })).toEqual(all);
    expect(ids({ vulnerableSubjects: true })).toEqual(all);
    // Categories: I sensitive (health), II children, III financial, IV authentication data.
    for (const c of ['health', 'children', 'payment-card', 'credentials'] as const)
      expect(ids({ dataCategories: ['name', c] })).toEqual(all);
    // The criteria never replace the first test: no significant effect, nothing even with sensitive data.
    expect(obligationsOf('lgpd', brazilian({ risk: 'unlikely', dataCategories: ['health'] }))).toEqual([]);
  });

  it('a small processing agent has every deadline doubled (Res. 15 Arts. 6 §8, 9 §6)', () => {
    const o = byId(
      obligationsOf('lgpd', brazilian({ entity: { name: 'Padaria ME', country: 'BR', sectors: [], smallProcessingAgent: true } })),
    );
    // Known Fri 17 Apr 15:00 BRT. 6 working days: Mon 20 (1), Tue 21 Tiradentes skipped, Wed 22 (2), Thu 23 (3),
    // Fri 24 (4), Mon 27 (5), Tue 28 (6) -> end of Tue 28 Apr BRT = 2026-04-29T02:59:59.999Z (normal: Thu 23).
    expect(o['lgpd:authority:BR'].dueAt).toBe('2026-04-29T02:59:59.999Z');
    expect(o['lgpd:authority:BR'].dueAtLocal).toBe('2026-04-28T23:59:59-03:00');
    expect(o['lgpd:individuals:BR'].dueAt).toBe('2026-04-29T02:59:59.999Z');
    // Declaration: 3 working days after the (doubled) Art. 9 period = working day 9: Wed 29 (7), Thu 30 (8),
    // Fri 1 May Labour Day skipped, Mon 4 May (9) -> end of Mon 4 May BRT = 2026-05-05T02:59:59.999Z.
    expect(o['lgpd:individuals-declaration:BR'].dueAt).toBe('2026-05-05T02:59:59.999Z');
    // Supplement: 40 working days from the communication's due time (end of Tue 28 Apr): Apr 29-30 (1-2),
    // 1 May skipped, May 4-29 (3-22), Jun 1-3 (23-25), Thu 4 Jun Corpus Christi skipped (see the rule's note),
    // Fri 5 (26), Jun 8-12 (27-31), 15-19 (32-36), 22-25 (37-40) -> end of Thu 25 Jun BRT = 2026-06-26T02:59:59.999Z.
    expect(o['lgpd:authority-supplement:BR']).toMatchObject({
      clockStart: '2026-04-29T02:59:59.999Z',
      dueAt: '2026-06-26T02:59:59.999Z',
    });
    // Not stated, or false: not doubled (the earlier deadline).
    expect(byId(obligationsOf('lgpd', brazilian()))['lgpd:authority:BR'].dueAt).toBe('2026-04-24T02:59:59.999Z');
  });

  it('names the ANPD and the data subjects', () => {
    const o = byId(obligationsOf('lgpd', brazilian()));
    expect(o['lgpd:authority:BR'].recipientName).toMatch(/ANPD/);
    expect(o['lgpd:individuals:BR'].recipientName).toMatch(/titulares/);
  });

  it('no communication when the controller assesses no relevant risk', () => {
    expect(obligationsOf('lgpd', brazilian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('a clock starting just before local midnight counts from the Brazilian day, not the UTC day', () => {
    const o = byId(obligationsOf('lgpd', brazilian({ awareAt: '2026-04-20T02:30:00Z' })));
    // 02:30Z Mon = Sun 19 Apr 23:30 BRT: the start day is Sunday. Mon 20 (1), Tue 21 Tiradentes skipped,
    // Wed 22 (2), Thu 23 (3) -> 2026-04-24T02:59:59.999Z. (Counting from the UTC Monday would give Fri 24.)
    expect(o['lgpd:authority:BR'].dueAt).toBe('2026-04-24T02:59:59.999Z');
  });

  it('Independence Day (Mon 7 September) is skipped after a Friday-afternoon start', () => {
    const o = byId(obligationsOf('lgpd', brazilian({ awareAt: '2026-09-04T16:30:00-03:00' })));
    // Fri 4 Sep 16:30 BRT; Sat, Sun, Mon 7 Sep (holiday) skipped; Tue 8 (1), Wed 9 (2), Thu 10 (3)
    // -> end of Thu 10 Sep BRT = 2026-09-11T02:59:59.999Z.
    expect(o['lgpd:authority:BR'].dueAt).toBe('2026-09-11T02:59:59.999Z');
    expect(o['lgpd:individuals:BR'].dueAt).toBe('2026-09-11T02:59:59.999Z');
  });

  it('Christmas: Fri 25 December is skipped; Christmas Eve (an optional half-day) is a working day', () => {
    const o = byId(obligationsOf('lgpd', brazilian({ awareAt: '2026-12-23T10:00:00-03:00' })));
    // Wed 23 Dec; Thu 24 (1), Fri 25 Christmas skipped, weekend, Mon 28 (2), Tue 29 (3)
    // -> end of Tue 29 Dec BRT = 2026-12-30T02:59:59.999Z.
    expect(o['lgpd:authority:BR'].dueAt).toBe('2026-12-30T02:59:59.999Z');
  });

  it('New Year: Fri 1 January is skipped and the count crosses into the next year', () => {
    const o = byId(obligationsOf('lgpd', brazilian({ awareAt: '2026-12-29T18:00:00-03:00' })));
    // Tue 29 Dec; Wed 30 (1), Thu 31 (2; New Year's Eve afternoon is optional, still a working day),
    // Fri 1 Jan 2027 skipped, weekend, Mon 4 Jan (3) -> end of Mon 4 Jan BRT = 2027-01-05T02:59:59.999Z.
    expect(o['lgpd:authority:BR'].dueAt).toBe('2027-01-05T02:59:59.999Z');
    // Declaration: Tue 5 (4), Wed 6 (5), Thu 7 (6) -> end of Thu 7 Jan BRT = 2027-01-08T02:59:59.999Z.
    expect(o['lgpd:individuals-declaration:BR'].dueAt).toBe('2027-01-08T02:59:59.999Z');
  });

  it('Black Consciousness Day (Fri 20 November, national holiday since 2024) is skipped', () => {
    const o = byId(obligationsOf('lgpd', brazilian({ awareAt: '2026-11-19T09:00:00-03:00' })));
    // Thu 19 Nov; Fri 20 skipped, weekend, Mon 23 (1), Tue 24 (2), Wed 25 (3) -> 2026-11-26T02:59:59.999Z.
    expect(o['lgpd:authority:BR'].dueAt).toBe('2026-11-26T02:59:59.999Z');
  });

  it('encryption is no safe harbour: it only weighs in the gravity judgement (Art. 48 §3)', () => {
    const ids = obligationsOf('lgpd', brazilian({ encrypted: true })).map((o) => o.id);
    expect(ids).toContain('lgpd:authority:BR');
    expect(ids).toContain('lgpd:individuals:BR');
  });

  it('a foreign controller affecting people in Brazil notifies the ANPD; with nobody in Brazil, LGPD does not apply', () => {
    const foreign = { name: 'Example Inc', country: 'US', sectors: [] };
    const ids = obligationsOf('lgpd', brazilian({ entity: foreign, affected: [{ country: 'BR', count: 3 }, { country: 'US', count: 10 }] }))
      .map((o) => o.id);
    expect(ids).toContain('lgpd:authority:BR');
    expect(obligationsOf('lgpd', brazilian({ entity: foreign, affected: [{ country: 'US', count: 10 }] }))).toEqual([]);
  });

  it('content follows Res. 15 Art. 6 §2 (ANPD) and Art. 9 (data subjects)', () => {
    const o = byId(obligationsOf('lgpd', brazilian()));
    expect(o['lgpd:authority:BR'].requiredContent).toEqual(expect.arrayContaining([
      'data-categories', 'number-affected', 'security-measures', 'likely-consequences', 'reasons-for-delay', 'measures',
      'date-of-breach', 'date-of-awareness', 'contact-point', 'total-subjects-processed',
    ]));
    expect(o['lgpd:individuals:BR'].requiredContent).toEqual([
      'data-categories', 'security-measures', 'likely-consequences', 'reasons-for-delay', 'measures', 'date-of-awareness', 'contact-point',
    ]);
  });
});
