import type { Level, Scope } from '../core/catalogue/schema.js';
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

/** What a card shows: a selection's answer has no scope or level for its patterns, only why each is named. */
export interface CardData {
  id: string;
  title: string;
  summary: string;
  scope?: Scope;
  level?: Level;
}

/** A card as a list item; `href` leads to the pattern's page, `command` (when given) is shown under the summary. */
export function card(p: CardData, href: string, command?: string): string {
  const data = `${p.scope ? ` data-scope="${p.scope}"` : ''}${p.level ? ` data-level="${p.level}"` : ''}`;
  const meta =
    p.scope && p.level
      ? `\n<p class="meta"><span class="level level-${p.level}">${LEVEL_LABELS[p.level]}</span> <span class="scope scope-${p.scope}">${SCOPE_LABELS[p.scope]}</span></p>`
      : '';
  return `<li class="card" id="card-${esc(p.id)}" data-id="${esc(p.id)}"${data}>
<article aria-labelledby="t-${esc(p.id)}">
<h3 id="t-${esc(p.id)}"><a href="${esc(href)}">${esc(p.title)}</a></h3>${meta}
<p class="summary">${esc(p.summary)}</p>${command ? `\n<pre class="cmd"><code>${esc(command)}</code></pre>` : ''}
</article>
</li>`;
}
