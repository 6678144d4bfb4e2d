import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import { SkillsClient } from '@modelcontextprotocol/client/ext/skills';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeLinks } from '../../src/core/catalogue/markdown.js';
import { loadEngine } from '../../src/core/engine.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { bek } from '../helpers/cli.js';
import { shippedEngine } from '../helpers/engine.js';
import { connectInProcess } from '../helpers/mcp.js';
import { SKILLS_EXTENSION, sha256Digest, skillsOf } from '../helpers/skills.js';

const SKILL_URI = 'skill://backend-patterns/SKILL.md';
const INVALID_PARAMS = -32602;

// `resultType: "complete"` is not asserted: the client takes it off each result, and refuses a 2026-07-28
// result that lacks it, so every request that succeeds in the modern era shows it was sent.
const HOUR_PUBLIC = { ttlMs: 3_600_000, cacheScope: 'public' };

describe.each(['legacy', 'modern'] as const)('MCP skills extension (%s era)', (era) => {
  let client: Client;
  let close: () => Promise<void>;
  let exported = '';
  beforeAll(async () => {
    ({ client, close } = await connectInProcess(era));
    exported = mkdtempSync(join(tmpdir(), 'bek-skills-'));
    expect((await bek('export', 'skill', exported)).code).toBe(0);
  });
  afterAll(async () => {
    await close();
    rmSync(exported, { recursive: true, force: true });
  });

  const listSkills = () => skillsOf(client).list();
  const getSkill = (uri: string) => skillsOf(client).get(uri);
  const readDirectory = (uri: string) => skillsOf(client).readDirectory(uri);
  const readBytes = (uri: string) => skillsOf(client).readBytes(uri);
  const files = async () => {
    const [skill] = (await listSkills()).skills;
    if (!skill || skill.resources === 'dynamic') throw new Error('no listed skill with files');
    return skill.resources;
  };

  it('declares the extension, with directory reads, beside the resources capability', () => {
    const capabilities = client.getServerCapabilities();
    expect(capabilities?.extensions?.[SKILLS_EXTENSION]).toEqual({ directoryRead: true });
    expect(capabilities?.resources).toBeDefined();
  });

  it('lists the skill with its front matter and every file, each with a sha256 digest and a size', async () => {
    const result = await listSkills();
    const { catalogue } = shippedEngine();
    expect(result.skills).toHaveLength(1);
    const [skill] = result.skills;
    expect(skill?.uri).toBe(SKILL_URI);
    expect(skill?.frontmatter).toEqual({ name: catalogue.skill.name, description: catalogue.skill.description });
    const uris = (await files()).map((f) => f.uri);
    expect(uris).toContain(SKILL_URI);
    expect(uris).toContain('skill://backend-patterns/references/api-patterns.md');
    expect(uris).toContain('skill://backend-patterns/references/patterns/rel-outbox.md');
    expect(new Set(uris).size).toBe(1 + catalogue.guides.length + catalogue.patterns.length);
    if (era === 'modern') expect(result).toMatchObject(HOUR_PUBLIC);
    else expect(result.ttlMs).toBeUndefined();
  });

  it('serves, for every listed file, the bytes its digest and size describe: those bek export skill writes', async () => {
    for (const file of await files()) {
      const bytes = await readBytes(file.uri);
      expect(sha256Digest(bytes), file.uri).toBe(file.digest);
      expect(bytes.length, file.uri).toBe(file.size);
      const path = file.uri.slice('skill://'.length);
      expect(bytes.equals(readFileSync(join(exported, path))), path).toBe(true);
    }
  });

  it('serves SKILL.md with front matter equal to the entry and links that resolve inside skill://', async () => {
    const listed = new Set((await files()).map((f) => f.uri));
    const skill = (await readBytes(SKILL_URI)).toString('utf8');
    expect(skill).toMatch(/^---\nname: backend-patterns\ndescription: /);
    const unresolved: string[] = [];
    for (const uri of listed) {
      for (const target of relativeLinks((await readBytes(uri)).toString('utf8'))) {
        const resolved = new URL(target, uri).href;
        if (listed.has(resolved)) continue;
        // A link to a folder (SKILL.md's references/patterns/) is a directory resource.
        const folder = await readDirectory(resolved.replace(/\/$/, '')).catch(() => undefined);
        if (!folder?.resources.length) unresolved.push(`${uri} → ${target}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it("passes the SDK's host-side checks: every file's size and digest, SKILL.md's front matter against the entry", async () => {
    const host = new SkillsClient(client);
    expect(host.supported).toBe(true);
    const [skill] = (await host.list()).skills;
    if (!skill || skill.resources === 'dynamic') throw new Error('no listed skill with files');
    const manifest = await host.read(skill);
    expect(manifest).toMatchObject({ verified: true, frontmatter: skill.frontmatter });
    for (const file of skill.resources) expect((await host.read(skill, file.uri)).verified, file.uri).toBe(true);
  });

  it('gets the skill by its SKILL.md URI, the same entry as the listing', async () => {
    const result = await getSkill(SKILL_URI);
    const [listed] = (await listSkills()).skills;
    expect(result.skill).toEqual(listed);
    if (era === 'modern') expect(result).toMatchObject(HOUR_PUBLIC);
    else expect(result.ttlMs).toBeUndefined();
  });

  it('reads the skill folder as directory resources', async () => {
    const root = await readDirectory('skill://backend-patterns');
    expect(root.resources.map((r) => [r.name, r.mimeType])).toEqual([
      ['SKILL.md', 'text/markdown'],
      ['references', 'inode/directory'],
    ]);
    const patterns = await readDirectory('skill://backend-patterns/references/patterns');
    expect(patterns.resources).toHaveLength(shippedEngine().catalogue.patterns.length);
    if (era === 'modern') expect(patterns).toMatchObject(HOUR_PUBLIC);
  });

  it('answers an unknown skill, file or directory with -32602 (invalid params)', async () => {
    await expect(getSkill('skill://no-such-skill/SKILL.md')).rejects.toMatchObject({ code: INVALID_PARAMS });
    await expect(getSkill('skill://backend-patterns/references/api-patterns.md')).rejects.toMatchObject({
      code: INVALID_PARAMS,
    });
    await expect(
      client.readResource({ uri: 'skill://backend-patterns/references/patterns/no-such-pattern.md' }),
    ).rejects.toMatchObject({ code: INVALID_PARAMS });
    await expect(readDirectory(SKILL_URI)).rejects.toMatchObject({ code: INVALID_PARAMS });
  });

  it('keeps the bek:// resources and the prompt for clients without the extension', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('bek://skill/SKILL.md');
    expect(uris).toContain(SKILL_URI);
    const skill = resources.find((r) => r.uri === SKILL_URI);
    expect(skill).toMatchObject({ name: 'backend-patterns', mimeType: 'text/markdown' });
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toContain('backend-patterns');
  });
});

describe('skill files read from the catalogue folder', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'bek-skills-root-'));
    for (const part of ['skill', 'references']) cpSync(join(PACKAGE_ROOT, part), join(root, part), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says which file went missing since the catalogue loaded, and serves again once it is back', async () => {
    const engine = loadEngine(root).engine;
    if (!engine) throw new Error('the copied catalogue did not load');
    const { client, close } = await connectInProcess('legacy', engine);
    const file = join(root, 'references/patterns/rel-outbox.md');
    const saved = readFileSync(file);
    try {
      rmSync(file);
      await expect(skillsOf(client).list()).rejects.toThrow(/references\/patterns\/rel-outbox\.md: .*missing/);
      writeFileSync(file, saved);
      expect((await skillsOf(client).list()).skills).toHaveLength(1);
    } finally {
      writeFileSync(file, saved);
      await close();
    }
  });
});

describe('server/discover (2026-07-28)', () => {
  let client: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ client, close } = await connectInProcess('modern'));
  });
  afterAll(() => close());

  it('names every protocol version served, keeps the capabilities and says it is cacheable', async () => {
    const result = await client.discover();
    expect(result.supportedVersions).toEqual(expect.arrayContaining(['2026-07-28', '2025-11-25']));
    expect(result.supportedVersions[0]).toBe('2026-07-28');
    expect(new Set(result.supportedVersions).size).toBe(result.supportedVersions.length);
    expect(result.capabilities.extensions?.[SKILLS_EXTENSION]).toEqual({ directoryRead: true });
    expect(result.capabilities.tools).toBeDefined();
    expect(result).toMatchObject(HOUR_PUBLIC);
  });
});
