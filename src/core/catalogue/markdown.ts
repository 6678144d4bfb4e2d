import type { Section } from './types.js';

// The one fence scanner: sections, the search index's prose and the content tests' code blocks all
// agree on where code starts and ends.

/** The fence a line opens or closes (``` or ~~~), with the info string after it, or undefined. */
function fenceOf(line: string): { marker: string; info: string } | undefined {
  const m = /^\s*(```|~~~)\s*(.*)$/.exec(line);
  return m ? { marker: m[1] ?? '', info: (m[2] ?? '').trim() } : undefined;
}

/** A fenced code block: its info string (`ts no-run`) and its lines. */
export interface CodeBlock {
  info: string;
  code: string;
}

/** The fenced code blocks of a Markdown text, in order, and its prose with each block replaced by a blank line. */
export function fencedBlocks(markdown: string): { blocks: CodeBlock[]; prose: string } {
  const blocks: CodeBlock[] = [];
  const prose: string[] = [];
  let open: { marker: string; info: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = fenceOf(line);
    if (!open) {
      if (fence) open = { ...fence, lines: [] };
      else prose.push(line);
    } else if (fence && fence.marker === open.marker && fence.info === '') {
      blocks.push({ info: open.info, code: open.lines.join('\n') });
      prose.push('');
      open = undefined;
    } else {
      open.lines.push(line);
    }
  }
  return { blocks, prose: prose.join('\n') };
}

/** The relative link targets in a Markdown text's prose (code blocks skipped, #fragments dropped). */
export function relativeLinks(markdown: string): string[] {
  return [...fencedBlocks(markdown).prose.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map(([, target]) => target ?? '')
    .filter((target) => target && !/^[a-z]+:/.test(target));
}

/** Splits Markdown into its `## ` sections, ignoring headings inside fenced code. */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let current: { name: string; lines: string[] } | undefined;
  let fence: string | undefined;
  const close = () => current && sections.push({ name: current.name, text: current.lines.join('\n').trim() });
  for (const line of body.split('\n')) {
    const f = fenceOf(line)?.marker;
    if (f) fence = fence === f ? undefined : (fence ?? f);
    const heading = fence ? undefined : /^## +(.+?)\s*#*\s*$/.exec(line)?.[1];
    if (heading) {
      close();
      current = { name: heading, lines: [] };
    } else {
      current?.lines.push(line);
    }
  }
  close();
  return sections;
}

/** The text of the first `# ` heading, if any. */
export function firstHeading(body: string): string | undefined {
  return /^# +(.+?)\s*$/m.exec(body)?.[1];
}

/** The `- [ ]` items of a checklist section. */
export function checklistItems(text: string): string[] {
  return [...text.matchAll(/^\s*- \[[ xX]\] +(.+)$/gm)].map((m) => m[1] ?? '');
}

/** The text between `<tag>` and `</tag>`, trimmed, or '' when absent. */
export function tagText(text: string, tag: string): string {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(text);
  return m?.[1]?.trim() ?? '';
}

/** The body rows of the first Markdown table in `text` (after its header and separator), as arrays of trimmed cells. */
export function tableRows(text: string): string[][] {
  const isRow = (line: string) => /^\s*\|.*\|\s*$/.test(line);
  const lines = text.split('\n');
  const start = lines.findIndex(isRow);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && !isRow(line));
  return lines.slice(start + 2, end < 0 ? undefined : end).map((l) =>
    l
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim()),
  );
}
