import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/** A UK controller, 800 people in the UK, contact data, a risk to them. */
const base: IncidentFactsInput = {
  awareAt: '2026-03-02T09:15:00Z',
  entity: { name: 'Example Ltd', country: 'GB', sectors: [] },
  affected: [{ country: 'GB', count: 800 }],
  dataCategories: ['name', 'contact'],
  encrypted: false,
  risk: 'risk',
};
const run = (over: Partial<IncidentFactsInput> = {}, delivered?: Record<string, string>) =>
  obligationsOf('uk-gdpr', { ...base, ...over }, delivered);

describe('UK GDPR Arts. 33 and 34', () => {
  it('a risky breach at a UK controller: the Commissioner within 72 clock hours of awareness', () => {
    const [o, ...rest] = run();
    expect(rest).toHaveLength(0);
    expect(o).toMatchObject({
      id: 'uk-gdpr:authority:GB', regime: 'uk-gdpr', recipient: 'authority', jurisdiction: 'GB',
      clockStart: '2026-03-02T09:15:00.000Z',
      // Mon 2026-03-02 09:15 GMT + 72 h = Thu 2026-03-05 09:15 GMT.
      dueAt: '2026-03-05T09:15:00.000Z',
    });
    expect(o.citation).toMatch(/UK GDPR Art\. 33/);
    expect(o.unverified).toBeUndefined();
    expect(o.requiredContent).toEqual(['nature', 'subject-categories-and-count', 'record-categories-and-count', 'contact-point', 'likely-consequences', 'measures']);
  });

  it('72 hours are clock hours across the end of British Summer Time (Sun 25 Oct 2026)', () => {
    // Aware Fri 2026-10-23 16:00 BST = 15:00Z; + 72 h = Mon 2026-10-26 15:00Z, which is 15:00 GMT
    // on the wall clock (not 16:00): clocks went back at 02:00 BST on Sunday.
    const [o] = run({ awareAt: '2026-10-23T16:00:00+01:00' });
    expect(o.clockStart).toBe('2026-10-23T15:00:00.000Z');
    expect(o.dueAt).toBe('2026-10-26T15:00:00.000Z');
  });

  it('no notice at all when the breach is unlikely to result in a risk', () => {
    expect(run({ risk: 'unlikely' })).toEqual([]);
  });

  it('high risk adds the communication to data subjects, with no fixed number of hours', () => {
    const all = byId(run({ risk: 'high' }));
    expect(Object.keys(all)).toEqual(['uk-gdpr:authority:GB', 'uk-gdpr:individuals:GB']);
    expect(all['uk-gdpr:individuals:GB']).toMatchObject({ recipient: 'individuals', dueAt: null, deadline: 'without undue delay' });
    expect(all['uk-gdpr:individuals:GB'].citation).toMatch(/Art\. 34/);
  });

  it('encryption (data unintelligible, keys safe) removes the data-subject notice, not the Commissioner notice', () => {
    expect(run({ risk: 'high', encrypted: true }).map((o) => o.id)).toEqual(['uk-gdpr:authority:GB']);
  });

  it('a controller outside the UK notifies the Commissioner for the UK residents it affected (Art. 3(2))', () => {
    const obligations = run({
      entity: { name: 'Beispiel GmbH', country: 'DE', sectors: [] },
      affected: [{ country: 'DE', count: 1000 }, { country: 'GB', count: 1 }],
    });
    expect(obligations.map((o) => o.id)).toEqual(['uk-gdpr:authority:GB']);
  });

  it('a controller outside the UK that affected nobody in the UK has no UK GDPR duty', () => {
    expect(run({ entity: { name: 'Beispiel GmbH', country: 'DE', sectors: [] }, affected: [{ country: 'DE', count: 1000 }] })).toEqual([]);
  });

  it('a UK controller answers to the Commissioner even when only people abroad are affected', () => {
    expect(run({ affected: [{ country: 'FR', count: 20 }] }).map((o) => o.id)).toEqual(['uk-gdpr:authority:GB']);
  });
});
