import type { IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import type { Engine } from '../../core/engine.js';
import type { Site } from '../../gallery/site.js';
import { PatternIds, Requirements, ReviewName } from '../../output/inputs.js';
import { reviewResult } from '../../output/results.js';
import { BekError } from '../../util/errors.js';
import { VERSION } from '../../util/version.js';
import { errorResponse } from './io.js';

// The gallery at / (issue 16): the pages `bek gallery` writes, made on first request, and two read-only
// JSON endpoints for its selection and review pages (the engine calls select_pattern and review_checklist
// make; plain GETs, so the pages need no MCP session). The guards in server.ts run before any of this.

/** The paths the gallery may answer (the site itself says which files exist). */
const SHAPE =
  /^\/(?:|index\.html|select\.html|review\.html|level\/[a-z]+\.html|patterns\/[a-z0-9-]+\.html|assets\/gallery\.(?:js|css)|api\/(?:select|review))$/;

/** Headers of every gallery response: the pages' policy, no sniffing, no referrer to the documents' sources. */
const SECURITY_HEADERS = (csp: string) => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** Bodies smaller than this are sent as they are: gzip would save less than its header costs. */
const GZIP_MIN = 1024;

export interface GalleryRoutes {
  /** True for a path the gallery may answer (checked before the guards, to tell a 404 from a refusal). */
  serves(path: string): boolean;
  respond(req: IncomingMessage, path: string): Promise<Response>;
}

/** The gallery over this engine; markdown-it and highlight.js are loaded on the first page asked for. */
export function galleryRoutes(current: () => Engine): GalleryRoutes {
  // The site of the engine of the moment: under --watch a swapped catalogue gets its own pages (and gzips).
  let built: { engine: Engine; site: Promise<{ site: Site; csp: string }>; zipped: Map<string, Buffer> } | undefined;
  const load = (engine: Engine) => {
    if (built?.engine !== engine) {
      const site = Promise.all([import('../../gallery/site.js'), import('../../gallery/html.js')]).then(([s, h]) => ({
        site: s.gallerySite(engine, { catalogueVersion: engine.catalogue.version, version: VERSION, api: 'api/' }),
        csp: h.CSP_HEADER,
      }));
      const entry = { engine, site, zipped: new Map<string, Buffer>() };
      // A site that failed to build (an asset missing) is not kept: the next request tries again.
      site.catch(() => {
        if (built === entry) built = undefined;
      });
      built = entry;
    }
    return built;
  };
  return {
    serves: (path) => SHAPE.test(path),
    async respond(req, path) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return errorResponse(405, 'Method not allowed: the gallery is read-only', false, { Allow: 'GET, HEAD' });
      const engine = current();
      const { site, zipped } = load(engine);
      const { site: s, csp } = await site;
      const headers = SECURITY_HEADERS(csp);
      if (path.startsWith('/api/')) return answer(engine, path, req.url ?? '', headers);
      const file = s.file(path === '/' ? 'index.html' : path.slice(1));
      if (!file) return errorResponse(404, `Not found: ${path} is no page of the gallery`, false, headers);
      const common = { ...headers, 'Content-Type': file.type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
      const gzip = file.data.length >= GZIP_MIN && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      let body: Uint8Array = Buffer.from(file.data);
      if (gzip) {
        let z = zipped.get(file.path);
        if (!z) zipped.set(file.path, (z = gzipSync(body)));
        body = z;
      }
      const view = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
      return new Response(req.method === 'HEAD' ? null : view, {
        headers: { ...common, ...(gzip && { 'Content-Encoding': 'gzip' }), 'Content-Length': String(body.byteLength) },
      });
    },
  };
}

/** /api/select?requirements=… and /api/review?patterns=a,b&review=name: the tools' structured results as JSON. */
function answer(engine: Engine, path: string, url: string, headers: Record<string, string>): Response {
  const params = new URL(url, 'http://gallery').searchParams;
  const json = { ...headers, 'Cache-Control': 'no-store' };
  try {
    if (path === '/api/select')
      return Response.json(engine.select(valid(Requirements, params.get('requirements') ?? '')), { headers: json });
    const listed = params.get('patterns')?.split(',').filter(Boolean);
    const ids = listed && listed.length > 0 ? listed : undefined; // "patterns=" names none
    const review = params.get('review') || undefined;
    if (!ids && !review) throw new BekError('bad_input', 'Send patterns (ids, comma-separated) or review, or both.');
    const result = reviewResult(
      engine,
      ids ? valid(PatternIds, ids) : [],
      review === undefined ? undefined : valid(ReviewName, review),
    );
    return Response.json(result, { headers: json });
  } catch (error) {
    if (!(error instanceof BekError)) throw error;
    return errorResponse(error.code === 'unknown_id' ? 404 : 400, error.message, false, json);
  }
}

/** The value by the tools' own input rule, or a bad_input naming what is wrong. */
function valid<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BekError('bad_input', parsed.error.issues[0]?.message ?? 'invalid input');
  return parsed.data;
}
