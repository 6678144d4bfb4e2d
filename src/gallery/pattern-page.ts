import type { Pattern } from '../core/catalogue/types.js';
import { LEVEL_LABELS, scopeLabel } from './card.js';
import { esc, type PageSpec } from './html.js';

/** A pattern's page: its document rendered (`bodyHtml`, without its `# Title` line), then related patterns and sources. */
export function patternPage(p: Pattern, bodyHtml: string, title: (id: string) => string, command: string): PageSpec {
  // The document's own Related section links its `related` ids with the reason for each; any it leaves out are listed here.
  const unlinked = p.related.filter((id) => !bodyHtml.includes(`href="${id}.html"`));
  const related =
    unlinked.length === 0
      ? ''
      : `<section aria-labelledby="see-also"><h2 id="see-also">See also</h2><ul class="links">${unlinked
          .map((id) => `<li><a href="${id}.html">${esc(title(id))}</a></li>`)
          .join('\n')}</ul></section>`;
  const sources = p.sources.map((url) => `<li><a href="${esc(url)}" rel="noreferrer">${esc(url)}</a></li>`).join('\n');
  const main = `<nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">Gallery</a> / <a href="../index.html#${p.scope}">${scopeLabel(p.scope)}</a></nav>
<article class="doc" aria-labelledby="title">
<header>
<h1 id="title">${esc(p.title)}</h1>
<p class="meta"><span class="level level-${p.level}">${LEVEL_LABELS[p.level]}</span> <span class="scope scope-${p.scope}">${scopeLabel(p.scope)}</span> <code>${p.id}</code> <span>updated ${esc(p.updated)}</span></p>
<p class="summary">${esc(p.summary)}</p>
<pre class="cmd"><code>${esc(command)}</code></pre>
</header>
${bodyHtml}
${related}
<section aria-labelledby="doc-sources"><h2 id="doc-sources">Sources</h2><ul class="links">${sources}</ul></section>
<p><a class="button" href="../review.html?patterns=${p.id}">Review with this checklist</a></p>
</article>`;
  return {
    path: `patterns/${p.id}.html`,
    title: `${p.title} · bek patterns`,
    description: p.summary,
    kind: 'pattern',
    main,
  };
}
