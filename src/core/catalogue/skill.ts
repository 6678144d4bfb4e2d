import { parseDocument } from './front-matter.js';
import { splitSections, tableRows, tagText } from './markdown.js';
import { SkillFrontMatter } from './schema.js';
import type { Problem, Skill } from './types.js';

/** Parses SKILL.md into the parts the prompt and the selection tool serve. */
export function parseSkill(bytes: Buffer, file: string, problems: Problem[]): Skill | undefined {
  const doc = parseDocument(bytes, file, SkillFrontMatter, problems);
  if (!doc) return undefined;
  const sections = splitSections(doc.body);
  const section = (name: string) => sections.find((s) => s.name.toLowerCase() === name.toLowerCase())?.text ?? '';
  const constraintBlock = tagText(doc.body, 'critical_constraint');
  const constraintLines = constraintBlock
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const skill: Skill = {
    ...doc.data,
    file,
    text: bytes.toString('utf8'),
    objective: tagText(doc.body, 'objective'),
    successCriteria: tagText(doc.body, 'success_criteria'),
    trigger: tagText(doc.body, 'trigger'),
    interaction: tagText(doc.body, 'interaction_schema'),
    matrix: tableRows(section('Pattern Selection Matrix')).map(([requirement = '', recommended = '', when = '']) => ({
      requirement,
      recommended,
      when,
    })),
    bestPractices: [...section('Best Practices').matchAll(/^- +(.+)$/gm)].map((m) => m[1] ?? ''),
    constraints: constraintLines.filter((l) => /^(MANDATORY|NEVER)\b/.test(l)),
    principle: constraintLines.filter((l) => !/^(MANDATORY|NEVER)\b/.test(l)).join(' '),
  };
  const required: [keyof Skill, unknown][] = [
    ['objective', skill.objective],
    ['successCriteria', skill.successCriteria],
    ['trigger', skill.trigger],
    ['interaction', skill.interaction],
    ['matrix', skill.matrix.length],
    ['constraints', skill.constraints.length],
  ];
  for (const [field, value] of required) {
    if (!value) problems.push({ file, field, message: 'missing from SKILL.md' });
  }
  return skill;
}
