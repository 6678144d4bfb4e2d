import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bek } from '../helpers/cli.js';
import { connectInProcess } from '../helpers/mcp.js';

const FILES = {
  'agents-md': 'AGENTS.md',
  claude: 'CLAUDE.md',
  cursor: '.cursor/rules/backend-patterns.mdc',
  copilot: '.github/copilot-instructions.md',
};

describe('bek rules', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bek-rules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');

  it.each(Object.entries(FILES))('%s: creates %s, and a second run changes nothing', async (target, file) => {
    const first = await bek('rules', target, '--dir', dir, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ files: [{ path: join(dir, file), action: 'created' }] });
    const text = read(file);
    expect(text).toMatch(/backend-patterns:begin[\s\S]*select_pattern[\s\S]*backend-patterns:end/);
    if (target === 'cursor') expect(text).toMatch(/^---\ndescription: .+\nalwaysApply: true\n---\n/);
    const second = await bek('rules', target, '--dir', dir, '--json');
    expect(JSON.parse(second.stdout).files[0].action).toBe('unchanged');
    expect(read(file)).toBe(text);
  });

  it.each(Object.entries(FILES))('%s: keeps everything outside the markers byte for byte', async (target, file) => {
    const before =
      target === 'cursor'
        ? '---\ndescription: ours\nglobs: "*.ts"\n---\n\nOur rule.\r\n'
        : '# House rules\n\nTabs, not spaces.\r\n';
    const after = '\n## Ours again\n\nLast line without newline';
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), `${before}${after}`);
    await bek('rules', target, '--dir', dir);
    const once = read(file);
    expect(once.startsWith(`${before}${after}`)).toBe(true);
    // Moved between the user's text: a rerun replaces the section where it now stands.
    const section = once.slice(
      once.indexOf('<!-- backend-patterns:begin'),
      once.indexOf('<!-- backend-patterns:end -->') + 29,
    );
    writeFileSync(join(dir, file), `${before}${section.replace('## Backend patterns', '## edited')}${after}`);
    await bek('rules', target, '--dir', dir);
    expect(read(file)).toBe(`${before}${section}${after}`);
  });

  it('--print writes nothing, and all covers the four files', async () => {
    const printed = await bek('rules', 'all', '--dir', dir, '--print');
    expect(printed.code).toBe(0);
    for (const file of Object.values(FILES)) {
      expect(printed.stdout).toContain(join(dir, file));
      expect(existsSync(join(dir, file))).toBe(false);
    }
    await bek('rules', 'all', '--dir', dir);
    for (const file of Object.values(FILES)) expect(existsSync(join(dir, file))).toBe(true);
  });

  it('refuses a Cursor rule whose front matter cannot be parsed, and a file with one marker', async () => {
    const file = join(dir, FILES.cursor);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '---\ndescription: [broken\n---\nbody\n');
    const broken = await bek('rules', 'cursor', '--dir', dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/front matter is not valid YAML/);
    expect(readFileSync(file, 'utf8')).toBe('---\ndescription: [broken\n---\nbody\n');
    // A "---js" fence is refused as not YAML, and never evaluated.
    const marker = join(dir, 'pwned');
    writeFileSync(file, `---js\n{ x: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\nbody\n`);
    expect((await bek('rules', 'cursor', '--dir', dir, '--print')).code).toBe(2);
    expect(existsSync(marker)).toBe(false);
    writeFileSync(join(dir, 'AGENTS.md'), 'text\n<!-- backend-patterns:end -->\n');
    expect((await bek('rules', 'agents-md', '--dir', dir)).code).toBe(2);
    expect((await bek('rules', 'nope', '--dir', dir)).code).toBe(2);
    expect((await bek('rules')).code).toBe(2);
  });

  it('writes through a symlink to the file it names, keeping the link', async () => {
    writeFileSync(join(dir, 'AGENTS.md'), '# Shared rules\n');
    symlinkSync('AGENTS.md', join(dir, 'CLAUDE.md'));
    expect((await bek('rules', 'claude', '--dir', dir)).code).toBe(0);
    expect(lstatSync(join(dir, 'CLAUDE.md')).isSymbolicLink()).toBe(true);
    expect(read('AGENTS.md')).toMatch(/^# Shared rules\n[\s\S]*backend-patterns:end/);
  });

  it('names every tool the server lists, and stays small', async () => {
    const { client, close } = await connectInProcess();
    const { tools } = await client.listTools();
    await close();
    await bek('rules', 'agents-md', '--dir', dir);
    const text = read('AGENTS.md');
    for (const tool of tools) expect(text).toContain(`\`${tool.name}\``);
    expect(text.length / 4).toBeLessThan(700);
  });
});
