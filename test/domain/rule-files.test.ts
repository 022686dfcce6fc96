import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleSet, RULES_DIR, RuleFileError } from '../../activities/rules/load';

function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bre-rules-'));
  cpSync(RULES_DIR, dir, { recursive: true });
  return dir;
}

describe('rule files', () => {
  it('every file validates, names its law, and says when it was last checked', () => {
    const rules = loadRuleSet();
    expect(rules.regimes.length).toBeGreaterThanOrEqual(26);
    for (const r of rules.regimes) {
      expect(r.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const o of r.obligations) expect(o.citation.length).toBeGreaterThan(3);
    }
  });

  it('every obligation names its recipient, in the rule or by the regime for its recipient kind', () => {
    const unnamed: string[] = [];
    for (const r of loadRuleSet().regimes)
      for (const o of r.obligations) {
        const name = o.recipientName ?? r.recipientNames?.[o.recipient];
        if (!name || name.trim().length < 3) unnamed.push(`${r.regime}:${o.key}`);
      }
    expect(unnamed).toEqual([]);
  });

  it('a US state names the state office, the residents and the consumer reporting agencies', () => {
    const me = loadRuleSet().regimes.find((r) => r.regime === 'us-me')!;
    const named = Object.fromEntries(me.obligations.map((o) => [o.key, o.recipientName]));
    expect(named['attorney-general']).toMatch(/^Maine Attorney General/);
    expect(named.individuals).toBe('Affected Maine residents');
    expect(named['credit-agencies']).toBe('Consumer reporting agencies');
  });

  it('a bad file fails loading with its path and the bad field', () => {
    const dir = copyRules();
    const file = join(dir, 'gdpr.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.obligations[0].clock.unit = 'fortnights';
    writeFileSync(file, JSON.stringify(json));
    expect(() => loadRuleSet(dir)).toThrow(RuleFileError);
    expect(() => loadRuleSet(dir)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: obligations\\.0\\.clock\\.unit`),
    );
  });

  it('a file that is not JSON names the file', () => {
    const dir = copyRules();
    writeFileSync(join(dir, 'broken.json'), '{ "regime": ');
    expect(() => loadRuleSet(dir)).toThrow(/broken\.json: not valid JSON/);
  });

  it('the rule-set version changes when any rule file changes', () => {
    const dir = copyRules();
    const before = loadRuleSet(dir).version;
    const file = join(dir, 'sec.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"lastChecked": "2026-11-26"', '"lastChecked": "2026-11-27"'),
    );
    expect(loadRuleSet(dir).version).not.toBe(before);
  });
});
