import fc from 'fast-check';
import type { IncidentFacts } from '../../domain/facts';
import { assess } from '../../domain/rules/evaluate';
import { factsArb } from '../arbitraries';
import { holidays, ruleSet } from '../fixtures';

const run = (f: IncidentFacts) => assess(f, ruleSet, holidays).obligations;
const ids = (f: IncidentFacts) => run(f).map((o) => o.id);
const RUNS = { numRuns: 300 };

describe(`obligation properties over every loaded regime (${ruleSet.regimes.length})`, () => {
  it('never depend on the order of the affected groups', () => {
    fc.assert(
      fc.property(factsArb, fc.integer(), (f, seed) => {
        const shuffled = [...f.affected]
          .map((g, i) => ({ g, k: (i * 7919 + seed) % 101 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.g);
        expect(run({ ...f, affected: shuffled })).toEqual(run(f));
      }),
      RUNS,
    );
  });

  it('more affected people never remove an obligation', () => {
    fc.assert(
      fc.property(factsArb, fc.nat({ max: 50 }), fc.integer({ min: 1, max: 5000 }), (f, pick, extra) => {
        if (f.affected.length === 0) return;
        const i = pick % f.affected.length;
        const more = f.affected.map((g, j) => (j === i ? { ...g, count: g.count + extra } : g));
        const after = new Set(ids({ ...f, affected: more }));
        for (const id of ids(f)) expect(after).toContain(id);
      }),
      RUNS,
    );
  });

  it('encryption never adds an individuals notice', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const plain = new Set(
          run({ ...f, encrypted: false })
            .filter((o) => o.recipient === 'individuals')
            .map((o) => o.id),
        );
        for (const o of run({ ...f, encrypted: true }).filter((x) => x.recipient === 'individuals'))
          expect(plain).toContain(o.id);
      }),
      RUNS,
    );
  });

  it('every dueAt is at or after its clock start, and ids are unique', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const obligations = run(f);
        expect(new Set(obligations.map((o) => o.id)).size).toBe(obligations.length);
        for (const o of obligations) {
          if (o.dueAt !== null) expect(Date.parse(o.dueAt)).toBeGreaterThanOrEqual(Date.parse(o.clockStart));
        }
      }),
      RUNS,
    );
  });

  it('every obligation names its law, its deadline and its required content', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        for (const o of run(f)) {
          expect(o.citation.length).toBeGreaterThan(3);
          expect(o.requiredContent.length).toBeGreaterThan(0);
          expect(o.deadline.length).toBeGreaterThan(3);
        }
      }),
      { numRuns: 100 },
    );
  });
});
