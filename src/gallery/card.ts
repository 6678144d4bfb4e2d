import type { Level, Scope } from '../core/catalogue/schema.js';
import type { Pattern } from '../core/catalogue/types.js';
import type { Engine } from '../core/engine.js';
import { esc } from './html.js';

// The card of one pattern: the one rendering of a pattern's title, scope, level, summary and command.

export const SCOPE_LABELS: Record<Scope, string> = {
  api: 'API',
  database: 'Database',
  security: 'Security',
  reliability: 'Reliability',
  observability: 'Observability',
  architecture: 'Architecture',
};

export const LEVEL_LABELS: Record<Level, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/**
 * The `bek search` command that finds this pattern first: its title, or else the words of its id, in its
 * scope. Checked against the engine here, so no card shows a command that answers with another pattern.
 */
export function searchCommand(engine: Engine, p: Pattern): string {
  const tries = [p.title.toLowerCase(), p.id.replace(/^[a-z]+-/, '').replaceAll('-', ' ')];
  const query = tries.find((q) => engine.search(q, { scope: p.scope, limit: 1 }).hits[0]?.id === p.id) ?? p.id;
  return `bek search "${query.replaceAll('"', '')}" --scope ${p.scope}`;
}

/** A card as a list item; `href` leads to the pattern's page. */
export function card(
  p: Pick<Pattern, 'id' | 'title' | 'scope' | 'level' | 'summary'>,
  href: string,
  command: string,
): string {
  return `<li class="card" id="card-${p.id}" data-id="${p.id}" data-scope="${p.scope}" data-level="${p.level}">
<article aria-labelledby="t-${p.id}">
<h3 id="t-${p.id}"><a href="${esc(href)}">${esc(p.title)}</a></h3>
<p class="meta"><span class="level level-${p.level}">${LEVEL_LABELS[p.level]}</span> <span class="scope scope-${p.scope}">${SCOPE_LABELS[p.scope]}</span></p>
<p class="summary">${esc(p.summary)}</p>
<pre class="cmd"><code>${esc(command)}</code></pre>
</article>
</li>`;
}
