import type { Level } from '../core/catalogue/schema.js';
import type { Pattern } from '../core/catalogue/types.js';
import { LEVELS } from '../core/catalogue/vocabulary.js';
import { card, LEVEL_LABELS, scopeLabel, scopesOf } from './card.js';
import { esc, type PageSpec, rootOf } from './html.js';

// The seed's gallery page (issue 16): scope tags that jump to a scope's section, level tags that lead to
// that level's page, so both filters work without JavaScript and combine (a level page has the same scope
// anchors); with JavaScript the same tags filter in place, together with the search box.

const QUICK_START = `# Search patterns
bek search "error handling"

# Filter by scope
bek search "authentication" --scope security

# List all patterns
bek list --type pattern`;

/** The path of the gallery's page for one level, or of the whole gallery. */
export const levelPath = (level?: Level): string => (level ? `level/${level}.html` : 'index.html');

/** The index (no level) or one level's page, with `command(p)` on each card. */
export function indexPage(
  patterns: readonly Pattern[],
  command: (p: Pattern) => string,
  quickStart: (code: string) => string,
  level?: Level,
): PageSpec {
  const path = levelPath(level);
  const root = rootOf(path);
  const shown = patterns.filter((p) => !level || p.level === level);
  const scopes = scopesOf(shown);
  const scopeTags = [`<li><a class="tag" href="#groups" data-scope="">All scopes</a></li>`]
    .concat(scopes.map((s) => `<li><a class="tag scope-${s}" href="#${s}" data-scope="${s}">${scopeLabel(s)}</a></li>`))
    .join('');
  const levelTags = [undefined, ...LEVELS]
    .map((l) => {
      const current = l === level ? ' aria-current="page"' : '';
      const label = l ? LEVEL_LABELS[l] : 'All levels';
      return `<li><a class="tag level-${l ?? 'all'}" href="${root}${levelPath(l)}" data-level="${l ?? ''}"${current}>${label}</a></li>`;
    })
    .join('');
  const sections = scopes
    .map((s) => {
      const cards = shown.filter((p) => p.scope === s);
      return `<section class="scope-group" id="${s}" aria-labelledby="h-${s}">
<h2 id="h-${s}">${scopeLabel(s)} patterns <span class="n">(${cards.length})</span></h2>
<ul class="cards">
${cards.map((p) => card(p, `${root}patterns/${p.id}.html`, command(p))).join('\n')}
</ul>
</section>`;
    })
    .join('\n');
  const what = level ? `${LEVEL_LABELS[level].toLowerCase()} pattern` : 'pattern';
  const count = `${shown.length} ${what}${shown.length === 1 ? '' : 's'}`;
  const main = `<h1>Pattern Gallery${level ? `: ${LEVEL_LABELS[level]}` : ''}</h1>
<p class="lead">Browse production-ready patterns organized by scope and difficulty level.</p>
<form class="search" id="search" role="search" hidden>
<label for="q">Search patterns</label>
<input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="a problem, a symptom or a name: charged twice, idempotncy">
</form>
<div class="filters">
<nav aria-label="Filter by scope"><h2 class="label" id="f-scope">Filter by scope</h2><ul class="tags">${scopeTags}</ul></nav>
<nav aria-label="Filter by level"><h2 class="label" id="f-level">Filter by level</h2><ul class="tags">${levelTags}</ul></nav>
</div>
<p class="count" id="count" role="status" data-total="${shown.length}">${count}</p>
<section id="results" aria-labelledby="h-results" hidden><h2 id="h-results">Search results</h2><p id="no-match" hidden></p><ul class="cards" id="hits"></ul></section>
<div id="groups">
${sections}
</div>
<section class="quick-start" aria-labelledby="h-quick"><h2 id="h-quick">Quick Start</h2>
${quickStart(QUICK_START)}
<p>Run <code>bek list --type pattern</code> to see the current count of available patterns (${esc(String(patterns.length))} in this catalogue).</p>
</section>`;
  return {
    path,
    title: level ? `${LEVEL_LABELS[level]} patterns · bek` : 'Pattern Gallery · bek',
    description: 'Browse all backend engineering patterns by scope and level',
    kind: 'index',
    main,
  };
}
