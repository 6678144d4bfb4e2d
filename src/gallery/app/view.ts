import type { Scope } from '../../core/catalogue/schema.js';
import type { PatternResult, ReviewResult, SearchResult, SelectionResult } from '../../output/results.js';
import { card, scopeLabel } from '../card.js';
import { esc } from '../html.js';
import { connectToHost, PROTOCOL_VERSION } from './bridge.js';

// The MCP Apps view of search_patterns, select_pattern and review_checklist (dist/app-view.html): the
// tool's structured result as the gallery's cards, filtered by scope in place; a card's title opens the
// pattern (get_pattern through the host); a review's items are checkboxes to tick.

declare const BEK_VERSION: string;

const root = document.getElementById('app') as HTMLElement;
const host = connectToHost((method, params) => {
  if (method === 'ui/notifications/tool-result') show((params as { structuredContent?: unknown }).structuredContent);
});

function show(result: unknown) {
  const r = result as Partial<SearchResult & SelectionResult & ReviewResult>;
  if (r.results && r.query !== undefined) return showSearch(r as SearchResult);
  if (r.recommendations) return showSelection(r as SelectionResult);
  if (r.patterns && r.constraints) return showReview(r as ReviewResult);
  root.textContent = 'This result has no view.';
}

function showSearch(r: SearchResult) {
  if (r.results.length === 0) {
    root.innerHTML = `<p id="no-match">${esc(r.suggestions?.message ?? `No pattern matches "${r.query}".`)}</p>`;
    return;
  }
  const scopes = [...new Set(r.results.map((h) => h.scope))];
  const tags = scopes
    .map(
      (s) =>
        `<li><button type="button" class="tag" data-scope="${s}" aria-pressed="false">${scopeLabel(s)}</button></li>`,
    )
    .join('');
  root.innerHTML = `<h1>${r.total} match${r.total === 1 ? '' : 'es'} for "${esc(r.query)}"</h1>
<ul class="tags" aria-label="Filter by scope">${tags}</ul>
<ul class="cards">${r.results.map((h) => card(h, `#${h.id}`)).join('')}</ul><section id="doc"></section>`;
  let chosen: Scope | undefined;
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-scope]'))
    b.addEventListener('click', () => {
      chosen = chosen === b.dataset.scope ? undefined : (b.dataset.scope as Scope);
      for (const t of root.querySelectorAll<HTMLButtonElement>('button[data-scope]'))
        t.setAttribute('aria-pressed', String(t.dataset.scope === chosen));
      for (const c of root.querySelectorAll<HTMLElement>('.card')) c.hidden = !!chosen && c.dataset.scope !== chosen;
    });
}

function showSelection(s: SelectionResult) {
  const named = [
    ...s.recommendations.map((r) => ({ id: r.id, title: r.title, summary: `${r.requirement}: ${r.why}` })),
    ...s.supporting.map((r) => ({ id: r.id, title: r.title, summary: r.why })),
  ];
  const declined = s.rejected.map((r) => `<li>${esc(r.title)}: ${esc(r.why)}</li>`).join('');
  root.innerHTML = `<h1>Patterns for these requirements</h1>
<ul class="cards">${named.map((p) => card(p, `#${p.id}`)).join('')}</ul>
${declined ? `<h2>Declined</h2><ul class="links">${declined}</ul>` : ''}
<h2>Constraints</h2><ul class="links">${s.constraints.map((c) => `<li>${esc(c)}</li>`).join('')}</ul><section id="doc"></section>`;
}

function showReview(r: ReviewResult) {
  const items = (list: { id: string; text: string }[]) =>
    `<ul class="checklist">${list.map((i) => `<li><label><input type="checkbox" data-item="${esc(i.id)}"> ${esc(i.text)}</label></li>`).join('')}</ul>`;
  root.innerHTML = `<h1>${esc(r.review?.title ?? 'Review checklist')}</h1><p class="count" id="ticked">0 of ${r.total} ticked</p>
<h2>Constraints</h2>${items(r.constraints)}
${r.patterns.map((p) => `<h2>${esc(p.title)}</h2>${items(p.items)}`).join('')}`;
}

root.addEventListener('change', () => {
  const counter = document.getElementById('ticked');
  const boxes = root.querySelectorAll('input[data-item]');
  if (counter)
    counter.textContent = `${root.querySelectorAll('input[data-item]:checked').length} of ${boxes.length} ticked`;
});

// A card's title opens its pattern below the cards: get_pattern, called on the server through the host.
root.addEventListener('click', async (e) => {
  const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('.card h3 a');
  if (!link) return;
  e.preventDefault();
  const doc = document.getElementById('doc') as HTMLElement;
  doc.textContent = 'Opening…';
  try {
    const result = await host.request<{ structuredContent?: PatternResult }>('tools/call', {
      name: 'get_pattern',
      arguments: { id: link.hash.slice(1) },
    });
    const p = result.structuredContent;
    if (!p) throw new Error('get_pattern returned no document');
    doc.innerHTML = `<h2>${esc(p.title)}</h2>${p.sections.map((s) => `<h3>${esc(s.name)}</h3><pre class="doc-text">${esc(s.text)}</pre>`).join('')}`;
  } catch (error) {
    doc.textContent = `Could not open the pattern: ${(error as Error).message}`;
  }
});

host
  .request('ui/initialize', {
    appInfo: { name: 'bek-patterns', version: BEK_VERSION },
    appCapabilities: {},
    protocolVersion: PROTOCOL_VERSION,
  })
  .then(() => host.notify('ui/notifications/initialized'))
  .catch((error: Error) => {
    root.textContent = `The host refused the view: ${error.message}`;
  });
