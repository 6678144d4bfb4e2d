import { createHash } from 'node:crypto';

/** The SHA-256 of a text or bytes, raw. */
export const sha256 = (data: string | Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** The SHA-256 of a text or bytes, as lower-case hex. */
export const sha256Hex = (data: string | Uint8Array): string => sha256(data).toString('hex');
