// The gallery's index page in headless Chromium (issue 16): what it transfers and how soon it renders,
// served by the built `bek serve --http` (gzip) and opened from a static export (file://). Each sample is
// a fresh browser context, so nothing comes from the cache. Run with `npm run bench:gallery` (builds first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/helpers/browser.js';
import { serveBuilt } from '../test/helpers/serve.js';
import { median, ms, printSection } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = 7;

interface Sample {
  /** Bytes on the wire for the page and what it loads (headers excluded), from Resource Timing. */
  transfer: number;
  /** The same resources decoded. */
  decoded: number;
  firstContentfulPaint: number;
  /** When the script has run: the search box is shown. */
  interactive: number;
}

async function sample(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#search:not([hidden])');
  const s = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const all = [nav, ...resources];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return {
      transfer: all.reduce((n, r) => n + r.encodedBodySize, 0),
      decoded: all.reduce((n, r) => n + r.decodedBodySize, 0),
      firstContentfulPaint: fcp,
      interactive: performance.now(),
    };
  });
  await context.close();
  return s;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(browser: Browser, label: string, url: string) {
  await sample(browser, url); // warm-up: the server renders and compresses each file once
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(browser, url));
  printSection(`${label}: ${url}`, [
    { label: 'transfer (index.html + CSS + JS, bodies)', value: kb(median(samples.map((s) => s.transfer))) },
    { label: 'decoded size', value: kb(median(samples.map((s) => s.decoded))) },
    {
      label: `first contentful paint, median of ${SAMPLES}`,
      value: ms(median(samples.map((s) => s.firstContentfulPaint))),
    },
    { label: 'search box ready (script ran)', value: ms(median(samples.map((s) => s.interactive))) },
  ]);
}

const out = join(mkdtempSync(join(tmpdir(), 'bek-gallery-bench-')), 'site');
const [browser, served] = await Promise.all([launchChromium(), serveBuilt()]);
try {
  execFileSync(process.execPath, ['dist/cli.js', 'gallery', '--out', out], { cwd: ROOT });
  await measure(browser, 'served (gzip)', served.url.replace(/\/mcp$/, '/'));
  await measure(browser, 'static export', pathToFileURL(join(out, 'index.html')).href);
  const size = (f: string) => statSync(join(out, f)).size;
  printSection('static export files', [
    { label: 'index.html', value: kb(size('index.html')) },
    { label: 'assets/gallery.js (search data + script)', value: kb(size('assets/gallery.js')) },
    { label: 'assets/gallery.css', value: kb(size('assets/gallery.css')) },
  ]);
} finally {
  await browser.close();
  served.child.kill('SIGTERM');
  rmSync(join(out, '..'), { recursive: true, force: true });
}
