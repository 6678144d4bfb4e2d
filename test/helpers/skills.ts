import { createHash } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/client';
import * as z from 'zod';

// The skills extension's results as the specification defines them (modelcontextprotocol/ext-skills,
// specification/stable/skills.mdx), written from its text rather than taken from the SDK, so a server
// that drifts from the specification fails the tests that use them.

export const SKILLS_EXTENSION = 'io.modelcontextprotocol/skills';

const SkillResource = z.object({
  uri: z.string(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});
const Skill = z.object({
  uri: z.string(),
  frontmatter: z.looseObject({ name: z.string(), description: z.string() }),
  resources: z.union([z.array(SkillResource), z.literal('dynamic')]),
});
// CacheableResult's fields exist from 2026-07-28; over 2025-11-25 a result has none.
const cache = {
  ttlMs: z.number().int().nonnegative().optional(),
  cacheScope: z.enum(['public', 'private']).optional(),
};
const ListSkillsResult = z.looseObject({ skills: z.array(Skill), nextCursor: z.string().optional(), ...cache });
const GetSkillResult = z.looseObject({ skill: Skill, ...cache });
const DirectoryResult = z.looseObject({
  resources: z.array(z.looseObject({ uri: z.string(), name: z.string(), mimeType: z.string().optional() })),
  ...cache,
});

/** The skills methods over a connected client's generic `request`: the SDK client has no typed ones. */
export const skillsOf = (client: Client) => ({
  list: () => client.request({ method: 'skills/list', params: {} }, ListSkillsResult),
  get: (uri: string) => client.request({ method: 'skills/get', params: { uri } }, GetSkillResult),
  readDirectory: (uri: string) =>
    client.request({ method: 'resources/directory/read', params: { uri } }, DirectoryResult),
  /** A resource's raw bytes, from its text or its base64 blob. */
  readBytes: async (uri: string) => {
    const [content] = (await client.readResource({ uri })).contents;
    if (!content) throw new Error(`no content for ${uri}`);
    return 'text' in content ? Buffer.from(content.text) : Buffer.from(content.blob, 'base64');
  },
});

/** A digest in the specification's form, `sha256:` and 64 lowercase hex digits. */
export const sha256Digest = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
