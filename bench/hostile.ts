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

/**
 * Over HTTP: the slowest /healthz answer while each hostile request runs, probing every 5 ms. The server
 * is started on an ephemeral loopback port and stopped before this resolves.
 */
export async function healthDuringHostile(
  cli: string,
): Promise<{ label: string; requestMs: number; worstHealthMs: number }[]> {
  const { spawn } = await import('node:child_process');
  const { createInterface } = await import('node:readline');
  const child = spawn(process.execPath, [cli, 'serve', '--http', '--port', '0'], {
    env: { ...process.env, BEK_RATE_LIMIT_PER_MINUTE: '1000000', BEK_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      createInterface({ input: child.stderr }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening') resolve(String(entry.url));
      });
    });
    const health = url.replace(/\/mcp$/, '/healthz');
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const post = async (id: number, method: string, params: Record<string, unknown>) =>
      (
        await fetch(url, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id, method, params }) })
      ).text();
    // Warm: the first search loads the index; that is start-up, not the cost of a hostile request.
    await post(0, 'tools/call', { name: 'search_patterns', arguments: { query: 'warm up' } });
    const rows = [];
    for (const [i, h] of HOSTILE.entries()) {
      let running = true;
      let worst = 0;
      const probe = (async () => {
        while (running) {
          const t = performance.now();
          await fetch(health);
          worst = Math.max(worst, performance.now() - t);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const t = performance.now();
      await post(i, h.method, h.params);
      const requestMs = performance.now() - t;
      running = false;
      await probe;
      rows.push({ label: h.label, requestMs, worstHealthMs: worst });
    }
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
}
