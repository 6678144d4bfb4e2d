import type { Pattern } from '../core/catalogue/types.js';
import { REVIEWS } from '../core/review/reviews.js';
import { scopeLabel, scopesOf } from './card.js';
import { esc, type PageSpec } from './html.js';

// The selection and review pages. Served by `bek serve --http`, their forms ask the server's JSON endpoints
// (the same engine calls select_pattern and review_checklist make); in a static export there is no engine
// to ask, so the page shows the `bek` command that gives the same answer.

const commandBlock = (example: string) => `<div class="run" id="command-box">
<p>This copy of the gallery is static: run this command for the answer.</p>
<pre class="cmd"><code id="command">${esc(example)}</code></pre>
</div>`;

/** select.html: requirements in, the selection out (or the command that gives it). */
export function selectPage(): PageSpec {
  const main = `<h1>Select patterns for a system</h1>
<p class="lead">Describe the system in plain words (users, data, integrations, scale, teams): the skill's selection matrix names the patterns to use with the evidence and caveats, what it declines, and the constraints that always hold.</p>
<form id="select-form" class="tool" method="get" action="select.html">
<label for="requirements">Requirements</label>
<textarea id="requirements" name="requirements" rows="5" minlength="3" maxlength="4000" required placeholder="public API for payments with webhooks, 2 teams, Postgres"></textarea>
<button type="submit">Select patterns</button>
</form>
${commandBlock('bek select "public API for payments with webhooks"')}
<section id="answer" aria-labelledby="h-answer" aria-live="polite" hidden><h2 id="h-answer">Selection</h2><div id="answer-body"></div></section>`;
  return {
    path: 'select.html',
    title: 'Select patterns · bek',
    description: 'Requirements in, the ranked patterns with evidence and caveats out',
    kind: 'select',
    main,
  };
}

/** review.html: chosen patterns (and a named review) in, the merged checklist out (or the command). */
export function reviewPage(patterns: readonly Pattern[]): PageSpec {
  const groups = scopesOf(patterns)
    .map((s) => {
      const boxes = patterns
        .filter((p) => p.scope === s)
        .map(
          (p) =>
            `<li><label><input type="checkbox" name="patterns" value="${p.id}"> ${esc(p.title)} <code>${p.id}</code></label></li>`,
        )
        .join('');
      return boxes ? `<fieldset><legend>${scopeLabel(s)}</legend><ul class="boxes">${boxes}</ul></fieldset>` : '';
    })
    .join('\n');
  const reviews = Object.entries(REVIEWS)
    .map(([name, r]) => `<option value="${name}">${esc(r.title)}</option>`)
    .join('');
  const main = `<h1>Review checklist</h1>
<p class="lead">Choose the patterns you applied, or a named review: one merged checklist, the absolute constraints first, each item once.</p>
<form id="review-form" class="tool" method="get" action="review.html">
<label for="review">Named review</label>
<select id="review" name="review"><option value="">none</option>${reviews}</select>
${groups}
<button type="submit">Build the checklist</button>
</form>
${commandBlock('bek review api-idempotency-keys rel-outbox')}
<section id="answer" aria-labelledby="h-answer" aria-live="polite" hidden><h2 id="h-answer">Checklist</h2><div id="answer-body"></div></section>`;
  return {
    path: 'review.html',
    title: 'Review checklist · bek',
    description: 'One merged checklist for the patterns you applied',
    kind: 'review',
    main,
  };
}
