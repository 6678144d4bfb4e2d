import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { BekError } from '../../util/errors.js';

export interface Existing {
  text: string;
  /** The file itself when `file` is a symbolic link (dotfile managers link them): it is written in place. */
  path: string;
  mode: number;
}

/** Reads a client's file, or undefined when there is none. */
export function readConfig(file: string): Existing | undefined {
  let path: string;
  try {
    path = realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const stat = statSync(path);
  if (!stat.isFile()) throw new BekError('refused', `left ${file} untouched: it is not a regular file`);
  return { text: readFileSync(path, 'utf8'), path, mode: stat.mode & 0o777 };
}

/**
 * Replaces the file with `text` in one rename (a crash leaves the old file or the new one, never half of
 * one), after copying the old file beside it; returns the copy's path. New files are private (0600):
 * a client's file may hold other servers' secrets.
 */
export function writeConfig(file: string, text: string, old: Existing | undefined): string | undefined {
  const target = old?.path ?? file;
  mkdirSync(dirname(target), { recursive: true });
  const backup = old && backupPath(target);
  if (backup) copyFileSync(target, backup, constants.COPYFILE_EXCL);
  const temporary = `${target}.bek-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: old?.mode ?? 0o600 });
    if (old) chmodSync(temporary, old.mode); // the umask may have narrowed it
    // A client that rewrites its own file (Claude Code does, while it runs) may have changed it since it was read.
    if (old && readFileSync(target, 'utf8') !== old.text)
      throw new BekError('refused', `${file} changed while bek was updating it; nothing was written, run it again`);
    renameSync(temporary, target);
  } catch (error) {
    if (backup) rmSync(backup, { force: true });
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return backup;
}

function backupPath(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const path = `${file}.${stamp}${n ? `-${n}` : ''}.bak`;
    if (!existsSync(path)) return path;
  }
}
