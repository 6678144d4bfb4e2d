import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

/** The largest document the loader reads: a pattern is a few dozen KB; this bounds the work of every read. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export type FileRead = { bytes: Buffer } | { problem: string };

/** The folder's real path, against which symlinks are checked; the path itself when it cannot be resolved. */
export function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

const kind = (s: Stats) =>
  s.isDirectory()
    ? 'a directory'
    : s.isFIFO()
      ? 'a FIFO'
      : s.isSocket()
        ? 'a socket'
        : s.isCharacterDevice() || s.isBlockDevice()
          ? 'a device'
          : 'not a regular file';

/**
 * Reads a catalogue file only when it is a regular file inside `realRoot` (the folder's real path) and at
 * most MAX_DOCUMENT_BYTES: FIFOs, devices, sockets, directories, dangling or looping symlinks and
 * symlinks that leave the folder are each a problem for that file, never a hang, a crash or a leak.
 */
export function readCatalogueFile(realRoot: string, path: string): FileRead {
  let real: string;
  try {
    real = realpathSync(path); // resolves the file and any symlinked folder on the way
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem:
        code === 'ELOOP'
          ? 'a symlink loop'
          : code === 'ENOENT'
            ? 'a dangling symlink or a missing file'
            : `unreadable (${code})`,
    };
  }
  if (!real.startsWith(realRoot + sep)) return { problem: 'a symlink to a file outside the catalogue folder' };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the open descriptor.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { problem: `unreadable (${(error as NodeJS.ErrnoException).code})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: `${kind(stats)}, not a document file` };
    if (stats.size > MAX_DOCUMENT_BYTES)
      return { problem: `${stats.size} bytes, over the limit of ${MAX_DOCUMENT_BYTES} bytes (1 MiB) for a document` };
    // One byte more than fstat's size: a file that grew since is caught, not read without bound.
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > stats.size) return { problem: 'changed while it was read' };
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
