// The costliest requests we could construct against bek's search and selection (issue 18): long single
// words, many distinct misspelt words, ids and tasks at and past their caps. `npm run bench` times each
// over stdio and reports the worst beside the normal p50 and p99.

const letters = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7919 + seed * 31) % 26))).join('');
const misspelt = (count: number, maxChars: number) =>
  Array.from({ length: count }, (_, i) => letters(5 + (i % 9), i))
    .join(' ')
    .slice(0, maxChars);

/** Each hostile request: a JSON-RPC method, its params, and what it tries. */
export const HOSTILE: { label: string; method: string; params: Record<string, unknown> }[] = [
  {
    label: 'search: one 500-letter word',
    method: 'tools/call',
    params: { name: 'search_patterns', arguments: { query: letters(500, 1) } },
  },
  {
    label: 'search: 500 characters of misspelt words',
    method: 'tools/call',
    params: { name: 'search_patterns', arguments: { query: misspelt(100, 500) } },
  },
  {
    label: 'select: one 4,000-letter word',
    method: 'tools/call',
    params: { name: 'select_pattern', arguments: { requirements: letters(4000, 2) } },
  },
  {
    label: 'select: 4,000 characters of misspelt words',
    method: 'tools/call',
    params: { name: 'select_pattern', arguments: { requirements: misspelt(800, 4000) } },
  },
  {
    label: 'get_pattern: a 100-character unknown id',
    method: 'tools/call',
    params: { name: 'get_pattern', arguments: { id: letters(100, 3) } },
  },
  {
    label: 'resources/read: a 50,000-character id',
    method: 'resources/read',
    params: { uri: `bek://patterns/${letters(50_000, 4)}` },
  },
  {
    label: 'prompt: a 4,000-letter task',
    method: 'prompts/get',
    params: { name: 'backend-patterns', arguments: { task: letters(4000, 5) } },
  },
];
