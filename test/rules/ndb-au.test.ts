import type { IncidentFactsInput } from '../../domain/facts';
import { byId, obligationsOf } from './helpers';

/**
 * Australia: Privacy Act 1988 Part IIIC. An eligible data breach (likely to result in serious harm,
 * s 26WE, read as risk 'high') needs a statement to the Commissioner (s 26WK) and notice to
 * individuals (s 26WL), both "as soon as practicable": no number, so dueAt is null.
 */
const australian = (over: Partial<IncidentFactsInput> = {}): IncidentFactsInput => ({
  awareAt: '2026-10-02T16:45:00+10:00',
  entity: { name: 'Example Pty Ltd', country: 'AU', sectors: [] },
  affected: [{ country: 'AU', count: 1200 }],
  dataCategories: ['name', 'government-id'],
  encrypted: false,
  risk: 'high',
  ...over,
});

describe('Australia NDB scheme (Privacy Act 1988 Part IIIC)', () => {
  it('an eligible data breach: statement to the OAIC and notice to individuals, as soon as practicable', () => {
    const obligations = obligationsOf('ndb-au', australian());
    expect(obligations.map((o) => o.id)).toEqual(['ndb-au:authority:AU', 'ndb-au:individuals:AU']);
    const o = byId(obligations);
    expect(o['ndb-au:authority:AU']).toMatchObject({
      recipient: 'authority', jurisdiction: 'AU',
      // No determination recorded: the clock falls back to awareness (16:45 AEST = 06:45Z).
      clockStart: '2026-10-02T06:45:00.000Z',
      // "As soon as practicable": the law gives no number.
      dueAt: null,
    });
    expect(o['ndb-au:authority:AU'].citation).toMatch(/26WK/);
    expect(o['ndb-au:authority:AU'].requiredContent).toEqual(['entity-identity', 'contact-point', 'nature', 'data-categories', 'recommended-steps']);
    expect(o['ndb-au:individuals:AU']).toMatchObject({ recipient: 'individuals', dueAt: null });
    expect(o['ndb-au:individuals:AU'].citation).toMatch(/26WL/);
    // The 30-day assessment of a merely suspected breach (s 26WH) is internal, not a notice: not emitted.
    expect(obligations.every((o) => o.dueAt === null)).toBe(true);
  });

  it('the clock runs from reasonable grounds to believe (determinedAt), e.g. after a s 26WH assessment', () => {
    const o = byId(obligationsOf('ndb-au', australian({ determinedAt: '2026-10-20T09:00:00+11:00' })));
    // 20 Oct 09:00 AEDT (daylight time since 4 Oct) = 19 Oct 22:00Z.
    expect(o['ndb-au:authority:AU'].clockStart).toBe('2026-10-19T22:00:00.000Z');
    expect(o['ndb-au:individuals:AU'].clockStart).toBe('2026-10-19T22:00:00.000Z');
  });

  it('boundary: a risk that falls short of likely serious harm is not an eligible data breach', () => {
    expect(obligationsOf('ndb-au', australian({ risk: 'risk' }))).toEqual([]);
    expect(obligationsOf('ndb-au', australian({ risk: 'unlikely' }))).toEqual([]);
  });

  it('encryption is a factor in the harm assessment (s 26WG), not a safe harbour', () => {
    const ids = obligationsOf('ndb-au', australian({ encrypted: true })).map((o) => o.id);
    expect(ids).toEqual(['ndb-au:authority:AU', 'ndb-au:individuals:AU']);
  });

  it('a foreign entity affecting people in Australia notifies; with nobody in Australia the scheme does not apply', () => {
    const foreign = { name: 'Example Inc', country: 'US', sectors: [] };
    expect(obligationsOf('ndb-au', australian({ entity: foreign })).map((o) => o.id))
      .toEqual(['ndb-au:authority:AU', 'ndb-au:individuals:AU']);
    expect(obligationsOf('ndb-au', australian({ entity: foreign, affected: [{ country: 'NZ', count: 50 }] }))).toEqual([]);
  });
});
