import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs; playwright-core ships no browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium that stays off any network it is not pointed at. playwright-core's launch gives it a fresh
 * --user-data-dir of its own (a temporary profile, removed when the browser closes).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * A page that records what must not happen: console errors, uncaught exceptions and Content-Security-Policy
 * violations (each securitypolicyviolation event the page sees is reported through a binding).
 */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeBinding('bekReportViolation', (_source, text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { bekReportViolation(text: string): void }).bekReportViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return { page, problems };
}
