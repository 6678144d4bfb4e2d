import type { Section } from './types.js';

/** Splits Markdown into its `## ` sections, ignoring headings inside fenced code. */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let current: { name: string; lines: string[] } | undefined;
  let fence: string | undefined;
  const close = () => current && sections.push({ name: current.name, text: current.lines.join('\n').trim() });
  for (const line of body.split('\n')) {
    const f = /^\s*(```|~~~)/.exec(line)?.[1];
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
