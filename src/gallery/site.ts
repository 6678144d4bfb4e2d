import type { Pattern } from '../core/catalogue/types.js';
import type { Engine } from '../core/engine.js';
import { LEVELS } from '../core/catalogue/vocabulary.js';
import { readAsset } from '../output/assets.js';
import { type PageSpec, page, type SiteInfo } from './html.js';
import { indexPage, levelPath } from './index-page.js';
import { markdown } from './markdown.js';
import { patternPage } from './pattern-page.js';
import { searchData } from './search-data.js';
import { reviewPage, selectPage } from './tool-pages.js';

/** One file of the site: its path inside the site (forward slashes), its media type and its content. */
export interface SiteFile {
  path: string;
  type: string;
  data: string;
}

/** The gallery of one catalogue: every path it has, and each file made on first asking (then kept). */
export interface Site {
  paths: readonly string[];
  file(path: string): SiteFile | undefined;
}

const HTML = 'text/html; charset=utf-8';

/**
 * The gallery for this engine's catalogue: the index and one page per level, a page per pattern, the
 * selection and review pages, the style sheet, and the one script (the browser bundle after the
 * catalogue's search data). Pages are rendered when first asked for: highlighting the examples of all
 * 80 documents takes seconds, and a server should not spend them before its first page.
 */
export function gallerySite(engine: Engine, info: SiteInfo): Site {
  const { patterns, byId } = engine.catalogue;
  let md: ReturnType<typeof markdown> | undefined;
  const render = (text: string) => (md ??= markdown((id) => byId.has(id))).render(text);
  const commands = new Map<string, string>();
  const command = (p: (typeof patterns)[number]) => {
    let c = commands.get(p.id);
    if (c === undefined) commands.set(p.id, (c = searchCommand(engine, p)));
    return c;
  };
  const quickStart = (code: string) => render(`\`\`\`bash\n${code}\n\`\`\``);
  const makers = new Map<string, () => SiteFile>();
  const html = (path: string, spec: () => PageSpec) =>
    makers.set(path, () => ({ path, type: HTML, data: page(spec(), info) }));
  html(levelPath(), () => indexPage(patterns, command, quickStart));
  for (const level of LEVELS) html(levelPath(level), () => indexPage(patterns, command, quickStart, level));
  for (const p of patterns)
    html(`patterns/${p.id}.html`, () =>
      patternPage(p, render(p.body.replace(/^#\s.*\n/, '')), (id) => byId.get(id)?.title ?? id, command(p)),
    );
  html('select.html', selectPage);
  html('review.html', () => reviewPage(patterns));
  makers.set('assets/gallery.css', () => ({
    path: 'assets/gallery.css',
    type: 'text/css; charset=utf-8',
    data: readAsset('gallery.css'),
  }));
  // A string literal for JSON.parse: V8 parses JSON faster than the same data as a JavaScript literal.
  makers.set('assets/gallery.js', () => ({
    path: 'assets/gallery.js',
    type: 'text/javascript; charset=utf-8',
    data: `var BEK_SEARCH=JSON.parse(${JSON.stringify(JSON.stringify(searchData(patterns)))});\n${readAsset('gallery.js')}`,
  }));
  const made = new Map<string, SiteFile>();
  return {
    paths: [...makers.keys()],
    file(path) {
      let f = made.get(path);
      const make = makers.get(path);
      if (!f && make) made.set(path, (f = make()));
      return f;
    },
  };
}

/**
 * The `bek search` command that finds this pattern first: its title, or else the words of its id, in its
 * scope. Checked against the engine here, so no card shows a command that answers with another pattern.
 */
function searchCommand(engine: Engine, p: Pattern): string {
  const tries = [p.title.toLowerCase(), p.id.replace(/^[a-z]+-/, '').replaceAll('-', ' ')];
  const query = tries.find((q) => engine.search(q, { scope: p.scope, limit: 1 }).hits[0]?.id === p.id) ?? p.id;
  return `bek search "${query.replaceAll('"', '')}" --scope ${p.scope}`;
}
