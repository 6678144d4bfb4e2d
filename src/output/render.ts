import { BUILT_IN } from '../core/catalogue/schema.js';
import type { ListResult, PatternResult, ReviewResult, SearchResult, SelectionResult } from './results.js';

// One renderer for both shells: the CLI prints these and the MCP tools return them as text content.

/** Where a team pattern comes from, as a suffix; nothing for a built-in one. */
function from(p: { origin: string; overrides?: string | undefined }): string {
  if (p.origin === BUILT_IN) return '';
  return p.overrides ? ` · team ${p.origin}, overrides the built-in ${p.overrides}` : ` · team ${p.origin}`;
}

export function renderSearch(r: SearchResult): string {
  if (r.results.length === 0) {
    const s = r.suggestions;
    const closest = s?.closest.map((c) => `- ${c.title} (\`${c.id}\`, ${c.scope})`).join('\n') ?? '';
    return [
      s?.message ?? `No pattern matches "${r.query}".`,
      closest && `Closest:\n${closest}`,
      s && `Scopes to try: ${s.scopes.join(', ')}`,
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  const lines = r.results.map(
    (h, i) =>
      `${i + 1}. **${h.title}** \`${h.id}\` (${h.scope}, ${h.level}, score ${h.score.toFixed(2)}${from(h)})\n   ${h.summary}`,
  );
  const more = r.total > r.results.length ? `, showing ${r.results.length}` : '';
  return `${lines.join('\n')}\n\n${r.total} match${r.total === 1 ? '' : 'es'}${more}.`;
}

export function renderList(r: ListResult): string {
  const width = Math.max(0, ...r.patterns.map((p) => p.id.length));
  const rows = r.patterns.map((p) => `${p.id.padEnd(width)}  ${p.title} (${p.scope}, ${p.level}${from(p)})`);
  return `${rows.join('\n')}\n\n${r.total} pattern${r.total === 1 ? '' : 's'}`;
}

export function renderPattern(p: PatternResult, options: { sources?: boolean } = {}): string {
  const head = `# ${p.title}\n\n\`${p.id}\` · ${p.scope} · ${p.level} · updated ${p.updated}${from(p)}\n\n${p.summary}`;
  const body = p.sections.map((s) => `## ${s.name}\n\n${s.text}`).join('\n\n');
  const sources = options.sources ? `\n\n## Sources\n\n${p.sources.map((u) => `- ${u}`).join('\n')}` : '';
  return `${head}\n\n${body}${sources}`.trim();
}

/** The first few of the ranked answer: what the text says matters most. */
const MOST_IMPORTANT = 3;

export function renderSelection(s: SelectionResult, { constraints = true } = {}): string {
  const parts: string[] = [];
  const ranked = [...s.recommendations, ...s.supporting].sort((a, b) => b.strength - a.strength);
  if (ranked.length === 0)
    parts.push(
      '## Recommended\n\nNothing in these requirements calls for a backend pattern: build the simplest thing that meets them. ' +
        'If a backend part was left out, describe it and ask again, or search the catalogue (search_patterns) for a specific problem.',
    );
  else
    parts.push(
      `Most important: ${ranked
        .slice(0, MOST_IMPORTANT)
        .map((r) => `**${r.title}**`)
        .join(', ')}.`,
    );
  if (s.recommendations.length > 0)
    parts.push(
      `## Recommended (selection matrix)\n\n${s.recommendations
        .map(
          (r) =>
            `- **${r.title}** \`${r.id}\` (matrix: ${r.requirement}): ${r.why}${r.caveats.map((c) => `\n  - Caveat: ${c}`).join('')}`,
        )
        .join('\n')}`,
    );
  if (s.rejected.length > 0) {
    parts.push(
      `## Not recommended\n\n${s.rejected.map((r) => `- **${r.title}** \`${r.id}\`: ${r.why} Instead: ${r.instead.join(', ')}.`).join('\n')}`,
    );
  }
  if (s.supporting.length > 0) {
    parts.push(
      `## ${s.recommendations.length > 0 ? 'Supporting patterns' : 'Recommended'}, strongest first\n\n${s.supporting.map((r) => `- **${r.title}** \`${r.id}\`: ${r.why}`).join('\n')}`,
    );
  }
  if (constraints)
    parts.push(`## Absolute constraints\n\n${s.constraints.map((c) => `- ${c}`).join('\n')}\n\n${s.principle}`);
  const chosen = [...s.recommendations, ...s.supporting].map((r) => `"${r.id}"`).slice(0, 20);
  if (chosen.length > 0)
    parts.push(`To validate the implementation: review_checklist with patterns [${chosen.join(', ')}] (bek review).`);
  return parts.join('\n\n');
}

/** review_checklist / `bek review`: constraints first, then each pattern's items, every item with its id. */
export function renderReview(r: ReviewResult): string {
  const item = (i: { id: string; text: string }) => `- [ ] ${i.text} \`${i.id}\``;
  const parts = [`# ${r.review?.title ?? 'Review checklist'} (${r.total} items)`];
  parts.push(`## Absolute constraints\n\n${r.constraints.map(item).join('\n')}`);
  for (const p of r.patterns)
    if (p.items.length > 0) parts.push(`## ${p.title} (\`${p.id}\`)\n\n${p.items.map(item).join('\n')}`);
  if (r.missing.length > 0) parts.push(`Not in this catalogue: ${r.missing.join(', ')}.`);
  return parts.join('\n\n');
}
