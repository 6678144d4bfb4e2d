import type { McpServer } from '@modelcontextprotocol/server';
import { readAsset } from '../output/assets.js';

// MCP Apps (io.modelcontextprotocol/ui, stable 2026-01-26): search_patterns, select_pattern and
// review_checklist link one view, which hosts that render MCP Apps show beside the result; other clients
// read the same text and structuredContent as before. Names and MIME type as in the specification
// (modelcontextprotocol/ext-apps; RESOURCE_MIME_TYPE and RESOURCE_URI_META_KEY of @modelcontextprotocol/ext-apps).

export const APP_VIEW_URI = 'ui://bek/patterns.html';
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';

/** The tool `_meta` that links the view: the nested form, and the flat key older hosts read. */
export const APP_TOOL_META = { ui: { resourceUri: APP_VIEW_URI }, 'ui/resourceUri': APP_VIEW_URI };

/** The view: one HTML file (dist/app-view.html) with the gallery's cards, read once when first asked for. */
export function registerAppView(server: McpServer): void {
  server.registerResource(
    'patterns-view',
    APP_VIEW_URI,
    {
      title: 'Backend patterns view (MCP Apps)',
      description: 'Search, selection and review results as the gallery cards, for hosts that render MCP Apps',
      mimeType: APP_MIME_TYPE,
    },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: APP_MIME_TYPE, text: view() }] }),
  );
}

let html: string | undefined;
const view = () => (html ??= readAsset('app-view.html'));
