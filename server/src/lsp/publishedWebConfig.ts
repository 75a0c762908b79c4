// The server side of "ANCM: Show web.config as Published…": the choices a project can be published with, and its
// web.config as published (project/publishedProject.ts), read inside the workspace folders, unsaved text first.

import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { PublishChoicesResult, PublishedWebConfigResult } from '../protocol/publishedWebConfig';
import { PUBLISHED_WEB_CONFIG_REQUEST, PUBLISH_CHOICES_REQUEST } from '../protocol/requests';
import { projectFileAccess } from '../project/projectFiles';
import { projectFolderOf, publishChoices, publishProject } from '../project/publishedProject';

type OpenText = (filePath: string) => string | undefined;

export function registerPublishedWebConfigRequest(
  connection: Connection,
  workspaceFolders: () => readonly string[],
  openText: OpenText,
  logFailure: (what: string, uri: string, error: unknown) => void,
): void {
  connection.onRequest(PUBLISH_CHOICES_REQUEST, async (params): Promise<PublishChoicesResult> => {
    try {
      const uri = URI.parse(String(params?.uri));
      if (uri.scheme !== 'file') return { cannot: 'Only a file on disk belongs to a project.' };
      const access = projectFileAccess(uri.fsPath, workspaceFolders(), openText);
      const projectFolder = await projectFolderOf(access, uri.fsPath);
      const choices = projectFolder && (await publishChoices(access, projectFolder));
      if (!choices) return { cannot: 'No project file (.csproj, .fsproj, .vbproj) was found beside this file or in the folders above it.' };
      const { webConfigPath, ...rest } = choices;
      return { ...rest, ...(webConfigPath && { webConfigUri: URI.file(webConfigPath).toString() }) };
    } catch (error) {
      logFailure('publishChoices', String(params?.uri), error);
      return { cannot: 'The project could not be read.' };
    }
  });
  connection.onRequest(PUBLISHED_WEB_CONFIG_REQUEST, async (params): Promise<PublishedWebConfigResult> => {
    try {
      const projectFolder = String(params?.projectFolder ?? '');
      if (!path.isAbsolute(projectFolder)) return { cannot: 'No project folder was given.' };
      const access = projectFileAccess(path.join(projectFolder, 'web.config'), workspaceFolders(), openText);
      const result = await publishProject(access, projectFolder, {
        configuration: String(params.configuration || 'Release'),
        ...(params.publishProfile && { publishProfile: String(params.publishProfile) }),
        ...(params.environmentName && { environmentName: String(params.environmentName) }),
      });
      if (!result) return { cannot: `No project file in ${projectFolder}.` };
      return {
        text: result.text,
        steps: result.steps.map(({ fileName, reason, outcome }) => ({ fileName, reason, outcome })),
        problems: result.problems.map(({ fileName, severity, message }) => ({ fileName, severity, message })),
      };
    } catch (error) {
      logFailure('publishedWebConfig', String(params?.projectFolder), error);
      return { cannot: 'The published web.config could not be computed.' };
    }
  });
}
