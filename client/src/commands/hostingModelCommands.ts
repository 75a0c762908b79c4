// Toggle Hosting Model and Set Hosting Model...: edit hostingModel in web.config and keep the project file's
// <AspNetCoreHostingModel> in step (publish keeps web.config's value and ignores the project's, while Visual Studio
// runs IIS Express with the project's: two values that disagree are a trap either way), then offer what else usually
// has to change: a V1 handler, which ignores hostingModel. IIS recycles the app when the value changes.
// The language server computes every edit; the project file's from the text sent with the request, since the
// project file need not be open.

import * as path from 'node:path';
import { type ExtensionContext, FileType, type TextDocument, Uri, commands, window, workspace } from 'vscode';
import { type HostingModelName, type WebConfigEditAction, type WebConfigEditResult, type WebConfigEdits, isEditRefused } from '../../../server/src/protocol/edits';
import type { ServerRequests } from '../serverRequests';
import type { TargetWebConfig } from '../targetWebConfig';
import { applyToProjectFile, editWebConfig, editWebConfigAgain } from './documentEdits';
import { confirmWriteInRestrictedMode } from './restrictedMode';

export const TOGGLE_HOSTING_MODEL = 'ancm.toggleHostingModel';
export const SET_HOSTING_MODEL = 'ancm.setHostingModel';

const PROJECT_FILE = /\.(cs|fs|vb)proj$/i;

export function hostingModelLabel(model: HostingModelName): string {
  return model === 'inprocess' ? 'in-process' : 'out-of-process';
}

export function registerHostingModelCommands(context: ExtensionContext, server: ServerRequests): void {
  context.subscriptions.push(
    commands.registerCommand(TOGGLE_HOSTING_MODEL, () => changeHostingModel(server, 'Toggle hosting model', () => ({ action: 'toggleHostingModel' }))),
    commands.registerCommand(SET_HOSTING_MODEL, () => changeHostingModel(server, 'Set hosting model', (target) => pickHostingModel(server, target))),
  );
}

async function pickHostingModel(server: ServerRequests, target: TargetWebConfig): Promise<WebConfigEditAction | undefined> {
  // Only to mark the current model in the list: the edit itself is asked for after the pick, on the text as it is then.
  const answer = await server.hostingModelState(target.document, target.cursor);
  const current = answer?.state.kind === 'model' ? answer.state.model : undefined;
  const option = (model: HostingModelName, label: string, detail: string) => ({ model, label, detail, description: model === current ? 'current' : undefined });
  const items = [
    option('inprocess', 'In-process', 'The app runs inside the IIS worker process (w3wp.exe). Needs AspNetCoreModuleV2.'),
    option('outofprocess', 'Out-of-process', 'The app runs in its own process (Kestrel) and IIS forwards requests to it.'),
  ];
  const picked = await window.showQuickPick(items, { placeHolder: 'Hosting model for this app' });
  return picked && { action: 'setHostingModel', arg: picked.model };
}

async function changeHostingModel(
  server: ServerRequests,
  action: string,
  choose: (target: TargetWebConfig) => WebConfigEditAction | undefined | Thenable<WebConfigEditAction | undefined>,
): Promise<void> {
  const applied = await editWebConfig(server, action, choose);
  if (!applied) return;
  const { target, result } = applied;
  const model = result.hostingModel;
  if (!model) return;
  // Shown side by side: the V1 warning should not wait for the information message to be dismissed.
  const followUps = [reportHostingModel(server, target, model, result.edits.length > 0)];
  if (result.switchToModule) followUps.push(offerModuleSwitch(server, target, result.switchToModule));
  await Promise.all(followUps);
}

/** Says what changed, and that IIS recycles the app for it; brings the project file in line (asking first in Restricted Mode). */
async function reportHostingModel(server: ServerRequests, target: TargetWebConfig, model: HostingModelName, changed: boolean): Promise<void> {
  const label = hostingModelLabel(model);
  const message = changed ? `hostingModel is now ${label}. IIS recycles the app when web.config is saved with the new value.` : `hostingModel is already ${label}.`;
  const sync = await projectNeedingSync(server, target.document.uri, model);
  if (!sync) {
    void window.showInformationMessage(message);
    return;
  }
  const { project, property } = sync;
  const name = path.basename(project.uri.fsPath);
  // In a trusted workspace nothing comes between: the edit already computed is applied. After a confirmation the
  // project may have changed while the question was up, so the edit is asked for again.
  const asked = !workspace.isTrusted;
  if (!(await confirmWriteInRestrictedMode(`Set ${property.name} to ${property.value} in ${name}`))) {
    void window.showInformationMessage(`${message} ${name} still does not set ${property.name} to ${property.value}.`);
    return;
  }
  const edit = asked ? await projectEdit(server, project, model) : sync.edit;
  if (await syncProjectFile(project, edit)) void window.showInformationMessage(`${message} ${name} now sets ${property.name} to ${property.value} too, so the two agree.`);
}

async function offerModuleSwitch(server: ServerRequests, target: TargetWebConfig, module: string): Promise<void> {
  const switchAction = `Switch to ${module}`;
  const choice = await window.showWarningMessage(
    `The aspNetCore handler uses AspNetCoreModule (ANCM V1), which ignores hostingModel and always runs the app out-of-process. In-process hosting needs ${module}.`,
    switchAction,
  );
  if (choice !== switchAction) return;
  await editWebConfigAgain(server, switchAction, target, { action: 'switchHandlersToV2' });
}

/** The project file's <AspNetCoreHostingModel> edit, asked of the server with the project's text as it is now. */
function projectEdit(server: ServerRequests, project: TextDocument, model: HostingModelName) {
  return server.computeEdit(project, { action: 'setProjectHostingModel', arg: { model, projectText: project.getText() } });
}

async function syncProjectFile(project: TextDocument, result: WebConfigEditResult): Promise<boolean> {
  const name = path.basename(project.uri.fsPath);
  if (isEditRefused(result)) {
    void window.showWarningMessage(`${name}: ${result.cannot}`);
    return false;
  }
  if (await applyToProjectFile(project, result.version, result.edits)) return true;
  void window.showErrorMessage(`Could not update ${name}${project.version !== result.version ? ': it changed while the edit was computed. Run the command again.' : '.'}`);
  return false;
}

/** The web.config's project file when its <AspNetCoreHostingModel> says something else (or nothing). */
async function projectNeedingSync(
  server: ServerRequests,
  webConfig: Uri,
  model: HostingModelName,
): Promise<{ project: TextDocument; property: NonNullable<WebConfigEdits['projectProperty']>; edit: WebConfigEdits } | undefined> {
  const project = await findProjectFile(webConfig);
  if (!project) return undefined;
  const result = await projectEdit(server, project, model);
  return !isEditRefused(result) && result.edits.length > 0 && result.projectProperty ? { project, property: result.projectProperty, edit: result } : undefined;
}

/**
 * The project the web.config belongs to: the one .csproj/.fsproj/.vbproj in its folder, else in the parent
 * folder when that is still in the workspace. Several project files in one folder are ambiguous: none is taken.
 */
async function findProjectFile(webConfig: Uri): Promise<TextDocument | undefined> {
  if (webConfig.scheme === 'untitled') return undefined;
  const folder = Uri.joinPath(webConfig, '..');
  const parent = Uri.joinPath(folder, '..');
  const candidates = workspace.getWorkspaceFolder(parent) && parent.path !== folder.path ? [folder, parent] : [folder];
  for (const candidate of candidates) {
    const projects = await projectFilesIn(candidate);
    if (projects.length > 1) return undefined;
    if (projects.length === 1) return workspace.openTextDocument(projects[0]);
  }
  return undefined;
}

async function projectFilesIn(folder: Uri): Promise<Uri[]> {
  try {
    const entries = await workspace.fs.readDirectory(folder);
    return entries.filter(([name, type]) => type === FileType.File && PROJECT_FILE.test(name)).map(([name]) => Uri.joinPath(folder, name));
  } catch {
    return []; // unreadable folder: no project to sync
  }
}
