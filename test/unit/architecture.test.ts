import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/ and the one-way rule between them (CONTRIBUTING.md, "Architecture"): a wrong
// import fails here, naming the file and what it imported.

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a source file imports: package names as written, project files as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g)].map(([, spec = '']) =>
    spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)).replace(/\.js$/, '.ts') : spec,
  );
}

const graph = files(SRC).map((file) => ({ file: relative(ROOT, file), imports: importsOf(file) }));

/** The imports of files under `from` that match `forbidden`, as "file → import". */
function violations(from: string, forbidden: (spec: string) => boolean): string[] {
  return graph
    .filter((m) => m.file.startsWith(from))
    .flatMap((m) => m.imports.filter(forbidden).map((spec) => `${m.file} → ${spec}`));
}

const under =
  (...dirs: string[]) =>
  (spec: string) =>
    dirs.some((d) => spec.startsWith(d));
const SDK = (spec: string) => spec.startsWith('@modelcontextprotocol/');

describe('the layers of src/', () => {
  it('reads the imports it checks (the rule below is not vacuous)', () => {
    expect(graph.length).toBeGreaterThan(40);
    expect(graph.find((m) => m.file === 'src/mcp/server.ts')?.imports).toContain('@modelcontextprotocol/server');
    expect(graph.find((m) => m.file === 'src/core/engine.ts')?.imports).toContain('src/core/catalogue/load.ts');
  });

  it('the core imports no shell, no shared output, no entry point, no SDK and no node:http', () => {
    const bad = under('src/mcp/', 'src/transports/', 'src/cli/', 'src/output/', 'src/bin/', 'src/gallery/');
    expect(violations('src/core/', (s) => bad(s) || SDK(s) || s === 'node:http')).toEqual([]);
  });

  it('the catalogue does not import search (the store and the engine join them)', () => {
    expect(
      violations('src/core/catalogue/', under('src/core/search/', 'src/core/store/', 'src/core/selection/')),
    ).toEqual([]);
    expect(violations('src/core/search/', under('src/core/store/', 'src/core/selection/'))).toEqual([]);
  });

  it('only mcp/ and transports/ import the MCP SDK', () => {
    const outside = graph.filter((m) => !m.file.startsWith('src/mcp/') && !m.file.startsWith('src/transports/'));
    expect(outside.flatMap((m) => m.imports.filter(SDK).map((s) => `${m.file} → ${s}`))).toEqual([]);
  });

  it('output imports only the core and utilities; utilities import only utilities', () => {
    expect(
      violations('src/output/', under('src/mcp/', 'src/transports/', 'src/cli/', 'src/bin/', 'src/gallery/')),
    ).toEqual([]);
    expect(violations('src/output/', SDK)).toEqual([]);
    expect(violations('src/util/', (s) => s.startsWith('src/') && !s.startsWith('src/util/'))).toEqual([]);
  });

  it("cli/setup/ edits clients' files and knows nothing of the server it configures", () => {
    const server = under('src/core/', 'src/output/', 'src/mcp/', 'src/transports/', 'src/cli/commands/', 'src/bin/');
    expect(violations('src/cli/setup/', (s) => server(s) || SDK(s))).toEqual([]);
    expect(graph.find((m) => m.file === 'src/cli/setup/edit.ts')?.imports).toContain('src/cli/setup/jsonc.ts');
  });

  it('the gallery is a shell over the core and output: no other shell, no entry point, no SDK', () => {
    expect(
      violations('src/gallery/', (s) => under('src/mcp/', 'src/transports/', 'src/cli/', 'src/bin/')(s) || SDK(s)),
    ).toEqual([]);
    expect(graph.find((m) => m.file === 'src/gallery/site.ts')?.imports).toContain('src/core/engine.ts');
  });

  it("the gallery's browser code and the MCP Apps view import nothing of Node's and only the search of the core", () => {
    // What the browser bundles (scripts/build.ts) are made of, and what else that code may import.
    const browser = [
      'src/gallery/browser/',
      'src/gallery/app/',
      'src/gallery/card.ts',
      'src/gallery/html.ts',
      'src/gallery/search-data.ts',
      'src/core/search/',
    ];
    const allowed = under(
      ...browser,
      'src/core/catalogue/vocabulary.ts',
      'src/core/catalogue/markdown.ts', // the fence scanner the index builder uses
      'src/core/catalogue/schema.ts', // types only: Scope and Level
      'src/core/catalogue/types.ts', // types only: Pattern
      'src/output/results.ts', // types only: the JSON endpoints' answers
    );
    expect(
      browser.flatMap((from) =>
        violations(from, (s) => s.startsWith('node:') || (s.startsWith('src/') && !allowed(s))),
      ),
    ).toEqual([]);
  });

  it('shells point one way: cli → transports → mcp, never back', () => {
    expect(violations('src/mcp/', under('src/transports/', 'src/cli/', 'src/bin/'))).toEqual([]);
    expect(violations('src/transports/', under('src/cli/', 'src/bin/'))).toEqual([]);
  });
});
