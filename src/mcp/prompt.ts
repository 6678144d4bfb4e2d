import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { constraintsWithPatterns } from '../core/catalogue/constraints.js';
import type { Engine } from '../core/engine.js';
import { renderSelection } from '../output/render.js';
import type { Completer } from './completion.js';

/** The skill's mission, trigger, interaction schema, matrix and constraints, with the task at hand. */
function skillPromptText(engine: Engine, task?: string): string {
  const s = engine.catalogue.skill;
  const matrix = s.matrix.map((r) => `| ${r.requirement} | ${r.recommended} | ${r.when} |`).join('\n');
  const parts = [
    `You are applying the "${s.name}" skill: ${s.description}`,
    `## Mission\n\nObjective: ${s.objective}\nSuccess criteria: ${s.successCriteria}`,
    `## Trigger\n\n${s.trigger}`,
    `## How to work\n\n${s.interaction}\n\nAnalyze the requirements, select patterns with the matrix (the select_pattern tool runs it), implement, then validate: review_checklist with the ids of the patterns applied gives one merged checklist, the absolute constraints first.`,
    `## Pattern selection matrix\n\n| Requirement | Recommended pattern | When to use |\n|---|---|---|\n${matrix}`,
    `## Best practices\n\n${s.bestPractices.map((b) => `- ${b}`).join('\n')}`,
    `## Absolute constraints\n\n${constraintsWithPatterns(engine.catalogue)
      .map((c) => `- ${c}`)
      .join('\n')}\n\n${s.principle}`,
  ];
  if (task) {
    parts.push(`## The task at hand\n\n${task}`);
    // The constraints are above already; the selection's own headings go one level down.
    const selection = renderSelection(engine.select(task), { constraints: false }).replace(/^## /gm, '### ');
    parts.push(`## What the selection matrix suggests for it\n\n${selection}`);
  }
  return parts.join('\n\n');
}

export const SKILL_PROMPT = 'backend-patterns';

/** Completes the prompt's `task` argument with the matrix's requirements and a few typical tasks. */
export function taskCompleter(engine: Engine): Completer {
  const examples = [
    ...engine.catalogue.skill.matrix.map((r) => r.requirement),
    'Public REST API for payments with webhooks',
    'Real-time notifications for a web app',
    'Service that calls a flaky third-party API',
  ];
  return (value) => examples.filter((e) => e.toLowerCase().includes(value.trim().toLowerCase()));
}

export function registerSkillPrompt(server: McpServer, current: () => Engine) {
  return server.registerPrompt(
    SKILL_PROMPT,
    {
      title: 'Backend patterns skill',
      description:
        "Apply backend patterns for server architecture, database interactions and API structure: the skill's mission, selection matrix and absolute constraints, applied to your task.",
      argsSchema: z.object({
        task: z
          .string()
          .max(4000)
          .optional()
          .describe('The task or requirements at hand, e.g. "REST API for orders with payments"'),
      }),
    },
    ({ task }) => ({
      description: 'Backend patterns skill',
      messages: [
        {
          role: 'user' as const,
          content: { type: 'text' as const, text: skillPromptText(current(), task?.trim() || undefined) },
        },
      ],
    }),
  );
}
