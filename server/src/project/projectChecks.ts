// The checks of the files around web.config, for the editor and the command line: a project file (and
// Directory.Build.props, publish profiles), Properties/launchSettings.json, and applicationHost.config. Each kind's
// findings need a neighbour: the project file's the web.config beside it, launchSettings.json's the project's
// properties, applicationHost.config's every app's own web.config and project. And web.config's own cross-check needs
// the project file. The neighbours are read through projectFiles.ts (the editor's unsaved text first, the disk only
// inside the roots: the workspace folders, or the folders `ancm check` was given).

import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  type AppFacts,
  type AppHostApplication,
  type CompletionEntry,
  type HoverResult,
  type Issue,
  type ProjectValues,
  type ServedFileKind,
  type SymbolNode,
  type WebConfigDocument,
  applicationHostSymbols,
  completeProjectFile,
  evaluateProperties,
  evaluatedValue,
  hoverProjectFile,
  parseWebConfig,
  physicalPathCandidates,
  projectBitness,
  projectHostingModel,
  readApplicationHost,
  readLaunchSettings,
  readProjectFile,
  validateApplicationHost,
  validateLaunchSettings,
  validateProjectFile,
  isProjectFileName,
  webConfigHostingModel,
  webConfigHostingModelCrossCheck,
} from '../service/languageService';
import { architectureNeed } from '../publish/publishChecks';
import { readPublishFolder } from '../publish/publishFolder';
import { type ProjectFileAccess, buildPropsFor, projectFileAccess, projectFileIn, webConfigIn } from './projectFiles';

/** A link from an applicationHost.config's physicalPath to the app's web.config. */
export interface ApplicationLink {
  readonly start: number;
  readonly end: number;
  readonly target: string;
}

/** The configuration the project's cross-checks read: the one a publish uses unless told otherwise. */
const PUBLISH_CONFIGURATION = 'Release';

export class ProjectChecks {
  constructor(
    private readonly roots: () => readonly string[],
    private readonly openText: (filePath: string) => string | undefined = () => undefined,
  ) {}

  /**
   * The findings of a project file, launchSettings.json or applicationHost.config, before severity overrides. Without
   * a path (a document not on disk) only what the file itself says is checked.
   */
  async issues(filePath: string | undefined, text: string, kind: Exclude<ServedFileKind, 'webConfig'>): Promise<Issue[]> {
    if (kind === 'project') {
      const project = readProjectFile(text);
      // Directory.Build.props and publish profiles are no project a web.config belongs to.
      const written = filePath && isProjectFileName(path.basename(filePath)) ? await this.hostingModelBeside(filePath) : undefined;
      return validateProjectFile(project, written ? { webConfigHostingModel: written } : undefined);
    }
    if (kind === 'launchSettings') {
      // Properties/launchSettings.json belongs to the project in the folder above Properties.
      const values = filePath ? await this.projectValues(this.access(filePath), path.dirname(path.dirname(filePath)), 'Debug') : undefined;
      return validateLaunchSettings(readLaunchSettings(text), values);
    }
    const model = readApplicationHost(text);
    if (!filePath) return validateApplicationHost(model);
    const facts = await this.applicationFacts(filePath, model.applications);
    return validateApplicationHost(model, (application) => facts.get(application));
  }

  /** web.config's side of the hosting-model cross-check, against the project file in its folder. */
  async webConfigIssues(filePath: string | undefined, model: WebConfigDocument): Promise<Issue[]> {
    if (!filePath || model.isTransform || model.sections.length === 0) return [];
    const values = await this.projectValues(this.access(filePath), path.dirname(filePath), PUBLISH_CONFIGURATION);
    const projectHostingModel = values && evaluatedValue(values, 'AspNetCoreHostingModel');
    return projectHostingModel === undefined ? [] : webConfigHostingModelCrossCheck(model, { value: projectHostingModel });
  }

  complete(text: string, offset: number): CompletionEntry[] {
    return completeProjectFile(readProjectFile(text), offset);
  }

  hover(text: string, offset: number): HoverResult | undefined {
    return hoverProjectFile(readProjectFile(text), offset);
  }

  symbols(text: string): SymbolNode[] {
    return applicationHostSymbols(readApplicationHost(text));
  }

  /** Each application's physicalPath, linked to its web.config where one is found on this machine. */
  async links(filePath: string | undefined, text: string): Promise<ApplicationLink[]> {
    if (!filePath) return [];
    const model = readApplicationHost(text);
    const facts = await this.applicationFacts(filePath, model.applications);
    const links: ApplicationLink[] = [];
    for (const application of model.applications) {
      const target = facts.get(application)?.webConfigUri;
      if (target && application.physicalPathSpan) links.push({ ...application.physicalPathSpan, target });
    }
    return links;
  }

  private access(servedPath: string): ProjectFileAccess {
    return projectFileAccess(servedPath, this.roots(), this.openText);
  }

  /** The hostingModel the web.config beside a project file writes, if any. */
  private async hostingModelBeside(projectPath: string): Promise<{ value: string } | undefined> {
    const access = this.access(projectPath);
    return this.hostingModelWritten(access, await webConfigIn(access, path.dirname(projectPath)));
  }

  /** The hostingModel the web.config at `webConfigPath` writes, if any. */
  private async hostingModelWritten(access: ProjectFileAccess, webConfigPath: string | undefined): Promise<{ value: string } | undefined> {
    const text = webConfigPath && (await access.readText(webConfigPath));
    return text ? webConfigHostingModel(parseWebConfig(text)) : undefined;
  }

  /** The properties of the project in `folder`, Directory.Build.props first, for a configuration. */
  private async projectValues(access: ProjectFileAccess, folder: string, configuration: string) {
    const projectPath = await projectFileIn(access, folder);
    const projectText = projectPath && (await access.readText(projectPath));
    if (!projectText) return undefined;
    const files = [...(await buildPropsFor(access, folder)), projectText].map(readProjectFile);
    return evaluateProperties(files, { Configuration: configuration });
  }

  /** What each app's own folder says: its web.config's hostingModel (else the project's), the project's bitness. */
  private async applicationFacts(configPath: string, applications: readonly AppHostApplication[]): Promise<Map<AppHostApplication, AppFacts>> {
    const access = this.access(configPath);
    const facts = new Map<AppHostApplication, AppFacts>();
    for (const application of applications) {
      if (!application.physicalPath) continue;
      for (const folder of physicalPathCandidates(application.physicalPath, configPath)) {
        const webConfigPath = await webConfigIn(access, folder);
        const values = await this.projectValues(access, folder, 'Debug');
        if (!webConfigPath && !values) continue;
        const written = await this.hostingModelWritten(access, webConfigPath);
        const model = (written?.value ?? projectHostingModel(values))?.toLowerCase();
        facts.set(application, {
          ...(model === 'inprocess' || model === 'outofprocess' ? { hostingModel: model } : {}),
          ...(values ? bitnessFact(values) : await publishedBitness(access, folder)),
          ...(webConfigPath && { webConfigUri: URI.file(webConfigPath).toString() }),
        });
        break;
      }
    }
    return facts;
  }
}

/**
 * A folder without a project is usually what IIS serves: a publish output, whose PE headers say what the app pool needs
 * (the publish checks' reading of apphost, hostfxr.dll and the app's dll).
 */
async function publishedBitness(access: ProjectFileAccess, folder: string): Promise<Pick<AppFacts, 'bitness'>> {
  if (!(await access.contains(folder))) return {};
  const published = await readPublishFolder(folder);
  if (!published) return {};
  const need = architectureNeed(published, published.apps.length === 1 ? published.apps[0] : undefined);
  if (need.conflict || need.needs === undefined) return published.apps.length === 1 ? { bitness: 'any' } : {};
  if (need.needs === 'x86' || need.needs === 'arm') return { bitness: 'x86' };
  return { bitness: need.needs };
}

/** What the project fixes about the app's bitness, in applicationHost.config's terms. */
function bitnessFact(values: ProjectValues | undefined): Pick<AppFacts, 'bitness'> {
  const fixed = projectBitness(values);
  return fixed ? { bitness: fixed.bitness === 32 ? 'x86' : 'x64' } : {};
}
