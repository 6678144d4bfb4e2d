// The scopes and levels by name, without zod: the gallery's browser bundle needs them (search names the
// scopes worth trying) and would otherwise carry the schema library with them.

export const SCOPES = ['api', 'database', 'security', 'reliability', 'observability', 'architecture'] as const;
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
