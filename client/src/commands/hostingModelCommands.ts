// Toggle Hosting Model and Set Hosting Model...: edit hostingModel in web.config, then offer what usually has
// to change with it: a V1 handler (which ignores hostingModel) and the project file's <AspNetCoreHostingModel>
// (which the next publish would write back into web.config). IIS recycles the app when the value changes.

import * as path from 'node:path';
import { type ExtensionContext, FileType, type TextDocument, Uri, commands, window, workspace } from 'vscode';
import type { HostingModel } from '../../../server/src/ancm/types';
import { isCannot } from '../../../server/src/service/edits/editResult';
import { type HostingModelResult, hostingModelState, setHostingModel, toggleHostingModel } from '../../../server/src/service/edits/hostingModelEdit';
import { V2_MODULE, switchHandlersToV2, v1Handlers } from '../../../server/src/service/edits/moduleVersionEdit';
import { PROJECT_HOSTING_MODEL_PROPERTY, msbuildHostingModel, setProjectHostingModel } from '../../../server/src/service/edits/projectHostingModelEdit';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import type { TargetWebConfig } from '../targetWebConfig';
import { applyTextEdits, applyToProjectFile, editWebConfig } from './documentEdits';

export const TOGGLE_HOSTING_MODEL = 'ancm.toggleHostingModel';
export const SET_HOSTING_MODEL = 'ancm.setHostingModel';

const PROJECT_FILE = /\.(cs|fs|vb)proj$/i;

export function hostingModelLabel(model: HostingModel): string {
  return model === 'inprocess' ? 'in-process' : 'out-of-process';
}

export function registerHostingModelCommands(context: ExtensionContext): void {
  context.subscriptions.push(
    commands.registerCommand(TOGGLE_HOSTING_MODEL, () => changeHostingModel('Toggle hosting model', (target) => toggleHostingModel(parse(target), target.cursorOffset))),
    commands.registerCommand(SET_HOSTING_MODEL, () => changeHostingModel('Set hosting model', pickAndSetHostingModel)),
  );
}

function parse(target: TargetWebConfig) {
  return parseWebConfig(target.document.getText());
}

async function pickAndSetHostingModel(target: TargetWebConfig): Promise<HostingModelResult | undefined> {
  const state = hostingModelState(parse(target), target.cursorOffset);
  const current = state.kind === 'model' ? state.model : undefined;
  const option = (model: HostingModel, label: string, detail: string) => ({ model, label, detail, description: model === current ? 'current' : undefined });
  const items = [
    option('inprocess', 'In-process', 'The app runs inside the IIS worker process (w3wp.exe). Needs AspNetCoreModuleV2.'),
    option('outofprocess', 'Out-of-process', 'The app runs in its own process (Kestrel) and IIS forwards requests to it.'),
  ];
  const picked = await window.showQuickPick(items, { placeHolder: 'Hosting model for this app' });
  // The pick took time: read the document again so the edit matches what is in the editor now.
  return picked && setHostingModel(parse(target), picked.model, target.cursorOffset);
}

async function changeHostingModel(action: string, compute: (target: TargetWebConfig) => HostingModelResult | undefined | Thenable<HostingModelResult | undefined>): Promise<void> {
  const applied = await editWebConfig(action, compute);
  if (!applied) return;
  const { target, result } = applied;
  // Shown side by side: the V1 warning should not wait for the information message to be dismissed.
  const followUps = [reportHostingModel(target, result.model, result.edits.length > 0)];
  if (result.model === 'inprocess' && v1Handlers(parse(target)).length > 0) followUps.push(offerV2Switch(target.document));
  await Promise.all(followUps);
}

/** Says what changed, and that IIS recycles the app for it; offers to bring the project file in line. */
async function reportHostingModel(target: TargetWebConfig, model: HostingModel, changed: boolean): Promise<void> {
  const label = hostingModelLabel(model);
  const message = changed ? `hostingModel is now ${label}. IIS recycles the app when web.config is saved with the new value.` : `hostingModel is already ${label}.`;
  const project = await projectNeedingSync(target.document.uri, model);
  if (!project) {
    void window.showInformationMessage(message);
    return;
  }
  const name = path.basename(project.uri.fsPath);
  const syncAction = `Update ${name}`;
  const choice = await window.showInformationMessage(
    `${message} ${name} does not set ${PROJECT_HOSTING_MODEL_PROPERTY} to ${msbuildHostingModel(model)}, and publishing writes the project's hosting model into web.config.`,
    syncAction,
  );
  if (choice === syncAction) await syncProjectFile(project, model);
}

async function offerV2Switch(document: TextDocument): Promise<void> {
  const switchAction = `Switch to ${V2_MODULE.name}`;
  const choice = await window.showWarningMessage(
    `The aspNetCore handler uses AspNetCoreModule (ANCM V1), which ignores hostingModel and always runs the app out-of-process. In-process hosting needs ${V2_MODULE.name}.`,
    switchAction,
  );
  if (choice !== switchAction) return;
  const result = switchHandlersToV2(parseWebConfig(document.getText()));
  if (isCannot(result)) void window.showWarningMessage(result.cannot);
  else await applyTextEdits(document, result.edits);
}

async function syncProjectFile(project: TextDocument, model: HostingModel): Promise<void> {
  // Read again: the project may have changed while the message was up.
  const result = setProjectHostingModel(project.getText(), model);
  if (isCannot(result)) {
    void window.showWarningMessage(`${path.basename(project.uri.fsPath)}: ${result.cannot}`);
    return;
  }
  if (await applyToProjectFile(project, result.edits)) {
    window.setStatusBarMessage(`${PROJECT_HOSTING_MODEL_PROPERTY} set to ${msbuildHostingModel(model)} in ${path.basename(project.uri.fsPath)}`, 5000);
  } else {
    void window.showErrorMessage(`Could not update ${path.basename(project.uri.fsPath)}.`);
  }
}

/** The web.config's project file when its <AspNetCoreHostingModel> says something else (or nothing). */
async function projectNeedingSync(webConfig: Uri, model: HostingModel): Promise<TextDocument | undefined> {
  const project = await findProjectFile(webConfig);
  const result = project && setProjectHostingModel(project.getText(), model);
  return result && !isCannot(result) && result.edits.length > 0 ? project : undefined;
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
