import { type DiscoverResult, type McpServer, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/server';

// The SDK's server/discover names only the 2026-07-28 revisions ("2025-era versions are negotiated via
// initialize"), but the 2026-07-28 schema defines DiscoverResult.supportedVersions as the "MCP Protocol
// Versions this server supports", and this server also answers a 2025-11-25 (or older) initialize. A
// client picks from the list only the versions it can speak, so naming the handshake ones is safe.
//
// The serving entries (serveStdio, createMcpHandler) install their own server/discover handler after
// the factory returns, so a handler set here would be replaced; that handler calls `_ondiscover` when
// a request arrives, so the SDK's result is extended there, keeping its capabilities, instructions and
// the cache hint the handler's wrapper adds.

type Discovering = { _ondiscover: () => DiscoverResult };

/** Makes `server/discover` on `server` list every protocol version served: the SDK's, then the handshake ones. */
export function discoverEveryVersion(server: McpServer): void {
  const inner = server.server as unknown as Discovering;
  const sdk = inner._ondiscover.bind(inner);
  inner._ondiscover = () => {
    const result = sdk();
    return {
      ...result,
      supportedVersions: [...new Set([...result.supportedVersions, ...SUPPORTED_PROTOCOL_VERSIONS])],
    };
  };
}
