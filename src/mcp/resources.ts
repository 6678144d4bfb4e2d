import { type McpServer, ProtocolError, ProtocolErrorCode, ResourceTemplate } from '@modelcontextprotocol/server';
import type { Pattern } from '../core/catalogue/types.js';
import { BekError } from '../util/errors.js';
import { guideUri, PATTERN_URI_TEMPLATE, patternUri, SKILL_URI } from '../core/catalogue/uri.js';
import type { Engine } from '../core/engine.js';
import { findPattern } from '../core/lookup.js';
import { renderPattern } from '../output/render.js';
import { patternResult } from '../output/results.js';
import type { Completer } from './completion.js';

const MARKDOWN = 'text/markdown';

/** Completes pattern ids in the template by prefix, over the catalogue served now. */
export function patternIdCompleter(current: () => Engine): Completer {
  return (value) =>
    current()
      .catalogue.patterns.map((p) => p.id)
      .filter((id) => id.startsWith(value.trim().toLowerCase()));
}

/**
 * The pattern a resource URI names. A malformed percent-encoding or an unknown id is the client's
 * mistake: -32602 (invalid params, as the specification asks for an unknown resource) with a short
 * message that says what to send, never an internal error.
 */
function patternOf(engine: Engine, encoded: string): Pattern {
  let id: string;
  try {
    id = decodeURIComponent(encoded);
  } catch {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      'Malformed percent-encoding in the resource URI; send bek://patterns/<id>, e.g. bek://patterns/api-error-model',
    );
  }
  try {
    return findPattern(engine, id);
  } catch (error) {
    if (error instanceof BekError) throw new ProtocolError(ProtocolErrorCode.InvalidParams, error.message);
    throw error;
  }
}

/**
 * SKILL.md, each reference guide, and one template for every pattern by id. The skill and the guides are
 * the base catalogue's, which --watch does not reload; the patterns are read from the engine served now.
 */
export function registerResources(server: McpServer, current: () => Engine): void {
  const { catalogue } = current();
  server.registerResource(
    'skill',
    SKILL_URI,
    { title: 'Backend Patterns skill (SKILL.md)', description: catalogue.skill.description, mimeType: MARKDOWN },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: MARKDOWN, text: catalogue.skill.text }] }),
  );
  for (const guide of catalogue.guides) {
    server.registerResource(
      guide.name,
      guideUri(guide.name),
      { title: guide.title, description: guide.description, mimeType: MARKDOWN },
      (uri) => ({ contents: [{ uri: uri.href, mimeType: MARKDOWN, text: guide.body }] }),
    );
  }
  const template = new ResourceTemplate(PATTERN_URI_TEMPLATE, {
    list: () => ({
      resources: current().catalogue.patterns.map((p) => ({
        uri: patternUri(p.id),
        name: p.id,
        title: p.title,
        description: p.summary,
        mimeType: MARKDOWN,
      })),
    }),
  });
  server.registerResource(
    'pattern',
    template,
    {
      title: 'Backend pattern by id',
      description: 'One pattern document, e.g. bek://patterns/api-error-model',
      mimeType: MARKDOWN,
    },
    (uri, variables) => {
      const engine = current();
      const result = patternResult(engine.catalogue, patternOf(engine, String(variables.id ?? '')));
      return { contents: [{ uri: uri.href, mimeType: MARKDOWN, text: renderPattern(result, { sources: true }) }] };
    },
  );
}
