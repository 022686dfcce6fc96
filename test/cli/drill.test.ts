import { runDrill } from '../../cli/drill';
import { UsageError } from '../../cli/assess';

describe('cli drill', () => {
  it('rehearse: slow approvers miss the GDPR 72 hours; the report says by how much and the exit code is 1', async () => {
    let out = '';
    const progress: string[] = [];
    const code = await runDrill(
      ['rehearse', '--scenario', 'ransomware-eu', '--delay', 'manager=80', '--delay', 'legal=80', '--json'],
      (s) => {
        out += s;
      },
      (s) => progress.push(s),
    );
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      missedLegalDeadline: boolean;
      verdict: string[];
      obligations: { id: string; met: boolean | null; marginHours: number }[];
    };
    expect(report.missedLegalDeadline).toBe(true);
    // Drafted at the start (Mon 2 March 07:00Z), due 72 h later; approvals come 80 h after the draft, and the send follows.
    const de = report.obligations.find((o) => o.id === 'gdpr:authority:DE')!;
    expect(de.met).toBe(false);
    expect(de.marginHours).toBe(-8);
    expect(report.verdict).toEqual([
      expect.stringMatching(
        /^With this plan and these response times you miss gdpr:authority:DE \(GDPR Art\. 33\(1\).*\) by 8 hours\.$/,
      ),
    ]);
    expect(progress.join('')).toMatch(/running the scenario in skipped time/);
  }, 120_000);

  it('refuses a malformed --delay and an unknown scenario before starting anything', async () => {
    await expect(
      runDrill(['rehearse', '--scenario', 'ransomware-eu', '--delay', 'ceo=1'], () => undefined),
    ).rejects.toThrow(UsageError);
    await expect(runDrill(['rehearse', '--scenario', 'nope'], () => undefined)).rejects.toThrow(
      /scenario "nope" not found/,
    );
    await expect(runDrill(['launch'], () => undefined)).rejects.toThrow(/usage: cli drill/);
  });
});
