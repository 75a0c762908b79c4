// Reading the files around a checked one: the project file beside a web.config, the web.config beside a project file,
// the apps an applicationHost.config names. The editor's unsaved text wins over the disk. Those files may come from a
// stranger, so the disk is read only inside the root that holds the checked file (the editor's workspace folder, the
// folder `ancm check` was given; the file's own folder when no root does), regular files only, symbolic links
// resolved and kept inside (files/openFile.ts).

import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { confinedPath, isInside, readRegularTextFile } from '../files/openFile';
import { isProjectFileName } from '../service/languageService';

/** Larger files are not what these are: a project file or web.config of megabytes is not read for a cross-check. */
const MAX_BYTES = 4 * 1024 * 1024;

export interface ProjectFileAccess {
  /** The text of a file, or undefined when it does not exist, is not a regular file or lies outside the root. */
  readText(filePath: string): Promise<string | undefined>;
  /** The names of the entries of a folder inside the root; empty when it cannot be listed. */
  list(folder: string): Promise<string[]>;
  /** Whether the folder really (symbolic links resolved) lies inside the root. */
  contains(folder: string): Promise<boolean>;
}

export function projectFileAccess(servedPath: string, roots: readonly string[], openText: (filePath: string) => string | undefined = () => undefined): ProjectFileAccess {
  const root = roots.filter((folder) => isInside(folder, servedPath)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(servedPath);
  return {
    async readText(filePath) {
      if (!isInside(root, filePath)) return undefined;
      return openText(filePath) ?? (await readRegularTextFile(filePath, MAX_BYTES, root))?.replace(/^\uFEFF/, '');
    },
    async contains(folder) {
      try {
        await confinedPath(folder, root);
        return isInside(root, folder);
      } catch {
        return false;
      }
    },
    async list(folder) {
      if (!isInside(root, folder)) return [];
      try {
        return await readdir(await confinedPath(folder, root));
      } catch {
        return [];
      }
    },
  };
}

/** The project file of a folder (the first in name order when there are several), as a path. */
export async function projectFileIn(access: ProjectFileAccess, folder: string): Promise<string | undefined> {
  const name = (await access.list(folder)).filter(isProjectFileName).sort()[0];
  return name === undefined ? undefined : path.join(folder, name);
}

/** The web.config of a folder in any letter case. */
export async function webConfigIn(access: ProjectFileAccess, folder: string): Promise<string | undefined> {
  const name = (await access.list(folder)).find((entry) => entry.toLowerCase() === 'web.config');
  return name === undefined ? undefined : path.join(folder, name);
}

/** Directory.Build.props files MSBuild imports for a project in `folder`: the nearest one up the tree (inside the root). */
export async function buildPropsFor(access: ProjectFileAccess, folder: string): Promise<string[]> {
  for (let current = folder; ; current = path.dirname(current)) {
    const name = (await access.list(current)).find((entry) => entry.toLowerCase() === 'directory.build.props');
    if (name !== undefined) {
      const text = await access.readText(path.join(current, name));
      return text === undefined ? [] : [text];
    }
    if (path.dirname(current) === current) return [];
  }
}
