import { LEVELS } from '../../core/catalogue/vocabulary.js';
import type { Level } from '../../core/catalogue/schema.js';
import { withFuzzy } from '../../core/search/index.js';
import { searchIndex } from '../../core/search/search.js';
import { fromSearchData, type SearchData } from '../search-data.js';
import { byId, el } from './dom.js';

declare const BEK_SEARCH: SearchData;

/** search_patterns' largest limit: the gallery lists every good match the tool could return. */
const MOST_RESULTS = 50;

const isLevel = (s: string): s is Level => (LEVELS as readonly string[]).includes(s);

/** The index and level pages: the scope and level tags filter in place, the search box ranks with the core's search. */
export function gallery(): void {
  const index = withFuzzy(BEK_SEARCH.patterns, fromSearchData(BEK_SEARCH));
  const cards = [...document.querySelectorAll<HTMLElement>('#groups .card')];
  const byCard = new Map(cards.map((c) => [c.dataset.id ?? '', c]));
  const groups = [...document.querySelectorAll<HTMLElement>('.scope-group')];
  const scopeTags = [...document.querySelectorAll<HTMLAnchorElement>('a[data-scope]')];
  const levelTags = [...document.querySelectorAll<HTMLAnchorElement>('a[data-level]')];
  const form = byId<HTMLFormElement>('search');
  const input = byId<HTMLInputElement>('q');
  const count = byId('count');
  const results = byId('results');
  const hits = byId('hits');
  const noMatch = byId('no-match');
  const total = Number(count.dataset.total);
  const pageLevel = levelTags.find((a) => a.getAttribute('aria-current') === 'page')?.dataset.level ?? '';
  // On a level's page the other levels' cards are not there: its level tags stay links to the other pages.
  const allCards = pageLevel === '';
  // The scopes of this catalogue's patterns, team scopes included.
  const scopes = new Set(BEK_SEARCH.patterns.map((p) => p.scope));
  const isScope = (s: string) => scopes.has(s);
  const state: { scope?: string; level?: Level; query: string } = { query: '' };
  const hash = decodeURIComponent(location.hash.slice(1));
  if (isScope(hash)) state.scope = hash;
  if (isLevel(pageLevel)) state.level = pageLevel;

  const apply = () => {
    // The chosen tag of each filter is the current one (links take aria-current, not aria-pressed).
    for (const a of scopeTags) current(a, a.dataset.scope === (state.scope ?? ''));
    if (allCards) for (const a of levelTags) current(a, a.dataset.level === (state.level ?? ''));
    const query = state.query.trim();
    results.hidden = query === '';
    byId('groups').hidden = query !== '';
    if (query !== '') return showHits(query);
    let shown = 0;
    for (const c of cards) {
      c.hidden =
        (state.scope && c.dataset.scope !== state.scope) || (state.level && c.dataset.level !== state.level) || false;
      if (!c.hidden) shown++;
    }
    for (const g of groups) g.hidden = !g.querySelector('.card:not([hidden])');
    count.textContent = shown === total ? `${total} patterns` : `${shown} of ${total} patterns`;
  };

  const showHits = (query: string) => {
    const outcome = searchIndex(index, query.slice(0, 500), {
      scope: state.scope,
      level: state.level,
      limit: MOST_RESULTS,
    });
    hits.replaceChildren(...outcome.hits.map((h) => copyOf(byCard.get(h.id))).filter((c) => c !== undefined));
    noMatch.hidden = outcome.hits.length > 0;
    if (outcome.suggestions) {
      const closest = outcome.suggestions.closest.map((c) =>
        el('li', {}, el('a', { href: `${document.body.dataset.root ?? ''}patterns/${c.id}.html` }, c.title)),
      );
      noMatch.replaceChildren(
        outcome.suggestions.message,
        closest.length > 0 ? el('span', { class: 'closest' }, ' Closest: ') : '',
        closest.length > 0 ? el('ul', { class: 'links' }, ...closest) : '',
      );
    }
    const n = outcome.total;
    count.textContent = n === 0 ? 'No pattern matches' : `${n} match${n === 1 ? '' : 'es'} for "${query}"`;
  };

  form.hidden = false;
  form.addEventListener('submit', (e) => e.preventDefault());
  input.addEventListener('input', () => {
    state.query = input.value;
    apply();
  });
  for (const a of scopeTags)
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const s = a.dataset.scope ?? '';
      state.scope = isScope(s) && state.scope !== s ? s : undefined;
      history.replaceState(null, '', state.scope ? `#${state.scope}` : location.pathname + location.search);
      apply();
    });
  if (allCards)
    for (const a of levelTags)
      a.addEventListener('click', (e) => {
        e.preventDefault();
        const l = a.dataset.level ?? '';
        state.level = isLevel(l) && state.level !== l ? l : undefined;
        apply();
      });
  apply();
}

function current(a: HTMLAnchorElement, on: boolean) {
  if (on) a.setAttribute('aria-current', 'true');
  else a.removeAttribute('aria-current');
}

/** A card for the results list: the gallery's own card, with ids made unique. */
function copyOf(card: HTMLElement | undefined): HTMLElement | undefined {
  if (!card) return undefined;
  const copy = card.cloneNode(true) as HTMLElement;
  copy.hidden = false;
  copy.removeAttribute('id');
  const heading = copy.querySelector('h3');
  const article = copy.querySelector('article');
  if (heading && article) {
    heading.id = `hit-${card.dataset.id}`;
    article.setAttribute('aria-labelledby', heading.id);
  }
  return copy;
}
