// Replaces a file's content so that a reader (or a crash, or a full disk) sees either the old bytes or
// the new ones, never a truncated mix: the new bytes go to a temporary file beside it, which is flushed
// to disk and then renamed over the original. The original's mode (and, as root, its owner) carries over.

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** The file-system calls the writer makes; tests pass their own to make any step fail. */
export interface AtomicWriteFileSystem {
  stat(target: string): Promise<{ mode: number; uid: number; gid: number }>;
  access(target: string, mode: number): Promise<void>;
  open(file: string, flags: string, mode: number): Promise<TemporaryFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export interface TemporaryFileHandle {
  writeFile(bytes: Uint8Array): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const nodeFileSystem: AtomicWriteFileSystem = {
  stat: (target) => fs.stat(target),
  access: (target, mode) => fs.access(target, mode),
  open: (file, flags, mode) => fs.open(file, flags, mode),
  rename: (from, to) => fs.rename(from, to),
  unlink: (file) => fs.unlink(file),
};

/** Keeps the temporary name within any file system's 255-byte limit, whatever the original's length. */
const MAX_NAME_PART = 64;

export function temporaryNameFor(target: string): string {
  const name = path.basename(target).slice(0, MAX_NAME_PART);
  // A leading dot and no .config ending: a concurrent `ancm check` never picks the temporary file up.
  return path.join(path.dirname(target), `.${name}.${randomBytes(6).toString('hex')}.ancm-tmp`);
}

/**
 * Writes `bytes` over the existing regular file `target` (a real path: a symlink would be replaced by
 * the file, so callers resolve links first). On any failure the original is untouched and the
 * temporary file is removed; the error is passed on.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array, fileSystem: AtomicWriteFileSystem = nodeFileSystem): Promise<void> {
  const original = await fileSystem.stat(target);
  // A rename needs only the folder to be writable: without this, a file its owner made read-only would
  // be replaced anyway, which an in-place write never did.
  await fileSystem.access(target, constants.W_OK);
  const temporary = temporaryNameFor(target);
  // Exclusive: never opens a file (or a symlink) someone placed at the temporary name. Private until complete.
  const handle = await fileSystem.open(temporary, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      if (process.getuid?.() === 0 && (original.uid !== process.getuid() || original.gid !== process.getgid?.())) {
        await handle.chown(original.uid, original.gid).catch((error: NodeJS.ErrnoException) => {
          // Some file systems (NFS with root squashing) refuse even root; the content still matters more.
          if (error.code !== 'EPERM') throw error;
        });
      }
      // After chown, which clears setuid and setgid bits.
      await handle.chmod(original.mode & 0o7777);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fileSystem.rename(temporary, target);
    renamed = true;
  } finally {
    if (!renamed) await fileSystem.unlink(temporary).catch(() => undefined);
  }
  await syncFolder(path.dirname(target));
}

/** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
