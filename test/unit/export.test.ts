import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { relativeLinks } from '../../src/core/catalogue/markdown.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { bek } from '../helpers/cli.js';
import { shippedEngine } from '../helpers/engine.js';
import { teamDoc, teamFolder } from '../helpers/team.js';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

describe('bek export skill', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bek-export-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an Agent Skill folder whose SKILL.md names it and whose every link resolves', async () => {
    const r = await bek('export', 'skill', dir, '--json');
    expect(r.code).toBe(0);
    const folder = join(dir, 'backend-patterns');
    const files = walk(folder);
    const { catalogue } = shippedEngine();
    expect(files.length).toBe(1 + catalogue.guides.length + catalogue.patterns.length);
    const skill = readFileSync(join(folder, 'SKILL.md'), 'utf8');
    expect(skill).toMatch(/^---\nname: backend-patterns\ndescription: .{20,1024}\n---\n/);
    const broken: string[] = [];
    for (const file of files) {
      for (const target of relativeLinks(readFileSync(file, 'utf8'))) {
        const resolved = join(dirname(file), target);
        if (!existsSync(resolved) || relative(folder, resolved).startsWith('..'))
          broken.push(`${relative(folder, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(readdirSync(dir)).toEqual(['backend-patterns']); // no staging folder left behind
  });

  it("writes a team folder's documents beside the built-in ones, byte for byte", async () => {
    // Its Related section links a built-in document, as it will sit beside it in the skill.
    const text = teamDoc('team-retries', { related: ['rel-retries-backoff'] }).replace(
      '[Title](<id>.md)',
      '[Retries with Backoff](rel-retries-backoff.md)',
    );
    expect(text).toContain('(rel-retries-backoff.md)');
    const team = teamFolder({ 'team-retries': text });
    try {
      const r = await bek('export', 'skill', dir, '--patterns-dir', team);
      expect(r.code, r.stderr).toBe(0);
      const folder = join(dir, 'backend-patterns');
      expect(readFileSync(join(folder, 'references/patterns/team-retries.md'), 'utf8')).toBe(text);
      expect(walk(folder).length).toBe(
        2 + shippedEngine().catalogue.guides.length + shippedEngine().catalogue.patterns.length,
      );
    } finally {
      rmSync(team, { recursive: true, force: true });
    }
  });

  it('--zip writes an archive of the same files that inflates back to them', async () => {
    const file = join(dir, 'skill.zip');
    expect((await bek('export', 'skill', '--zip', file)).code).toBe(0);
    const archive = readFileSync(file);
    const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = archive.readUInt16LE(end + 10);
    const { catalogue } = shippedEngine();
    expect(count).toBe(1 + catalogue.guides.length + catalogue.patterns.length);
    // The first entry is SKILL.md: its local header, then its deflated bytes.
    const nameLength = archive.readUInt16LE(26);
    const packed = archive.readUInt32LE(18);
    expect(archive.toString('utf8', 30, 30 + nameLength)).toBe('backend-patterns/SKILL.md');
    const data = inflateRawSync(archive.subarray(30 + nameLength, 30 + nameLength + packed));
    expect(data.toString('utf8')).toMatch(/^---\nname: backend-patterns/);
    expect(archive.readUInt32LE(14)).toBe(crc32(data)); // our CRC-32 agrees with zlib's
  });

  it('refuses a skill name that could leave DIR, before writing anything', async () => {
    const root = join(dir, 'catalogue');
    cpSync(join(PACKAGE_ROOT, 'references'), join(root, 'references'), { recursive: true });
    cpSync(join(PACKAGE_ROOT, 'skill'), join(root, 'skill'), { recursive: true });
    const skill = join(root, 'skill/SKILL.md');
    writeFileSync(skill, readFileSync(skill, 'utf8').replace(/^name: .*$/m, 'name: x/../../escaped'));
    const out = join(dir, 'out', 'target');
    const err: string[] = [];
    const io = {
      out: () => {},
      err: (t: string) => err.push(t),
      env: { BEK_CATALOGUE_DIR: root, BEK_CACHE_DIR: 'off' },
      color: false,
    };
    expect(await run(['export', 'skill', out], io)).toBe(1);
    expect(err.join('\n')).toMatch(/must be lowercase words joined by hyphens/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await bek('export')).code).toBe(2);
    expect((await bek('export', 'skill')).code).toBe(2);
    expect((await bek('export', 'gallery', dir)).code).toBe(2);
  });

  it('refuses a DIR that is a file and a --zip that is a folder with exit 2, not an internal error', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'kept');
    const intoFile = await bek('export', 'skill', file);
    expect(intoFile.code).toBe(2);
    expect(intoFile.stderr).toMatch(/^bek export: .*a-file is a file/);
    expect(readFileSync(file, 'utf8')).toBe('kept');
    const zipFolder = await bek('export', 'skill', '--zip', dir);
    expect(zipFolder.code).toBe(2);
    expect(zipFolder.stderr).toMatch(/^bek export: .* is a folder/);
  });
});
