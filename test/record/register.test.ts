/** The breach register from the ledger: drills excluded, "no notice" explained, CSV safe to open in a spreadsheet. */
import { parse } from 'csv-parse/sync';
import type { Ledger } from '../../activities/ledger/ledger';
import { breachRegisterCsv, buildBreachRegister, csvCell } from '../../activities/record/register';
import type { Db } from '../../activities/store/db';
import { appendSteps, openLedger, unnotifiedIncident } from './fixtures';

describe('breach register', () => {
  let db: Db;
  let ledger: Ledger;
  beforeAll(async () => {
    ({ db, ledger } = await openLedger());
    await appendSteps(ledger, 'INC-small', unnotifiedIncident('Misdirected mail'));
    await appendSteps(ledger, 'INC-small', [
      {
        action: 'external.no-notice-reason',
        at: '2026-03-01T10:00:00.000Z',
        actor: 'lea',
        payload: { role: 'legal', reason: 'The colleague deleted the mail unread; confirmed in writing.' },
      },
    ]);
    await appendSteps(ledger, 'DRILL-quarterly-20260301T080000', unnotifiedIncident('Drill: ransomware'));
    const tricky = unnotifiedIncident('Quotes "here", commas, and\na new line');
    (tricky[0].payload.facts as Record<string, unknown>).nature = '=HYPERLINK("http://evil.example","click")';
    (tricky[0].payload.facts as Record<string, unknown>).measuresTaken = '+1 password reset; @all informed';
    await appendSteps(ledger, 'INC-tricky', tricky);
  }, 60_000);
  afterAll(async () => db.close());

  it('has one row per real incident, drills excluded, and says why no notice was given', async () => {
    const register = await buildBreachRegister({ ledger, now: () => new Date('2026-03-05T00:00:00Z') });
    expect(register.rows.map((r) => r.incidentId)).toEqual(['INC-small', 'INC-tricky']);
    const small = register.rows[0];
    expect(small).toMatchObject({
      title: 'Misdirected mail',
      notified: false,
      peopleAffected: 5,
      dataCategories: ['name'],
      countries: ['DE'],
      risk: 'unlikely',
      obligations: [],
      chainOk: true,
    });
    expect(small.noNoticeReasons[0]).toBe(
      'Recorded by lea at 2026-03-01T10:00:00.000Z: The colleague deleted the mail unread; confirmed in writing.',
    );
    expect(small.noNoticeReasons.join(' ')).toMatch(/No rule of rule set rules@test required a notice/);
    expect(small.noNoticeReasons.join(' ')).toMatch(/assessed as unlikely .* GDPR Art\. 33\(1\)/);
  });

  it('writes RFC 4180 CSV that parses back to the same cells, with formula-like cells defused', async () => {
    const register = await buildBreachRegister({ ledger, now: () => new Date('2026-03-05T00:00:00Z') });
    const csv = breachRegisterCsv(register);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toMatch(/^"incident","title",/);
    const rows = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows.map((r) => r.incident)).toEqual(['INC-small', 'INC-tricky']);
    const tricky = rows[1];
    expect(tricky.title).toBe('Quotes "here", commas, and\na new line');
    expect(tricky.nature).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(tricky['measures taken']).toBe(`'+1 password reset; @all informed`);
    expect(tricky.notified).toBe('no');
    expect(tricky['why no notice']).toMatch(/unlikely/);
    expect(rows[0]['people affected (approx.)']).toBe('5');

    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('plain "quoted"')).toBe('"plain ""quoted"""');
  });
});
