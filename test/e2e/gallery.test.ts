import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchedPage } from '../helpers/browser.js';
import { type ServedBek, serveBuilt } from '../helpers/serve.js';

// The gallery in a real browser (issue 16): the static export from file:// and the site `bek serve --http`
// serves, driven by headless Chromium. Every step waits on a condition the page reaches, never on time.

const ROOT = join(import.meta.dirname, '../..');
const SHOTS = join(ROOT, '.gallery-shots');
const bekJson = <T>(...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, ['dist/cli.js', ...args, '--json'], { cwd: ROOT, encoding: 'utf8' })) as T;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Listed {
  total: number;
  patterns: { id: string; title: string; scope: string; level: string }[];
}

let out: string;
let browser: Browser;
let served: ServedBek;
let site: string;
const listed = bekJson<Listed>('list');
const opened: { page: Page; problems: string[] }[] = [];

/** A fresh page, remembered so that the last test can assert none of them logged an error or a CSP violation. */
async function open(url: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const watched = await watchedPage(context);
  opened.push(watched);
  await watched.page.goto(url);
  return watched.page;
}

const visibleCards = (page: Page) =>
  page.$$eval('#groups .card', (cards) =>
    cards
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((c) => ({ scope: (c as HTMLElement).dataset.scope, level: (c as HTMLElement).dataset.level })),
  );

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'bek-gallery-')), 'site');
  execFileSync(process.execPath, ['dist/cli.js', 'gallery', '--out', out], { cwd: ROOT });
  [browser, served] = await Promise.all([launchChromium(), serveBuilt()]);
  site = served.url.replace(/\/mcp$/, '');
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (served?.child.exitCode === null) served.child.kill('SIGKILL');
  if (out) rmSync(dirname(out), { recursive: true, force: true });
});

describe('the static export', () => {
  it('has no broken internal link or anchor on any page', () => {
    const pages = files(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBe(listed.total + 6);
    const ids = new Map(pages.map((f) => [f, new Set([...read(f).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))]));
    const broken: string[] = [];
    let checked = 0;
    for (const f of pages)
      for (const [, link = ''] of read(f).matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (/^(https?:|mailto:|data:)/.test(link)) continue;
        checked++;
        const [path = '', fragment] = link.replace(/&#38;/g, '&').split('#');
        const target = path === '' ? f : resolve(dirname(f), path.split('?')[0] ?? '');
        if (!existsSync(target)) broken.push(`${relative(out, f)} → ${link}`);
        else if (fragment && !ids.get(target)?.has(fragment)) broken.push(`${relative(out, f)} → ${link} (no such id)`);
      }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('filters by scope and by level with JavaScript, the two combined, and the count follows', async () => {
    const page = await open(pathToFileURL(join(out, 'index.html')).href);
    await page.waitForSelector('#search:not([hidden])');
    expect(await page.textContent('#count')).toBe(`${listed.total} patterns`);
    await page.click('a.tag[data-scope="reliability"]');
    const reliability = listed.patterns.filter((p) => p.scope === 'reliability');
    await page.waitForFunction(
      (n) => document.getElementById('count')?.textContent?.startsWith(`${n} of`),
      reliability.length,
    );
    expect(new Set((await visibleCards(page)).map((c) => c.scope))).toEqual(new Set(['reliability']));
    await page.click('a.tag[data-level="advanced"]');
    const both = reliability.filter((p) => p.level === 'advanced');
    await page.waitForFunction(
      (n) => document.getElementById('count')?.textContent?.startsWith(`${n} of`),
      both.length,
    );
    expect(await visibleCards(page)).toEqual(both.map(() => ({ scope: 'reliability', level: 'advanced' })));
    expect(await page.getAttribute('a.tag[data-level="advanced"]', 'aria-current')).toBe('true');
  });

  it('filters without JavaScript: a scope anchor shows that scope, a level page that level, and they combine', async () => {
    const page = await open(`${pathToFileURL(join(out, 'level/beginner.html')).href}#api`, { javaScript: false });
    const cards = await visibleCards(page);
    const expected = listed.patterns.filter((p) => p.scope === 'api' && p.level === 'beginner');
    expect(cards).toEqual(expected.map(() => ({ scope: 'api', level: 'beginner' })));
    expect(await page.isHidden('#search')).toBe(true);
    await page.click('a.tag[data-scope="security"]');
    await page.waitForFunction(() => location.hash === '#security');
    expect(new Set((await visibleCards(page)).map((c) => c.scope))).toEqual(new Set(['security']));
  });

  it('searches as bek search does: a typo finds the pattern, in the same order', async () => {
    const page = await open(pathToFileURL(join(out, 'index.html')).href);
    await page.fill('#q', 'idempotncy');
    await page.waitForSelector('#results:not([hidden]) .card');
    const shown = await page.$$eval('#hits .card', (cards) => cards.map((c) => (c as HTMLElement).dataset.id));
    const cli = bekJson<{ results: { id: string }[] }>('search', 'idempotncy', '--limit', '50');
    expect(shown).toEqual(cli.results.map((r) => r.id));
    expect(shown[0]).toBe('api-idempotency-keys');
  });

  it('says so when nothing matches, naming the closest titles', async () => {
    const page = await open(pathToFileURL(join(out, 'index.html')).href);
    await page.fill('#q', 'center a div with flexbox');
    await page.waitForSelector('#no-match:not([hidden])');
    expect(await page.textContent('#no-match')).toContain('No pattern matches "center a div with flexbox"');
    expect(await page.textContent('#count')).toBe('No pattern matches');
    expect(await page.$$('#hits .card')).toHaveLength(0);
  });

  it('opens a pattern from its card and follows a related link', async () => {
    const page = await open(pathToFileURL(join(out, 'index.html')).href);
    await page.click('#card-rel-outbox h3 a');
    await page.waitForSelector('h1#title');
    expect(await page.textContent('h1#title')).toBe('Outbox Pattern');
    expect(await page.$$('#checklist ~ ul input[type="checkbox"]')).not.toHaveLength(0);
    const related = page.locator('#related ~ ul a').first();
    const title = (await related.textContent()) ?? '';
    await related.click();
    await page.waitForFunction((t) => document.querySelector('h1#title')?.textContent === t, title);
    expect(page.url()).toMatch(/patterns\/[a-z0-9-]+\.html$/);
  });

  it('shows the command to run on the static selection page', async () => {
    const page = await open(pathToFileURL(join(out, 'select.html')).href);
    await page.fill('#requirements', 'chat app with websockets');
    await page.waitForFunction(() => document.getElementById('command')?.textContent?.includes('websockets'));
    expect(await page.textContent('#command')).toBe('bek select "chat app with websockets"');
  });
});

describe('the served site', () => {
  it('runs a selection on the server', async () => {
    const page = await open(`${site}/select.html`);
    await page.fill('#requirements', 'public API for payments with webhooks');
    await page.click('#select-form button');
    await page.waitForSelector('#answer-body ul.answer a');
    const shown = await page.$$eval('#answer-body ul.answer > li > a', (links) => links.map((a) => a.textContent));
    type Named = { title: string }[];
    const cli = bekJson<{ recommendations: Named; supporting: Named; rejected: Named }>(
      'select',
      'public API for payments with webhooks',
    );
    expect(shown).toEqual([...cli.recommendations, ...cli.supporting, ...cli.rejected].map((r) => r.title));
    expect(shown.length).toBeGreaterThan(0);
    expect(await page.isHidden('#command-box')).toBe(true);
  });

  it('builds a review checklist for chosen patterns, from a pattern page link', async () => {
    const page = await open(`${site}/patterns/rel-outbox.html`);
    await page.click('a.button[href*="review.html"]');
    await page.waitForSelector('#review-form');
    expect(await page.isChecked('input[value="rel-outbox"]')).toBe(true);
    // A link to the served page is answered at once: the checklist of the pattern it came from.
    const one = bekJson<{ total: number }>('review', 'rel-outbox');
    await page.locator('#answer-body .count', { hasText: new RegExp(`^${one.total} items$`) }).waitFor();
    await page.check('input[value="api-idempotency-keys"]');
    await page.click('#review-form button');
    const both = bekJson<{ total: number }>('review', 'rel-outbox', 'api-idempotency-keys');
    await page.locator('#answer-body .count', { hasText: new RegExp(`^${both.total} items$`) }).waitFor();
    expect(await page.$$('#answer-body .checklist input[type="checkbox"]')).toHaveLength(both.total);
    await page.check('#answer-body .checklist input >> nth=0');
  });

  it('meets WCAG A and AA in axe-core: no serious or critical violation on any kind of page', async () => {
    for (const path of [
      '/',
      '/patterns/api-idempotency-keys.html',
      '/select.html',
      '/review.html',
      '/level/advanced.html',
    ]) {
      const page = await open(`${site}${path}`);
      await page.evaluate(axeSource); // evaluated by the driver, not injected as an inline script the CSP would block
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const r = await axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
        });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        path,
      ).toEqual([]);
    }
  });

  it('takes screenshots of the index at desktop and phone widths and of a pattern page', async () => {
    const desktop = await open(`${site}/`);
    await desktop.waitForSelector('#search:not([hidden])');
    await desktop.screenshot({ path: join(SHOTS, 'index-desktop.png') });
    const phone = await open(`${site}/`, { width: 390 });
    await phone.waitForSelector('#search:not([hidden])');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(SHOTS, 'index-phone.png') });
    const doc = await open(`${site}/patterns/api-idempotency-keys.html`);
    await doc.screenshot({ path: join(SHOTS, 'pattern.png') });
    const phoneDoc = await open(`${site}/patterns/api-idempotency-keys.html`, { width: 390 });
    expect(await phoneDoc.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(existsSync(join(SHOTS, 'index-phone.png'))).toBe(true);
  });

  it('logged no console error and no CSP violation on any page opened above', () => {
    expect(opened.length).toBeGreaterThan(10);
    expect(opened.flatMap((o) => o.problems)).toEqual([]);
  });
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function read(file: string): string {
  return readFileSync(file, 'utf8');
}
