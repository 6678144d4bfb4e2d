import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { validateHostHeader, validateOriginHeader } from '@modelcontextprotocol/server';
import { sha256 } from '../../util/hash.js';
import type { HttpConfig } from './config.js';

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const HOST_SHAPE = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

/** DNS-rebinding protection: a Host or Origin that is not ours (or allow-listed) is refused with the reason. */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, config: HttpConfig): string | undefined {
  // A Host is a name and a port: userinfo ("evil.com@127.0.0.1"), a path or spaces would be read by a
  // URL parser as something else than what a proxy routed on.
  if (headers.host !== undefined && !HOST_SHAPE.test(headers.host)) return 'Invalid Host header';
  const host = validateHostHeader(headers.host, config.allowedHosts);
  if (!host.ok) return host.message;
  const origin = validateOriginHeader(one(headers.origin), config.allowedOrigins);
  return origin.ok ? undefined : origin.message;
}

export type AuthCheck = { ok: true } | { ok: false; challenge: string };

/** Builds the bearer-token check; without a configured token every request passes. */
export function bearerAuth(token: string | undefined): (headers: IncomingHttpHeaders) => AuthCheck {
  if (token === undefined) return () => ({ ok: true });
  // Hashing both sides gives equal lengths, so timingSafeEqual never leaks the token's length either.
  const expected = sha256(token);
  return (headers) => {
    const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(one(headers.authorization) ?? '');
    if (!match) return { ok: false, challenge: 'Bearer realm="bek"' };
    if (timingSafeEqual(sha256(match[1] ?? ''), expected)) return { ok: true };
    return { ok: false, challenge: 'Bearer realm="bek", error="invalid_token"' };
  };
}

const SANE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token (so logs can join across services), else a fresh UUID. */
export function requestId(headers: IncomingHttpHeaders): string {
  const given = one(headers['x-request-id']);
  return given !== undefined && SANE_ID.test(given) ? given : randomUUID();
}
