/**
 * The pages in Debian's headless Chromium (playwright-core), against the real app on a real port:
 * buildApp with the real worker on the time-skipping dev server. Screenshots of the incident page and
 * the record go to test-artifacts/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../activities/record/pdf';
import { incidentBody, setupUi, TOKENS, type UiEnv } from './setup';

const ARTIFACTS = join(__dirname, '../../test-artifacts');
const executablePath = chromiumPath();
const hasChromium = existsSync(executablePath);
if (!hasChromium)
  process.stderr.write(
    `SKIPPED test/ui/pages.browser.test.ts: no Chromium at ${executablePath} (install Debian's chromium or set CHROMIUM_PATH; CI installs it)\n`,
  );
const describeInChromium = hasChromium ? describe : describe.skip;

const NOTICE = 'gdpr:authority:DE';

describeInChromium('pages in Chromium', () => {
  let ui: UiEnv;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [ui, browser] = await Promise.all([
      setupUi(),
      chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS }),
    ]);
    await ui.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(ui.app.server.address() as AddressInfo).port}`;
    await ui.report(incidentBody('INC-ui-flow'));
    await ui.report(incidentBody('INC-ui-reject', { title: 'Misdirected payroll e-mail' }));
    // Aware four days before the harness's "now": GDPR's 72 hours have run out.
    await ui.report(
      incidentBody('INC-ui-late', {
        title: 'Old backup found on a public share',
        facts: { ...incidentBody('x').facts, awareAt: '2026-02-26T09:15:00Z' },
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.close();
  });

  /** A fresh browser session (its own cookies), signed in with `token` through the form. */
  async function signedIn(token: string, timezoneId = 'UTC'): Promise<Page> {
    const context = await browser.newContext({ timezoneId, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/ui/incidents`);
    expect(new URL(page.url()).pathname).toBe('/ui/sign-in');
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/ui/incidents`);
    return page;
  }

  const notice = (page: Page) => page.getByRole('region', { name: NOTICE });

  /** Reloads until the notice shows `status` (sending runs in an activity after the last approval). */
  async function untilStatus(page: Page, status: string): Promise<void> {
    for (let i = 0; i < 50; i++) {
      if ((await notice(page).locator('.badge').first().textContent()) === status) return;
      await new Promise((r) => setTimeout(r, 100));
      await page.reload();
    }
    throw new Error(`notice never reached "${status}"`);
  }

  it('a manager approves an authority notice, legal approves it, and it is sent with its evidence and ledger entries', async () => {
    const manager = await signedIn(TOKENS.manager, 'Europe/Berlin');
    // Waiting for the manager's approval, on top of the incidents page.
    const waiting = manager.getByRole('region', { name: 'Waiting for your approval' });
    await expect(waiting.getByRole('link', { name: `INC-ui-flow · ${NOTICE}` }).count()).resolves.toBe(1);
    // Times are shown in the viewer's zone (the server wrote UTC into <time datetime>).
    const due = waiting.getByRole('listitem').filter({ hasText: 'INC-ui-flow' }).locator('time');
    expect(await due.getAttribute('datetime')).toBe('2026-03-05T09:15:00.000Z');
    expect(await due.textContent()).toMatch(/10:15.*(CET|GMT\+1)/);

    await waiting.getByRole('link', { name: `INC-ui-flow · ${NOTICE}` }).click();
    await manager.waitForURL(/\/ui\/incidents\/INC-ui-flow/);
    // The preview is the notice's own HTML in a frame that runs no script, and its text as sent.
    const preview = manager.frameLocator(`iframe[title="HTML preview of ${NOTICE}"]`);
    await expect(preview.locator('body').textContent()).resolves.toContain('Beispiel GmbH');
    expect(await notice(manager).locator('iframe').getAttribute('sandbox')).toBe('');
    await expect(notice(manager).locator('pre.notice').textContent()).resolves.toContain('Beispiel GmbH');
    // Not late: no field for reasons for the delay.
    expect(await notice(manager).getByLabel('Reasons for the delay').count()).toBe(0);

    await notice(manager).getByRole('button', { name: 'Approve' }).click();
    await manager.waitForURL(/done=approved/);
    expect(await manager.getByRole('status').textContent()).toBe('Approved.');
    await expect(notice(manager).textContent()).resolves.toMatch(/1 of 2 for this version/);
    await expect(notice(manager).textContent()).resolves.toMatch(/You approved this version/);

    // The same manager approving again: the workflow refuses, and says why.
    await notice(manager).getByLabel('Reason', { exact: true }).fill('checked the numbers twice');
    await notice(manager).getByRole('button', { name: 'Approve' }).click();
    const refusal = notice(manager).getByRole('alert');
    await expect(refusal.textContent()).resolves.toMatch(
      /max already approved this version .*another approver is needed/,
    );
    expect(await notice(manager).getByLabel('Reason', { exact: true }).inputValue()).toBe('checked the numbers twice');

    const legal = await signedIn(TOKENS.legal);
    await legal.goto(`${base}/ui/incidents/INC-ui-flow`);
    await notice(legal).getByRole('button', { name: 'Approve' }).click();
    await legal.waitForURL(/done=approved/);
    await untilStatus(legal, 'sent');
    const evidence = notice(legal).getByRole('definition');
    const texts = await evidence.allTextContents();
    expect(texts.join('\n')).toMatch(/mailbox@datenschutz-berlin\.example/);
    const delivery = await notice(legal).locator('dl[aria-label="Delivery evidence"]').textContent();
    expect(delivery).toMatch(/Message-ID\s*<[^>]+>/);
    expect(delivery).toMatch(/SMTP reply/);
    expect(delivery).toMatch(/Content hash\s*[0-9a-f]{64}/);
    expect(await notice(legal).getByRole('button', { name: 'Approve' }).count()).toBe(0);
    const ledger = legal.getByRole('region', { name: 'Ledger entries' });
    const actions = await ledger.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['incident.reported', 'notice.approved', 'notice.sent']));
    const approvedBy = await ledger
      .locator('tbody tr', { hasText: 'notice.approved' })
      .locator('td:nth-child(3)')
      .allTextContents();
    expect(approvedBy).toEqual(['max', 'lea']);
    await legal.screenshot({ path: join(ARTIFACTS, 'ui-incident.png'), fullPage: true });

    // The record of the incident, from the ledger, linked from its page.
    await legal.getByRole('link', { name: 'Incident record' }).click();
    await legal.waitForURL(/\/ui\/incidents\/INC-ui-flow\/record$/);
    const record = await legal.locator('body').textContent();
    expect(record).toContain('Incident record: INC-ui-flow');
    expect(record).toMatch(/Ledger chain check: intact/);
    await legal.screenshot({ path: join(ARTIFACTS, 'ui-record.png'), fullPage: true });

    // Signing out ends the session.
    await manager.getByRole('button', { name: 'Sign out' }).click();
    await manager.waitForURL(/\/ui\/sign-in$/);
    await manager.goto(`${base}/ui/incidents/INC-ui-flow`);
    expect(new URL(manager.url()).pathname).toBe('/ui/sign-in');
  });

  it('a rejection needs a reason: refused without one, recorded with it', async () => {
    const legal = await signedIn(TOKENS.legal);
    await legal.goto(`${base}/ui/incidents/INC-ui-reject`);
    await notice(legal).getByRole('button', { name: 'Reject' }).click();
    await expect(notice(legal).getByRole('alert').textContent()).resolves.toMatch(/a rejection needs a reason/);
    await notice(legal).getByLabel('Reason', { exact: true }).fill('the number of records is not yet confirmed');
    await notice(legal).getByRole('button', { name: 'Reject' }).click();
    await legal.waitForURL(/done=rejected/);
    const decisions = await notice(legal).locator('li', { hasText: 'reject by lea' }).textContent();
    expect(decisions).toContain('the number of records is not yet confirmed');
    await expect(notice(legal).locator('.badge').first().textContent()).resolves.toBe('awaiting approval');
  });

  it('a late notice asks for the reasons for the delay; without them the workflow refuses and nothing typed is lost', async () => {
    const manager = await signedIn(TOKENS.manager);
    await manager.goto(`${base}/ui/incidents/INC-ui-late`);
    await expect(notice(manager).textContent()).resolves.toMatch(/overdue by/);
    expect(await notice(manager).locator('.urgent').count()).toBeGreaterThan(0);
    await notice(manager).getByLabel('Reason', { exact: true }).fill('approved after the call with the DPO');
    await notice(manager).getByRole('button', { name: 'Approve' }).click();
    const alert = notice(manager).getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/past its deadline .*needs delayReason/);
    expect(await notice(manager).getByLabel('Reason', { exact: true }).inputValue()).toBe(
      'approved after the call with the DPO',
    );
    await notice(manager).getByLabel('Reasons for the delay').fill('The backup was found only on 2 March.');
    await notice(manager).getByRole('button', { name: 'Approve' }).click();
    await manager.waitForURL(/done=approved/);
    await expect(notice(manager).textContent()).resolves.toContain('The backup was found only on 2 March.');
  });

  it('a responder sees the incident but no Approve or Reject', async () => {
    const responder = await signedIn(TOKENS.responder);
    expect(await responder.getByRole('region', { name: 'Waiting for your approval' }).count()).toBe(0);
    await responder.goto(`${base}/ui/incidents/INC-ui-reject`);
    await expect(notice(responder).textContent()).resolves.toContain(NOTICE);
    expect(await responder.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await responder.getByRole('button', { name: 'Reject' }).count()).toBe(0);
    expect(await responder.getByRole('region', { name: 'Ledger entries' }).count()).toBe(0);
    // Containment is theirs to confirm.
    await responder.getByLabel('Containment note').fill('laptop wiped remotely');
    await responder.getByRole('button', { name: 'Confirm containment' }).click();
    await responder.waitForURL(/done=contained/);
    await expect(responder.getByRole('region', { name: 'Containment', exact: true }).textContent()).resolves.toMatch(
      /Confirmed/,
    );
  });
});
