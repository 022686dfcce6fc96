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

  /**
   * Facts that make an incident more serious: stating one (false -> true) never removes an obligation
   * nor moves a deadline later, and leaving it unstated is never later than either answer (an unknown
   * is read the stricter way). The one exception is the law's own: Japan gives a malicious leak 60 days
   * for the final report instead of 30 (PPC Rules Art. 8(2)).
   */
  const LONGER_BY_LAW = new Set(['maliciousAct:appi:authority-final', 'externalAccess:appi:authority-final']);
  /**
   * Where the fact moves a report to another paragraph of the law, on a shorter clock: an incident involving
   * critical information infrastructure goes to the CII protection department in 1 h instead of the
   * provincial cyberspace administration in 4 h (China's incident measures Art. 4). The obligation is replaced.
   */
  const REPLACED_BY_LAW: Record<string, string> = {
    'criticalInfrastructure:cn-incident-measures:provincial-cac': 'cn-incident-measures:cii-protection-dept',
    'criticalInfrastructure:cn-incident-measures:provincial-cac-summary':
      'cn-incident-measures:cii-protection-dept-summary',
  };
  const SERIOUS = [
    'significant',
    'maliciousAct',
    'externalAccess',
    'substantialIncident',
    'criticalInfrastructure',
    'largeScale',
    'vulnerableSubjects',
    'secrecyProtectedData',
  ] as const;
  const dues = (f: IncidentFacts) => new Map(run(f).map((o) => [o.id, o.dueAt]));
  const notLater = (a: string | null | undefined, b: string | null | undefined) =>
    b === null || b === undefined || (a !== null && a !== undefined && Date.parse(a) <= Date.parse(b));
  for (const flag of SERIOUS) {
    it(`stating ${flag} never removes an obligation nor moves a deadline later; unstated is never later`, () => {
      fc.assert(
        fc.property(factsArb, (f) => {
          const no = dues({ ...f, [flag]: false });
          const yes = dues({ ...f, [flag]: true });
          const unknown = dues({ ...f, [flag]: undefined });
          for (const [id, due] of no) {
            const [regime, key, jurisdiction] = id.split(':');
            const replacement = REPLACED_BY_LAW[`${flag}:${regime}:${key}`];
            if (replacement) {
              const by = `${replacement}:${jurisdiction}`;
              expect(yes.has(id) || yes.has(by)).toBe(true);
              if (!yes.has(id)) expect(notLater(yes.get(by), due)).toBe(true);
              continue;
            }
            expect(yes.has(id)).toBe(true);
            if (!LONGER_BY_LAW.has(`${flag}:${regime}:${key}`)) expect(notLater(yes.get(id), due)).toBe(true);
          }
          for (const [id, due] of unknown) {
            if (no.has(id)) expect(notLater(due, no.get(id))).toBe(true);
            if (yes.has(id)) expect(notLater(due, yes.get(id))).toBe(true);
          }
        }),
        { numRuns: 50 },
      );
    });
  }

  it('a recorded classification as major never removes an obligation (DORA needs no `significant` besides it)', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 0, max: 48 }), (f, h) => {
        const classified = { ...f, classifiedMajorAt: new Date(Date.parse(f.awareAt) + h * 3_600_000).toISOString() };
        const after = new Set(ids(classified));
        for (const id of ids({ ...f, classifiedMajorAt: undefined })) expect(after).toContain(id);
      }),
      { numRuns: 80 },
    );
  });

  it('sectors that shorten clocks (trust services, DORA entities without weekend relief) never move a deadline later', () => {
    const stricter = [
      'eu-trust-service-provider',
      'dora-credit-institution',
      'dora-central-counterparty',
      'dora-trading-venue',
    ] as const;
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...stricter), (f, sector) => {
        if (f.entity.sectors.includes(sector)) return;
        const before = dues(f);
        const after = dues({ ...f, entity: { ...f.entity, sectors: [...f.entity.sectors, sector] } });
        for (const [id, due] of before) if (after.has(id)) expect(notLater(after.get(id), due)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('a small processing agent never gets an earlier LGPD deadline, and nothing else changes', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const normal = dues({ ...f, entity: { ...f.entity, smallProcessingAgent: false } });
        const small = dues({ ...f, entity: { ...f.entity, smallProcessingAgent: true } });
        expect([...small.keys()]).toEqual([...normal.keys()]);
        for (const [id, due] of normal) if (!id.startsWith('lgpd:')) expect(small.get(id)).toBe(due);
      }),
      { numRuns: 100 },
    );
  });
});
