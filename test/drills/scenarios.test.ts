import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listScenarios, loadScenario, ScenarioNotFoundError } from '../../activities/drills/scenarios';
import { drillIncidentId, factsAt, isDrillIncident, patchAt } from '../../domain/drill';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';

describe('drill scenarios', () => {
  const shipped = listScenarios('default');

  it('ships at least four scenarios of different kinds, each assessing to legal obligations', () => {
    expect(shipped.map((s) => s.id).sort()).toEqual([
      'misdirected-health-us',
      'open-bucket-cn-jp',
      'ransomware-eu',
      'supplier-late-holiday',
    ]);
    expect(new Set(shipped.map((s) => s.kind)).size).toBe(shipped.length);
    for (const s of shipped) {
      const facts = factsAt(s, s.rehearsalStart ?? '2026-01-05T09:00:00Z');
      expect(assess(facts, ruleSet, { holidays }).obligations.length).toBeGreaterThan(0);
    }
  });

  it('the supplier scenario starts on the Friday evening before Memorial Day', () => {
    const s = shipped.find((x) => x.id === 'supplier-late-holiday')!;
    const aware = new Date(factsAt(s, s.rehearsalStart!).awareAt);
    expect(aware.toISOString()).toBe('2026-05-22T22:00:00.000Z'); // Fri 18:00 EDT; Mon 25 May is Memorial Day
    expect(aware.getUTCDay()).toBe(5);
    const change = s.events.find((e) => e.kind === 'facts-change')!;
    if (change.kind !== 'facts-change') throw new Error('unreachable');
    // The materiality determination falls 20 h into the drill, whenever the drill starts.
    expect(patchAt(change, Date.parse('2026-01-01T00:00:00Z'))).toMatchObject({
      materialityDeterminedAt: '2026-01-01T20:00:00.000Z',
    });
  });

  it('a bad scenario file names the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bre-scenarios-'));
    mkdirSync(join(dir, 'p', 'scenarios'), { recursive: true });
    const file = join(dir, 'p', 'scenarios', 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ ...shipped[0], id: 'bad', events: [{ kind: 'no-answer', atHours: 1, role: 'ceo' }] }),
    );
    expect(() => loadScenario('p', 'bad', dir)).toThrow(`${file}: events.0.role:`);
    writeFileSync(file, JSON.stringify({ ...shipped[0], id: 'other' }));
    expect(() => loadScenario('p', 'bad', dir)).toThrow(/id: "other" does not match the file name/);
    writeFileSync(file, '{ nope');
    expect(() => loadScenario('p', 'bad', dir)).toThrow(/not JSON/);
    expect(() => loadScenario('p', 'missing', dir)).toThrow(ScenarioNotFoundError);
    expect(() => loadScenario('p', '../etc', dir)).toThrow(ScenarioNotFoundError);
  });

  it('drill incidents carry their own prefix, an id the incident schema accepts', () => {
    const id = drillIncidentId('quarterly-eu', '2026-03-02T08:00:00.000Z');
    expect(id).toBe('DRILL-quarterly-eu-20260302T080000');
    expect(isDrillIncident(id)).toBe(true);
    expect(isDrillIncident('INC-20260302-ABC')).toBe(false);
  });
});
