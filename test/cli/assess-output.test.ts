import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', join(root, 'cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

/**
 * A US registrant: 600 New York residents and 100 people in Brazil, aware Mon 30 Nov 2026 14:00 EST;
 * the incident determined material Tue 1 Dec 2026 10:00 EST.
 */
const facts = {
  awareAt: '2026-11-30T14:00:00-05:00',
  materialityDeterminedAt: '2026-12-01T10:00:00-05:00',
  entity: { name: 'Example Corp', country: 'US', sectors: ['sec-registrant'] },
  affected: [
    { country: 'US', region: 'US-NY', count: 600 },
    { country: 'BR', count: 100 },
  ],
  dataCategories: ['name', 'government-id', 'financial'],
  encrypted: false,
  risk: 'high',
};

describe('cli assess: the table a person reads', () => {
  it("names each recipient and shows the due time on the recipient's clock beside UTC", () => {
    const dir = mkdtempSync(join(tmpdir(), 'bre-assess-'));
    writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts));
    const r = cli('assess', '--facts', join(dir, 'facts.json'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^due \(UTC\)\s+due \(recipient's time\)\s+regime\s+recipient\s+where/);
    const row = (needle: string) => {
      const found = lines.filter((l) => l.includes(needle));
      expect(found.length).toBeGreaterThan(0);
      return found[0];
    };
    // SEC Form 8-K Item 1.05: four business days after the determination, Wed 2 (1), Thu 3 (2), Fri 4 (3),
    // Mon 7 Dec (4), at the EDGAR cut-off 17:30 EST (UTC-5) = 22:30Z.
    expect(row('Securities and Exchange Commission')).toMatch(
      /^2026-12-07 22:30:00Z\s+2026-12-07 17:30 America\/New_York\s+sec\s+Securities and Exchange Commission \(EDGAR filing\)\s+US\s/,
    );
    // The three New York authorities, each by name (GBL § 899-aa(8)(a)), on New York's clock.
    for (const name of ['New York Attorney General', 'New York Department of State', 'New York State Police'])
      expect(row(name)).toMatch(/America\/New_York\s+us-ny\s+/);
    expect(row('Affected New York residents')).toMatch(/\sUS-NY\s/);
    // Brazil: 3 working days from Mon 30 Nov 16:00 BRT: Tue 1 (1), Wed 2 (2), Thu 3 Dec (3) -> end of Thu 3 Dec
    // 23:59 BRT (UTC-3) = Fri 4 Dec 02:59:59Z: the UTC date is a day later than the recipient's.
    expect(row('Autoridade Nacional de Proteção de Dados (ANPD) (initial)')).toMatch(
      /^2026-12-04 02:59:59Z\s+2026-12-03 23:59 America\/Sao_Paulo\s+lgpd\s/,
    );
    // The Form 8-K/A is listed as conditional with what triggers it, and no clock.
    const conditional = r.stdout.slice(r.stdout.indexOf('Conditional (no clock until the event is recorded):'));
    expect(conditional).toMatch(
      /sec:8-k-amendment:US to Securities and Exchange Commission \(EDGAR filing\): only if .*undetermined.*\(record omittedInformationAvailableAt\)/,
    );
    expect(lines.filter((l) => l.startsWith('2026-') && l.includes('8-K/A'))).toEqual([]);
  }, 60_000);
});
