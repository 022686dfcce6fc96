import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/** A German financial entity; aware Mon 11 May 2026 09:00 CEST, classified major at 11:00 CEST. */
const base: IncidentFactsInput = {
  awareAt: '2026-05-11T07:00:00Z',
  classifiedMajorAt: '2026-05-11T09:00:00Z',
  entity: { name: 'Beispielbank AG', country: 'DE', sectors: ['dora-financial-entity'] },
  affected: [{ country: 'DE', count: 40_000 }],
  encrypted: false,
  risk: 'risk',
  significant: true,
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('dora', { ...base, ...over }, delivered);
const initialDue = (over: Partial<IncidentFactsInput>) => byId(run(over))['dora:initial:DE'].dueAt;

describe('DORA Art. 19 and RTS (EU) 2025/301 Art. 5', () => {
  it('a major incident: initial, intermediate and final reports, and the client notice', () => {
    const all = byId(run());
    expect(Object.keys(all)).toEqual(['dora:clients:DE', 'dora:final:DE', 'dora:initial:DE', 'dora:intermediate:DE']);
    expect(all['dora:initial:DE']).toMatchObject({
      recipient: 'authority', stage: 'initial', jurisdiction: 'DE', clockStart: '2026-05-11T09:00:00.000Z',
      recipientName: 'Competent authority (DORA Art. 46)',
      // Earlier of classification 09:00Z + 4 h = 13:00Z and awareness 07:00Z + 24 h = 2026-05-12 07:00Z.
      dueAt: '2026-05-11T13:00:00.000Z',
      dueAtLocal: '2026-05-11T15:00:00+02:00',
    });
    expect(all['dora:initial:DE'].reading).toMatch(/12:00 of the next working day/);
    expect(all['dora:intermediate:DE']).toMatchObject({
      stage: 'intermediate', after: 'dora:initial:DE',
      // Initial due Mon 13:00Z + 72 h = Thu 2026-05-14 13:00Z (15:00 CEST). That Thursday is Ascension Day,
      // a German public holiday: rolled to Fri 15 May 12:00 CEST = 10:00Z (Art. 5(4)).
      dueAt: '2026-05-15T10:00:00.000Z',
    });
    expect(all['dora:final:DE']).toMatchObject({
      stage: 'final', after: 'dora:intermediate:DE',
      // Fri 15 May 12:00 CEST + 1 month = Mon 15 June 12:00 CEST = 10:00Z, a working day.
      dueAt: '2026-06-15T10:00:00.000Z',
    });
    expect(all['dora:clients:DE']).toMatchObject({ recipient: 'individuals', dueAt: null, recipientName: 'Clients' });
    // Verified against DORA Art. 19 and RTS (EU) 2025/301 Art. 5 (issue 9 review): no flag.
    for (const o of Object.values(all)) expect(o.unverified).toBeUndefined();
    expect(all['dora:initial:DE'].citation).toMatch(/2025\/301/);
  });

  it('classifiedMajorAt alone is a major incident: `significant` is not needed', () => {
    const all = byId(run({ significant: undefined }));
    expect(Object.keys(all)).toEqual(['dora:clients:DE', 'dora:final:DE', 'dora:initial:DE', 'dora:intermediate:DE']);
    expect(all['dora:initial:DE'].dueAt).toBe('2026-05-11T13:00:00.000Z');
  });

  it('the 4-hour limb against the 24-hour limb, one minute either side of 20 hours after awareness', () => {
    // Classified 19 h 59 min after awareness (2026-05-12 02:59Z): + 4 h = 06:59Z, before the 07:00Z backstop.
    expect(initialDue({ classifiedMajorAt: '2026-05-12T02:59:00Z' })).toBe('2026-05-12T06:59:00.000Z');
    // Classified 20 h 01 min after awareness (03:01Z): + 4 h = 07:01Z, so the 24 h backstop (07:00Z) wins.
    expect(initialDue({ classifiedMajorAt: '2026-05-12T03:01:00Z' })).toBe('2026-05-12T07:00:00.000Z');
    // Classified at hour 22 (05:00Z): two hours remain, until 07:00Z.
    expect(initialDue({ classifiedMajorAt: '2026-05-12T05:00:00Z' })).toBe('2026-05-12T07:00:00.000Z');
  });

  it('classification after 24 hours: 4 hours from classification (RTS Art. 5(2))', () => {
    // Classified Wed 2026-05-13 10:00Z, 51 h after awareness: the 24 h backstop (Tue 07:00Z) is already
    // behind the classification, so 10:00Z + 4 h = 14:00Z (16:00 CEST, a Wednesday).
    const o = byId(run({ classifiedMajorAt: '2026-05-13T10:00:00Z' }))['dora:initial:DE'];
    expect(o.dueAt).toBe('2026-05-13T14:00:00.000Z');
    expect(o.unverified).toBeUndefined();
  });

  it('before classification is recorded, the 4 hours run from awareness', () => {
    // No classifiedMajorAt, significant: true: the classification clock falls back to awareness, 07:00Z + 4 h = 11:00Z.
    expect(initialDue({ classifiedMajorAt: undefined })).toBe('2026-05-11T11:00:00.000Z');
  });

  it('a deadline on a Saturday rolls forward to 12:00 on Monday, except for a credit institution', () => {
    // Aware Fri 2026-05-15 20:00Z, classified Sat 06:00Z: + 4 h = Sat 2026-05-16 10:00Z (12:00 CEST);
    // the backstop (Sat 20:00Z) is later. A weekend: Mon 18 May 12:00 CEST = 10:00Z (Art. 5(4)).
    const weekend = { awareAt: '2026-05-15T20:00:00Z', classifiedMajorAt: '2026-05-16T06:00:00Z' };
    const payment = byId(run(weekend));
    expect(payment['dora:initial:DE'].dueAt).toBe('2026-05-18T10:00:00.000Z');
    expect(payment['dora:initial:DE'].dueAtLocal).toBe('2026-05-18T12:00:00+02:00');
    // Intermediate: Mon 10:00Z + 72 h = Thu 21 May 10:00Z, a working day (Ascension was 14 May).
    expect(payment['dora:intermediate:DE'].dueAt).toBe('2026-05-21T10:00:00.000Z');
    // A credit institution keeps Saturday (Art. 5(5)): Sat 16 May 10:00Z, then + 72 h = Tue 19 May 10:00Z.
    const bank = byId(run({ ...weekend, entity: { name: 'Beispielbank AG', country: 'DE', sectors: ['dora-financial-entity', 'dora-credit-institution'] } }));
    expect(bank['dora:initial:DE'].dueAt).toBe('2026-05-16T10:00:00.000Z');
    expect(bank['dora:intermediate:DE'].dueAt).toBe('2026-05-19T10:00:00.000Z');
    // Its final report still rolls: Tue 19 May 12:00 CEST + 1 month = Fri 19 June 12:00 CEST = 10:00Z (a Friday, no move).
    expect(bank['dora:final:DE'].dueAt).toBe('2026-06-19T10:00:00.000Z');
  });

  it('the final report of a credit institution rolls forward over a weekend (Art. 5(5) covers only initial and intermediate)', () => {
    // Intermediate report delivered Thu 2027-03-11 11:00Z (12:00 CET): + 1 month = Sun 11 Apr 2027 12:00 CEST,
    // a weekend -> Mon 12 Apr 12:00 CEST = 10:00Z, for a credit institution too.
    const bank = { name: 'Beispielbank AG', country: 'DE', sectors: ['dora-credit-institution'] as const };
    const all = byId(
      run(
        { awareAt: '2027-03-08T09:00:00Z', classifiedMajorAt: '2027-03-08T10:00:00Z', entity: { ...bank, sectors: [...bank.sectors] } },
        { 'dora:initial:DE': '2027-03-08T12:00:00Z', 'dora:intermediate:DE': '2027-03-11T11:00:00Z' },
      ),
    );
    expect(all['dora:final:DE'].dueAt).toBe('2027-04-12T10:00:00.000Z');
  });

  it('later stages run from the actual submission of the earlier one', () => {
    const all = byId(run({}, { 'dora:initial:DE': '2026-05-11T10:30:00Z' }));
    // Initial submitted 10:30Z + 72 h = Thu 2026-05-14 10:30Z: Ascension Day, rolled to Fri 15 May 12:00 CEST = 10:00Z;
    // + 1 month = Mon 15 June 12:00 CEST = 10:00Z.
    expect(all['dora:intermediate:DE']).toMatchObject({ clockStart: '2026-05-11T10:30:00.000Z', dueAt: '2026-05-15T10:00:00.000Z' });
    expect(all['dora:final:DE'].dueAt).toBe('2026-06-15T10:00:00.000Z');
  });

  it('not major, or not a financial entity: nothing', () => {
    expect(run({ significant: false, classifiedMajorAt: undefined })).toEqual([]);
    expect(run({ significant: undefined, classifiedMajorAt: undefined })).toEqual([]);
    expect(run({ entity: { name: 'Netz GmbH', country: 'DE', sectors: ['nis2-essential'] } })).toEqual([]);
  });

  it('an EEA financial entity (Norway) reports to its home authority even with nobody affected', () => {
    const all = byId(run({ entity: { name: 'Eksempel Bank ASA', country: 'NO', sectors: ['dora-financial-entity'] }, affected: [] }));
    expect(Object.keys(all)).toEqual(['dora:clients:NO', 'dora:final:NO', 'dora:initial:NO', 'dora:intermediate:NO']);
    expect(all['dora:initial:NO'].dueAt).toBe('2026-05-11T13:00:00.000Z');
  });
});
