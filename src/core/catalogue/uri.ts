/** Canonical addresses of the served documents; the MCP resources answer at these URIs. */
export const SKILL_URI = 'bek://skill/SKILL.md';
export const PATTERN_URI_TEMPLATE = 'bek://patterns/{id}';
export const patternUri = (id: string) => `bek://patterns/${id}`;
export const guideUri = (name: string) => `bek://references/${name}`;
