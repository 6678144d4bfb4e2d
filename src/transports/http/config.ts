import { isIP } from 'node:net';
import { localhostAllowedHostnames, localhostAllowedOrigins } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { BekError } from '../../util/errors.js';

const unset = (v: unknown) => (v === '' ? undefined : v);
const integer = (min: number, max: number) => {
  const range = `expected a whole number from ${min} to ${max}`;
  return z.preprocess(unset, z.coerce.number({ error: range }).int(range).min(min, range).max(max, range).optional());
};
const list = z.preprocess(unset, z.string().optional()).transform((v) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)
    : [],
);

// One schema for every setting, flag or environment variable, so a bad value is caught at start with its name.
const Schema = z.object({
  BEK_PORT: integer(0, 65535).default(3000),
  BEK_HOST: z
    .preprocess(
      unset,
      z
        .string()
        .regex(/^[A-Za-z0-9.:-]+$/, 'expected a host name or IP address')
        .optional(),
    )
    .default('127.0.0.1'),
  BEK_AUTH_TOKEN: z.preprocess(
    unset,
    z
      .string()
      .min(16, 'must be at least 16 characters')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  ),
  BEK_RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000).default(600),
  BEK_ALLOWED_HOSTS: list,
  BEK_ALLOWED_ORIGINS: list,
  BEK_MAX_BODY_BYTES: integer(1024, 64 * 1024 * 1024).default(1024 * 1024),
  BEK_REQUEST_TIMEOUT_MS: integer(100, 10 * 60_000).default(15_000),
  BEK_LOG_LEVEL: z.preprocess(unset, z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()).default('info'),
});

/** The validated HTTP service settings. */
export interface HttpConfig {
  port: number;
  host: string;
  authToken: string | undefined;
  rateLimitPerMinute: number;
  /** Host header names accepted (DNS-rebinding protection), port-agnostic. */
  allowedHosts: string[];
  /** Origin host names accepted from browsers. */
  allowedOrigins: string[];
  maxBodyBytes: number;
  requestTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** Every spelling of "all interfaces" once normalised: IPv4, IPv6, and IPv4-mapped IPv6 (::ffff:0.0.0.0). */
const WILDCARD = new Set(['0.0.0.0', '[::]', '[::ffff:0:0]', '']);
/**
 * A bind address as the Host check sees it (WHATWG URL, as the SDK parses the header): lower case, IPv6 in
 * brackets and compressed, IPv4 dotted, so "0" and "::0" are the wildcards they are and "127.1" is 127.0.0.1.
 */
const hostname = (host: string) => {
  try {
    return new URL(`http://${isIP(host) === 6 ? `[${host}]` : host}`).hostname;
  } catch {
    return host.toLowerCase();
  }
};

/** Reads flags (which win) and environment into one validated config; a bad value throws BekError('bad_config') naming it. */
export function loadHttpConfig(
  flags: { port?: string | undefined; host?: string | undefined },
  env: NodeJS.ProcessEnv,
): HttpConfig {
  const input = {
    ...env,
    ...(flags.port !== undefined && { BEK_PORT: flags.port }),
    ...(flags.host !== undefined && { BEK_HOST: flags.host }),
  };
  const parsed = Schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'configuration');
    const shown = name === 'BEK_AUTH_TOKEN' ? '' : ` (got "${String(input[name as keyof typeof input] ?? '')}")`;
    throw new BekError('bad_config', `${flagName(name, flags)}: ${issue?.message ?? 'invalid value'}${shown}`);
  }
  const c = parsed.data;
  const host = c.BEK_HOST;
  const name = hostname(host);
  if (WILDCARD.has(name) && c.BEK_ALLOWED_HOSTS.length === 0) {
    throw new BekError(
      'bad_config',
      `binding ${host} serves every interface: set BEK_ALLOWED_HOSTS to the host names clients use (DNS-rebinding protection)`,
    );
  }
  // Loopback names are in the SDK's lists already (the lists are deduplicated).
  const own = WILDCARD.has(name) ? [] : [name];
  return {
    port: c.BEK_PORT,
    host,
    authToken: c.BEK_AUTH_TOKEN,
    rateLimitPerMinute: c.BEK_RATE_LIMIT_PER_MINUTE,
    // Written as the Host check will compare them: "::1" or "example.com:8080" in the list still match.
    allowedHosts: [...new Set([...localhostAllowedHostnames(), ...own, ...c.BEK_ALLOWED_HOSTS.map(hostname)])],
    allowedOrigins: [...new Set([...localhostAllowedOrigins(), ...own, ...c.BEK_ALLOWED_ORIGINS])],
    maxBodyBytes: c.BEK_MAX_BODY_BYTES,
    requestTimeoutMs: c.BEK_REQUEST_TIMEOUT_MS,
    logLevel: c.BEK_LOG_LEVEL,
  };
}

function flagName(name: string, flags: { port?: string | undefined; host?: string | undefined }): string {
  if (name === 'BEK_PORT' && flags.port !== undefined) return '--port';
  if (name === 'BEK_HOST' && flags.host !== undefined) return '--host';
  return name;
}
