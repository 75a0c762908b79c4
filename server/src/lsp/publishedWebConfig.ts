// The server side of "ANCM: Show web.config as Published…": finds the project of a web.config or project file, lists
// the choices a publish can be made with, and computes the published web.config (service/published/) from the
// project's files, read through projectFiles.ts (unsaved text first, the disk only inside the workspace).

import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { configurationsOf, evaluateProperties, evaluatedValue, publishedWebConfig, readProjectFile } from '../service/languageService';
import type { PublishChoicesResult, PublishedWebConfigParams, PublishedWebConfigResult } from '../protocol/publishedWebConfig';
import { PUBLISHED_WEB_CONFIG_REQUEST, PUBLISH_CHOICES_REQUEST } from '../protocol/requests';
import { type ProjectFileAccess, buildPropsFor, projectFileAccess, projectFileIn, webConfigIn } from './projectFiles';

type OpenText = (filePath: string) => string | undefined;

export function registerPublishedWebConfigRequest(
  connection: Connection,
  workspaceFolders: () => readonly string[],
  openText: OpenText,
  logFailure: (what: string, uri: string, error: unknown) => void,
): void {
  connection.onRequest(PUBLISH_CHOICES_REQUEST, async (params) => {
    try {
      return await publishChoices(String(params?.uri), workspaceFolders(), openText);
    } catch (error) {
      logFailure('publishChoices', String(params?.uri), error);
      return { cannot: 'The project could not be read.' };
    }
  });
  connection.onRequest(PUBLISHED_WEB_CONFIG_REQUEST, async (params) => {
    try {
      return await published(params, workspaceFolders(), openText);
    } catch (error) {
      logFailure('publishedWebConfig', String(params?.projectFolder), error);
      return { cannot: 'The published web.config could not be computed.' };
    }
  });
}

/** The project folder of a web.config, a project file, a file under Properties/, or a folder. */
async function projectFolderOf(access: ProjectFileAccess, filePath: string): Promise<string | undefined> {
  for (let folder = filePath, steps = 0; steps < 4; folder = path.dirname(folder), steps++) {
    if (await projectFileIn(access, folder)) return folder;
    if (path.dirname(folder) === folder) break;
  }
  return undefined;
}

async function publishChoices(uri: string, workspaceFolders: readonly string[], openText: OpenText): Promise<PublishChoicesResult> {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return { cannot: 'Only a file on disk belongs to a project.' };
  const access = projectFileAccess(parsed.fsPath, workspaceFolders, openText);
  const projectFolder = await projectFolderOf(access, parsed.fsPath);
  const projectPath = projectFolder && (await projectFileIn(access, projectFolder));
  const projectText = projectPath && (await access.readText(projectPath));
  if (!projectFolder || !projectPath || projectText === undefined) return { cannot: 'No project file (.csproj, .fsproj, .vbproj) was found beside this file or in the folders above it.' };
  const project = readProjectFile(projectText);
  const values = evaluateProperties([...(await buildPropsFor(access, projectFolder)), projectText].map(readProjectFile), { Configuration: 'Release' });
  const environmentName = evaluatedValue(values, 'EnvironmentName')?.trim();
  const profilesFolder = path.join(projectFolder, 'Properties', 'PublishProfiles');
  const publishProfiles = (await access.list(profilesFolder)).filter((name) => /\.pubxml$/i.test(name)).map((name) => name.replace(/\.pubxml$/i, '')).sort();
  const webConfigPath = await webConfigIn(access, projectFolder);
  return {
    projectFolder,
    projectFile: path.basename(projectPath),
    configurations: configurationsOf(project),
    publishProfiles,
    ...(environmentName && { environmentName }),
    ...(webConfigPath && { webConfigUri: URI.file(webConfigPath).toString() }),
  };
}

async function published(params: PublishedWebConfigParams, workspaceFolders: readonly string[], openText: OpenText): Promise<PublishedWebConfigResult> {
  const projectFolder = String(params?.projectFolder ?? '');
  if (!path.isAbsolute(projectFolder)) return { cannot: 'No project folder was given.' };
  const access = projectFileAccess(path.join(projectFolder, 'web.config'), workspaceFolders, openText);
  const projectPath = await projectFileIn(access, projectFolder);
  const projectText = projectPath && (await access.readText(projectPath));
  if (!projectPath || projectText === undefined) return { cannot: `No project file in ${projectFolder}.` };
  const entries = await access.list(projectFolder);
  const result = await publishedWebConfig(
    {
      projectFileName: path.basename(projectPath),
      projectText,
      buildPropsTexts: await buildPropsFor(access, projectFolder),
      // The SDK names files as MSBuild items on Windows, where names ignore case: match them so here too.
      readProjectRelative: async (relativePath) => {
        const [first, ...rest] = relativePath.split('/');
        const name = rest.length === 0 ? entries.find((entry) => entry.toLowerCase() === first.toLowerCase()) : undefined;
        return access.readText(path.join(projectFolder, ...(name ? [name] : relativePath.split('/'))));
      },
    },
    {
      configuration: String(params.configuration || 'Release'),
      ...(params.publishProfile && { publishProfile: String(params.publishProfile) }),
      ...(params.environmentName && { environmentName: String(params.environmentName) }),
    },
  );
  return {
    text: result.text,
    steps: result.steps.map(({ fileName, reason, outcome }) => ({ fileName, reason, outcome })),
    problems: result.problems.map(({ fileName, severity, message }) => ({ fileName, severity, message })),
  };
}
