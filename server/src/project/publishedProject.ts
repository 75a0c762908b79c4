// A project's web.config as `dotnet publish` writes it, from the project's files on disk (service/published/ does the
// SDK's work; this finds the project and reads its files through projectFiles.ts). The editor's "Show web.config as
// Published..." and `ancm published` both come here.

import * as path from 'node:path';
import { type PublishedWebConfig, type PublishedWebConfigOptions, configurationsOf, evaluateProperties, evaluatedValue, publishedWebConfig, readProjectFile } from '../service/languageService';
import { type ProjectFileAccess, buildPropsFor, projectFileIn, webConfigIn } from './projectFiles';

/** How far up from a file the project folder is looked for: web.config (0), Properties/launchSettings.json (1), a profile (2). */
const MAX_LEVELS_UP = 3;

/** The project folder of a web.config, a project file, a file under Properties/, or a folder. */
export async function projectFolderOf(access: ProjectFileAccess, filePath: string): Promise<string | undefined> {
  for (let folder = filePath, level = 0; level <= MAX_LEVELS_UP; folder = path.dirname(folder), level++) {
    if (await projectFileIn(access, folder)) return folder;
    if (path.dirname(folder) === folder) break;
  }
  return undefined;
}

export interface PublishChoices {
  readonly projectFolder: string;
  readonly projectFile: string;
  /** Debug, Release and any other configuration the project's conditions name. */
  readonly configurations: readonly string[];
  /** The names of Properties/PublishProfiles/*.pubxml. */
  readonly publishProfiles: readonly string[];
  /** The project's own EnvironmentName for Release, if it sets one. */
  readonly environmentName?: string;
  /** The project's web.config, when it has one. */
  readonly webConfigPath?: string;
}

export async function publishChoices(access: ProjectFileAccess, projectFolder: string): Promise<PublishChoices | undefined> {
  const projectPath = await projectFileIn(access, projectFolder);
  const projectText = projectPath && (await access.readText(projectPath));
  if (!projectPath || projectText === undefined) return undefined;
  const values = evaluateProperties([...(await buildPropsFor(access, projectFolder)), projectText].map(readProjectFile), { Configuration: 'Release' });
  const environmentName = evaluatedValue(values, 'EnvironmentName')?.trim();
  const publishProfiles = (await access.list(path.join(projectFolder, 'Properties', 'PublishProfiles')))
    .filter((name) => /\.pubxml$/i.test(name))
    .map((name) => name.replace(/\.pubxml$/i, ''))
    .sort();
  const webConfigPath = await webConfigIn(access, projectFolder);
  return {
    projectFolder,
    projectFile: path.basename(projectPath),
    configurations: configurationsOf(readProjectFile(projectText)),
    publishProfiles,
    ...(environmentName && { environmentName }),
    ...(webConfigPath && { webConfigPath }),
  };
}

/** The published web.config of the project in `projectFolder`; undefined when there is no project file to read. */
export async function publishProject(access: ProjectFileAccess, projectFolder: string, options: PublishedWebConfigOptions): Promise<PublishedWebConfig | undefined> {
  const projectPath = await projectFileIn(access, projectFolder);
  const projectText = projectPath && (await access.readText(projectPath));
  if (!projectPath || projectText === undefined) return undefined;
  const entries = await access.list(projectFolder);
  return publishedWebConfig(
    {
      projectFileName: path.basename(projectPath),
      projectText,
      buildPropsTexts: await buildPropsFor(access, projectFolder),
      // MSBuild on Windows finds web.Release.config as Web.release.config too: names in the project folder ignore case.
      readProjectRelative: (relativePath) => {
        const parts = relativePath.split('/');
        const name = parts.length === 1 ? entries.find((entry) => entry.toLowerCase() === parts[0].toLowerCase()) : undefined;
        return access.readText(path.join(projectFolder, ...(name ? [name] : parts)));
      },
    },
    options,
  );
}
