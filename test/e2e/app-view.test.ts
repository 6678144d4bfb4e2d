import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchedPage } from '../helpers/browser.js';
import { connectBuilt } from '../helpers/mcp.js';

// MCP Apps (issue 16): the built server links its view from three tools and serves it as an MCP App; in
// Chromium, a minimal host (the spec's JSON-RPC over postMessage) renders the view in a sandboxed iframe
// with real tool results, and the view calls get_pattern back through the host.

const VIEW = 'ui://bek/patterns.html';
const MIME = 'text/html;profile=mcp-app';

let client: Client;
let browser: Browser;

beforeAll(async () => {
  [client, browser] = await Promise.all([connectBuilt(), launchChromium()]);
  mkdirSync(join(import.meta.dirname, '../../.gallery-shots'), { recursive: true });
}, 60_000);
afterAll(async () => {
  await client?.close();
  await browser?.close();
});

describe('the MCP Apps view over a real client', () => {
  it('is linked from search_patterns, select_pattern and review_checklist only', async () => {
    const { tools } = await client.listTools();
    const linked = tools.filter((t) => (t._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri === VIEW);
    expect(linked.map((t) => t.name).sort()).toEqual(['review_checklist', 'search_patterns', 'select_pattern']);
    for (const t of linked) expect(t._meta?.['ui/resourceUri']).toBe(VIEW);
  });

  it('is served as text/html;profile=mcp-app, one self-contained page with the gallery cards', async () => {
    const { resources } = await client.listResources();
    expect(resources.find((r) => r.uri === VIEW)?.mimeType).toBe(MIME);
    const [content] = (await client.readResource({ uri: VIEW })).contents as { mimeType: string; text: string }[];
    expect(content?.mimeType).toBe(MIME);
    expect(content?.text).toMatch(/^<!doctype html>/);
    expect(content?.text).toContain('.card');
    expect(content?.text).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // nothing to load from elsewhere
  });

  it('leaves the results of clients without Apps as they were: text and structured content', async () => {
    const search = await client.callTool({ name: 'search_patterns', arguments: { query: 'outbox' } });
    expect((search.content as { type: string }[])[0]?.type).toBe('text');
    expect(search.structuredContent).toHaveProperty('results');
  });
});

describe('the view in a host', () => {
  /** A host page: the view in a sandboxed iframe, answering ui/initialize and forwarding tools/call to the server. */
  async function host(tool: string, args: Record<string, unknown>): Promise<{ page: Page; problems: string[] }> {
    const [content] = (await client.readResource({ uri: VIEW })).contents as { text: string }[];
    const result = await client.callTool({ name: tool, arguments: args });
    const context = await browser.newContext();
    const watched = await watchedPage(context);
    await watched.page.exposeBinding('callTool', async (_s, name: string, a: Record<string, unknown>) =>
      client.callTool({ name, arguments: a }),
    );
    await watched.page.setContent('<iframe sandbox="allow-scripts" style="width:900px;height:1400px"></iframe>');
    await watched.page.evaluate(
      ({ html, toolResult }) => {
        const frame = document.querySelector('iframe') as HTMLIFrameElement;
        const callTool = (window as unknown as { callTool(n: string, a: unknown): Promise<unknown> }).callTool;
        window.addEventListener('message', async (e) => {
          const m = e.data as { id?: number; method?: string; params?: { name: string; arguments: unknown } };
          const reply = (result: unknown) =>
            frame.contentWindow?.postMessage({ jsonrpc: '2.0', id: m.id, result }, '*');
          if (m.method === 'ui/initialize')
            reply({
              protocolVersion: '2026-01-26',
              hostInfo: { name: 'test-host', version: '1' },
              hostCapabilities: {},
              hostContext: {},
            });
          else if (m.method === 'ui/notifications/initialized')
            frame.contentWindow?.postMessage(
              { jsonrpc: '2.0', method: 'ui/notifications/tool-result', params: toolResult },
              '*',
            );
          else if (m.method === 'tools/call' && m.params) reply(await callTool(m.params.name, m.params.arguments));
        });
        frame.srcdoc = html;
      },
      { html: content?.text ?? '', toolResult: result },
    );
    return watched;
  }

  it('shows search results as cards, filters them by scope and opens a pattern through the host', async () => {
    const { page, problems } = await host('search_patterns', { query: 'retry safely', limit: 10 });
    const view = page.frameLocator('iframe');
    const cards = view.locator('.card');
    await cards.first().waitFor();
    const total = await cards.count();
    expect(total).toBeGreaterThan(1);
    const scope = (await cards.first().getAttribute('data-scope')) ?? '';
    await view.locator(`button[data-scope="${scope}"]`).click();
    await view.locator(`button[data-scope="${scope}"][aria-pressed="true"]`).waitFor();
    const shown = await view
      .locator('.card:not([hidden])')
      .evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.scope));
    expect(new Set(shown)).toEqual(new Set([scope]));
    const title = (await cards.first().locator('h3 a').textContent()) ?? '';
    await cards.first().locator('h3 a').click();
    await view.locator('#doc h2', { hasText: title }).waitFor();
    expect(await view.locator('#doc h3').allTextContents()).toContain('Checklist');
    await page.screenshot({ path: join(import.meta.dirname, '../../.gallery-shots/app-view.png') });
    expect(problems).toEqual([]);
  });

  it('shows a review as checkboxes to tick, counting them', async () => {
    const { page, problems } = await host('review_checklist', { patterns: ['rel-outbox'] });
    const view = page.frameLocator('iframe');
    await view.locator('input[data-item]').first().waitFor();
    await view.locator('input[data-item]').first().check();
    await view.locator('#ticked', { hasText: /^1 of \d+ ticked$/ }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a selection as cards', async () => {
    const { page } = await host('select_pattern', { requirements: 'public API that takes payments' });
    const view = page.frameLocator('iframe');
    await view.locator('.card').first().waitFor();
    expect(await view.locator('.card h3').allTextContents()).toContain('Idempotency Keys');
  });
});
