import type { ReviewResult, SelectionResult } from '../../output/results.js';
import { byId, el } from './dom.js';

// The selection and review pages. Served (body data-api), the form asks the server's JSON endpoint;
// in a static export it writes the `bek` command that gives the same answer.

const root = () => document.body.dataset.root ?? '';
const api = () => document.body.dataset.api;
const quote = (s: string) => `"${s.replace(/["\\$`]/g, '\\$&')}"`;
const link = (id: string, title: string) => el('a', { href: `${root()}patterns/${id}.html` }, title);

/** Runs `ask` against the endpoint when served, or shows `command` when static. */
function wire(form: HTMLFormElement, command: () => string, ask: () => Promise<Node[]>) {
  const box = byId('command-box');
  const code = byId('command');
  const answer = byId('answer');
  const body = byId('answer-body');
  if (api()) box.hidden = true;
  const update = () => {
    code.textContent = command();
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    update();
    if (!api()) return code.focus();
    answer.hidden = false;
    body.replaceChildren(el('p', {}, 'Asking the server…'));
    try {
      body.replaceChildren(...(await ask()));
    } catch (error) {
      body.replaceChildren(el('p', { class: 'error', role: 'alert' }, (error as Error).message));
    }
  });
  code.tabIndex = -1;
  update();
  // A shared link (the form's own GET, e.g. review.html?patterns=rel-outbox) is answered at once when served.
  if (api() && location.search) form.requestSubmit();
}

/** GETs one of the gallery's JSON endpoints; a refusal becomes an Error with the server's message. */
async function getJson<T>(path: string, params: URLSearchParams): Promise<T> {
  const response = await fetch(`${root()}${api()}${path}?${params}`, { headers: { Accept: 'application/json' } });
  const body = (await response.json()) as T & { title?: string };
  if (!response.ok) throw new Error(body.title ?? `The server answered ${response.status}`);
  return body;
}

/** select.html */
export function selectTool(): void {
  const form = byId<HTMLFormElement>('select-form');
  const text = byId<HTMLTextAreaElement>('requirements');
  const given = new URLSearchParams(location.search).get('requirements');
  if (given) text.value = given;
  wire(
    form,
    () => `bek select ${quote(text.value.trim() || 'public API for payments with webhooks')}`,
    async () =>
      renderSelection(await getJson<SelectionResult>('select', new URLSearchParams({ requirements: text.value }))),
  );
}

function renderSelection(s: SelectionResult): Node[] {
  const list = (items: Node[]) => (items.length > 0 ? el('ul', { class: 'answer' }, ...items) : el('p', {}, 'None.'));
  return [
    el('h3', {}, 'Use'),
    list(
      s.recommendations.map((r) =>
        el(
          'li',
          {},
          link(r.id, r.title),
          ` for ${r.requirement}: ${r.why}`,
          r.caveats.length > 0 && el('ul', { class: 'caveats' }, ...r.caveats.map((c) => el('li', {}, `Caveat: ${c}`))),
        ),
      ),
    ),
    el('h3', {}, 'Supporting'),
    list(s.supporting.map((r) => el('li', {}, link(r.id, r.title), `: ${r.why}`))),
    el('h3', {}, 'Declined'),
    list(
      s.rejected.map((r) =>
        el(
          'li',
          {},
          link(r.id, r.title),
          ` for ${r.requirement}: ${r.why}`,
          r.instead.length > 0 && ` Instead: ${r.instead.join(', ')}.`,
        ),
      ),
    ),
    el('h3', {}, 'Needs found'),
    list(s.needs.map((n) => el('li', {}, el('strong', {}, n.need), `: ${n.because}`))),
    el('h3', {}, 'Constraints'),
    list(s.constraints.map((c) => el('li', {}, c))),
    el('p', { class: 'principle' }, s.principle),
  ];
}

/** review.html */
export function reviewTool(): void {
  const form = byId<HTMLFormElement>('review-form');
  const named = byId<HTMLSelectElement>('review');
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="patterns"]')];
  const params = new URLSearchParams(location.search);
  const wanted = new Set(params.getAll('patterns').flatMap((v) => v.split(',')));
  for (const b of boxes) b.checked = wanted.has(b.value);
  named.value = params.get('review') ?? '';
  const chosen = () => boxes.filter((b) => b.checked).map((b) => b.value);
  wire(
    form,
    () => {
      const ids = chosen();
      const parts = [ids.length === 0 && !named.value ? 'api-idempotency-keys rel-outbox' : ids.join(' ')];
      if (named.value) parts.push(`--review ${named.value}`);
      return `bek review ${parts.filter(Boolean).join(' ')}`;
    },
    async () => {
      const q = new URLSearchParams();
      if (chosen().length > 0) q.set('patterns', chosen().join(','));
      if (named.value) q.set('review', named.value);
      return renderReview(await getJson<ReviewResult>('review', q));
    },
  );
}

function renderReview(r: ReviewResult): Node[] {
  const items = (list: { id: string; text: string }[]) =>
    el(
      'ul',
      { class: 'checklist' },
      ...list.map((i) =>
        el('li', {}, el('label', {}, el('input', { type: 'checkbox', 'data-item': i.id }), ` ${i.text}`)),
      ),
    );
  return [
    ...(r.review ? [el('p', {}, r.review.title)] : []),
    el('h3', {}, 'Constraints'),
    items(r.constraints),
    ...r.patterns.flatMap((p) => [el('h3', {}, link(p.id, p.title)), items(p.items)]),
    el('p', { class: 'count' }, `${r.total} items`),
  ];
}
