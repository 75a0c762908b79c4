// A best-effort hint that a file may have changed, from fs.watch on its folder. The folder is watched
// rather than the file because a watch on the file is lost when the file is replaced or deleted.
// It is only a hint: fs.watch may be unavailable, may throw (the folder is missing), may stop without
// notice (the folder was deleted), and on Windows often says nothing about appends by a process that
// keeps the file open. The tail reader polls anyway; the hint only makes it read sooner.

import { type FSWatcher, watch } from 'node:fs';
import * as path from 'node:path';

export class ChangeHint {
  private watcher: FSWatcher | undefined;
  private readonly folder: string;
  private readonly fileName: string;

  constructor(
    filePath: string,
    private readonly onHint: () => void,
  ) {
    this.folder = path.dirname(filePath);
    this.fileName = comparable(path.basename(filePath));
  }

  /** Starts watching if not watching yet; fails silently (the next call tries again). */
  ensure(): void {
    if (this.watcher) return;
    try {
      const watcher = watch(this.folder, { persistent: false }, (_event, name) => {
        // No name means the platform could not say which entry changed: it may be ours.
        if (name === null || comparable(name.toString()) === this.fileName) this.onHint();
      });
      watcher.on('error', () => this.close());
      this.watcher = watcher;
    } catch {
      this.watcher = undefined;
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }
}

/** Windows and macOS file names ignore case by default; elsewhere they do not. */
function comparable(name: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? name.toLowerCase() : name;
}
