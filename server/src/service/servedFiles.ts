// Which kind of file the server serves at a URI. Besides web.config and its transforms (webConfigFiles.ts): the MSBuild
// files whose properties the Web SDK writes into the published web.config (a project file, Directory.Build.props, a
// publish profile), Visual Studio's launchSettings.json, and IIS's or IIS Express's applicationHost.config.

import { URI, Utils } from 'vscode-uri';
import { isWebConfigFileName } from './webConfigFiles';

export type ServedFileKind = 'webConfig' | 'project' | 'launchSettings' | 'applicationHost';

const PROJECT_FILE = /\.(cs|fs|vb)proj$/i;
const MSBUILD_FILE = /^directory\.build\.props$|\.pubxml$/i;

/** A project file proper (`*.csproj`, `*.fsproj`, `*.vbproj`): the one a web.config beside it belongs to. */
export function isProjectFileName(fileName: string): boolean {
  return PROJECT_FILE.test(fileName);
}

export function servedFileKindOfName(fileName: string): ServedFileKind | undefined {
  if (isWebConfigFileName(fileName)) return 'webConfig';
  if (isProjectFileName(fileName) || MSBUILD_FILE.test(fileName)) return 'project';
  if (/^launchsettings\.json$/i.test(fileName)) return 'launchSettings';
  if (/^applicationhost\.config$/i.test(fileName)) return 'applicationHost';
  return undefined;
}

export function servedFileKind(uri: string): ServedFileKind | undefined {
  try {
    return servedFileKindOfName(Utils.basename(URI.parse(uri)));
  } catch {
    return undefined;
  }
}
