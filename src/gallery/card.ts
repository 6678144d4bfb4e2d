import type { Level, Scope } from '../core/catalogue/schema.js';
import { SCOPES } from '../core/catalogue/vocabulary.js';
import { esc } from './html.js';

// The card of one pattern: the one rendering of a pattern's title, scope, level, summary and command.

const SCOPE_LABELS: Record<Scope, string> = {
  api: 'API',
  database: 'Database',
  security: 'Security',
  reliability: 'Reliability',
  observability: 'Observability',
  architecture: 'Architecture',
};

/** The scopes these patterns use: the built-in ones in their order, then team scopes as first met. */
export const scopesOf = (patterns: readonly { scope: string }[]): string[] =>
  [...new Set<string>([...SCOPES, ...patterns.map((p) => p.scope)])].filter((s) => patterns.some((p) => p.scope === s));

/** A scope's name as shown: a built-in one's label, or a team scope's kebab-case name in words ("internal platform"). */
export const scopeLabel = (scope: string): string =>
  Object.hasOwn(SCOPE_LABELS, scope)
    ? SCOPE_LABELS[scope as Scope]
    : scope.charAt(0).toUpperCase() + scope.slice(1).replaceAll('-', ' ');

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
  scope?: string;
  level?: Level;
}

/** A card as a list item; `href` leads to the pattern's page, `command` (when given) is shown under the summary. */
export function card(p: CardData, href: string, command?: string): string {
  const data = `${p.scope ? ` data-scope="${p.scope}"` : ''}${p.level ? ` data-level="${p.level}"` : ''}`;
  const meta =
    p.scope && p.level
      ? `\n<p class="meta"><span class="level level-${p.level}">${LEVEL_LABELS[p.level]}</span> <span class="scope scope-${p.scope}">${scopeLabel(p.scope)}</span></p>`
      : '';
  return `<li class="card" id="card-${esc(p.id)}" data-id="${esc(p.id)}"${data}>
<article aria-labelledby="t-${esc(p.id)}">
<h3 id="t-${esc(p.id)}"><a href="${esc(href)}">${esc(p.title)}</a></h3>${meta}
<p class="summary">${esc(p.summary)}</p>${command ? `\n<pre class="cmd"><code>${esc(command)}</code></pre>` : ''}
</article>
</li>`;
}
