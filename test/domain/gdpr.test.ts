import { assess } from '../../domain/rules/evaluate';
import { facts, holidays, ruleSet } from '../fixtures';

const gdpr = { ...ruleSet, regimes: ruleSet.regimes.filter((r) => r.regime === 'gdpr') };
const run = (f: ReturnType<typeof facts>) => assess(f, gdpr, holidays).obligations;

describe('GDPR Art. 33 and 34', () => {
  it('a risky breach at an EU controller: lead authority within 72 hours of awareness', () => {
    const [o, ...rest] = run(facts());
    expect(rest).toHaveLength(0);
    expect(o).toMatchObject({
      id: 'gdpr:authority:DE',
      regime: 'gdpr',
      recipient: 'authority',
      jurisdiction: 'DE',
      clockStart: '2026-03-02T09:15:00.000Z',
      // 72 clock hours: 09:15 Monday -> 09:15 Thursday, nights and weekends included.
      dueAt: '2026-03-05T09:15:00.000Z',
    });
    expect(o.citation).toMatch(/Art\. 33/);
    expect(o.requiredContent).toEqual([
      'nature',
      'subject-categories-and-count',
      'record-categories-and-count',
      'contact-point',
      'likely-consequences',
      'measures',
    ]);
  });

  it('72 hours are clock hours across a daylight-saving change (Berlin, 29 March 2026)', () => {
    const [o] = run(facts({ awareAt: '2026-03-27T22:30:00Z' }));
    // Local time moves from 23:30 CET to 00:30 CEST+3d, but the instant is exactly 72 h later.
    expect(o.dueAt).toBe('2026-03-30T22:30:00.000Z');
  });

  it('a clock that starts with an offset is normalised to UTC', () => {
    const [o] = run(facts({ awareAt: '2026-03-02T23:59:00+01:00' }));
    expect(o.clockStart).toBe('2026-03-02T22:59:00.000Z');
    expect(o.dueAt).toBe('2026-03-05T22:59:00.000Z');
  });

  it('no notice at all when the breach is unlikely to result in a risk', () => {
    expect(run(facts({ risk: 'unlikely' }))).toEqual([]);
  });

  it('high risk adds the data-subject communication, with no fixed number of hours', () => {
    const obligations = run(facts({ risk: 'high' }));
    expect(obligations.map((o) => o.id)).toEqual(['gdpr:authority:DE', 'gdpr:individuals:DE']);
    const individuals = obligations[1];
    expect(individuals).toMatchObject({ recipient: 'individuals', dueAt: null, deadline: 'without undue delay' });
    expect(individuals.citation).toMatch(/Art\. 34/);
  });

  it('encryption (data unintelligible, keys safe) removes the data-subject notice but not the authority notice', () => {
    const ids = run(facts({ risk: 'high', encrypted: true })).map((o) => o.id);
    expect(ids).toEqual(['gdpr:authority:DE']);
  });

  it('a controller outside the EU notifies each authority where data subjects are affected', () => {
    const ids = run(facts({ entity: { name: 'Example Inc', country: 'US', sectors: [] } })).map((o) => o.id);
    expect(ids).toEqual(['gdpr:authority:DE', 'gdpr:authority:FR']);
  });

  it('outside the EU with nobody affected in the EU: GDPR does not apply', () => {
    const f = facts({
      entity: { name: 'Example Inc', country: 'US', sectors: [] },
      affected: [{ country: 'US', region: 'US-CA', count: 10 }],
    });
    expect(run(f)).toEqual([]);
  });

  it('EEA states apply the GDPR too (Norway)', () => {
    const [o] = run(facts({ entity: { name: 'Eksempel AS', country: 'NO', sectors: [] } }));
    expect(o.id).toBe('gdpr:authority:NO');
  });

  it('results do not depend on the order of affected groups', () => {
    const a = run(
      facts({
        entity: { name: 'X', country: 'US', sectors: [] },
        affected: [
          { country: 'FR', count: 1 },
          { country: 'DE', count: 2 },
        ],
      }),
    );
    const b = run(
      facts({
        entity: { name: 'X', country: 'US', sectors: [] },
        affected: [
          { country: 'DE', count: 2 },
          { country: 'FR', count: 1 },
        ],
      }),
    );
    expect(a).toEqual(b);
  });
});
