/**
 * The record as PDF: the same HTML page, printed by headless Chromium (Debian's `chromium`, driven
 * by playwright-core; no browser is downloaded). Each rendering gets its own browser and a fresh
 * profile folder, removed afterwards, so nothing carries over between exports.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** No Chromium at the configured path: the PDF cannot be made here (the API answers 503). */
export class ChromiumUnavailable extends Error {
  override name = 'ChromiumUnavailable';
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function renderPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new ChromiumUnavailable(
      `no Chromium at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH to render PDFs`,
    );
  // Loaded here, not at the top: playwright-core costs ~0.7 s to load, and most processes never print.
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'bre-pdf-'));
  try {
    const context = await chromium
      .launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_FLAGS, offline: true })
      .catch((err: unknown) => {
        throw new ChromiumUnavailable(`Chromium at ${executablePath} did not start: ${(err as Error).message}`);
      });
    try {
      const page = await context.newPage();
      // The page is self-contained: nothing to fetch, so it is ready once set.
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
