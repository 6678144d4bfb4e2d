import type { CacheHint, McpServer, Resource } from '@modelcontextprotocol/server';
import {
  type Skill,
  type SkillSource,
  type SkillWarning,
  SkillsExtension,
  skillEntry,
} from '@modelcontextprotocol/server/ext/skills';
import { type SkillFile, skillFiles } from '../core/catalogue/skill-files.js';
import type { Engine } from '../core/engine.js';
import { log } from '../util/log.js';

// The MCP skills extension (SEP-2640, modelcontextprotocol/ext-skills specification/stable/skills.mdx):
// the skill that `bek export skill` writes, served file by file as skill://<name>/<path> with
// skills/list, skills/get and resources/directory/read. The SDK's SkillsExtension owns the wire side
// (capability, methods, -32602 for unknown skills and files, cache fields on 2026-07-28 only, where
// the specification defines them); this file is the source: which files, their bytes, the directories.

const MARKDOWN = 'text/markdown';
const DIRECTORY = 'inode/directory';

interface Served {
  entry: Skill;
  /** By URI. */
  files: Map<string, SkillFile>;
}

/** The skill folder as the extension serves it; files are read and hashed once, on the first skills request. */
function catalogueSkill(engine: Engine): Required<SkillSource> {
  const { name, description } = engine.catalogue.skill;
  const rootUri = `skill://${name}`;
  let served: Promise<Served> | undefined;
  const build = async (): Promise<Served> => {
    const files = skillFiles(engine.root, engine.catalogue);
    const entry = await skillEntry(name, Object.fromEntries(files.map((f) => [f.path, f.data])));
    return { entry, files: new Map(files.map((f) => [`${rootUri}/${f.path}`, f])) };
  };
  // A failed read (a file removed since the catalogue loaded) is not kept: the next request tries again.
  const serve = () =>
    (served ??= build().catch((error: unknown) => {
      served = undefined;
      throw error;
    }));
  return {
    list: async () => ({ skills: [(await serve()).entry] }),
    get: async (uri) => {
      const { entry } = await serve();
      return uri === entry.uri ? entry : undefined;
    },
    read: async (uri) => {
      const file = (await serve()).files.get(uri);
      if (!file) return undefined;
      const text = file.data.toString('utf8');
      // Text when it round-trips to the same bytes (every document does), so the digest covers what is sent.
      return Buffer.from(text).equals(file.data) ? { text, mimeType: MARKDOWN } : { bytes: file.data };
    },
    readDirectory: async (uri) => {
      const { files } = await serve();
      return directoryOf(uri, files);
    },
    // Only SKILL.md: its supporting files are in the skills/list entry, and bek:// already lists every document.
    listResources: async () => [{ uri: `${rootUri}/SKILL.md`, name, description, mimeType: MARKDOWN }],
  };
}

/** The direct children of the directory at `uri`, files and folders, sorted; undefined when it is no directory. */
function directoryOf(uri: string, files: Map<string, SkillFile>): { resources: Resource[] } | undefined {
  const prefix = `${uri}/`;
  const children = new Map<string, Resource>();
  for (const [file, { data }] of files) {
    if (!file.startsWith(prefix)) continue;
    const [child = '', ...deeper] = file.slice(prefix.length).split('/');
    children.set(
      child,
      deeper.length > 0
        ? { uri: `${prefix}${child}`, name: child, mimeType: DIRECTORY }
        : { uri: file, name: child, mimeType: MARKDOWN, size: data.length },
    );
  }
  if (children.size === 0) return undefined;
  return { resources: [...children.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)) };
}

// One source per engine: the HTTP transport builds a server per request, and the files are read once.
const sources = new WeakMap<Engine, Required<SkillSource>>();
const sourceOf = (engine: Engine) => {
  let source = sources.get(engine);
  if (!source) sources.set(engine, (source = catalogueSkill(engine)));
  return source;
};

/**
 * Serves the catalogue's skill on `server` through the skills extension, with the catalogue's cache hint;
 * each request asks the engine `current` returns then (`bek serve --watch` swaps it).
 */
export function registerSkills(server: McpServer, current: () => Engine, cacheHint: CacheHint): void {
  const source: Required<SkillSource> = {
    list: (...args) => sourceOf(current()).list(...args),
    get: (...args) => sourceOf(current()).get(...args),
    read: (...args) => sourceOf(current()).read(...args),
    readDirectory: (...args) => sourceOf(current()).readDirectory(...args),
    listResources: (...args) => sourceOf(current()).listResources(...args),
  };
  // The SDK's warnings (an entry it would drop) go to the structured log, not console.warn.
  const onWarning = ({ path, message }: SkillWarning) => log('warn', 'skills extension', { path, problem: message });
  new SkillsExtension({ source, cacheHint, onWarning }).attach(server);
}
