import matter from 'gray-matter';
import { splitSections, tableRows, tagText } from './markdown.js';
import { SkillFrontMatter } from './schema.js';
import type { Problem, Skill } from './types.js';

/** Parses SKILL.md into the parts the prompt and the selection tool serve. */
export function parseSkill(text: string, file: string, problems: Problem[]): Skill | undefined {
  const doc = matter(text);
  const front = SkillFrontMatter.safeParse(doc.data);
  if (!front.success) {
    for (const issue of front.error.issues) {
      problems.push({ file, field: issue.path.join('.') || '(front matter)', message: issue.message });
    }
    return undefined;
  }
  const sections = splitSections(doc.content);
  const section = (name: string) => sections.find((s) => s.name.toLowerCase() === name.toLowerCase())?.text ?? '';
  const constraintBlock = tagText(doc.content, 'critical_constraint');
  const constraintLines = constraintBlock.split('\n').map((l) => l.trim()).filter(Boolean);
  const skill: Skill = {
    ...front.data,
    file,
    text,
    objective: tagText(doc.content, 'objective'),
    successCriteria: tagText(doc.content, 'success_criteria'),
    trigger: tagText(doc.content, 'trigger'),
    interaction: tagText(doc.content, 'interaction_schema'),
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
