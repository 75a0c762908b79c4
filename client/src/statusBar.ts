// The hosting model of the active web.config in the status bar, for the section under the cursor (else the
// file's sections together, as the commands see them). Clicking toggles it; for a value ANCM rejects, or
// sections that disagree, clicking asks which model to set. Hidden for every other editor.

import { type ExtensionContext, type StatusBarItem, StatusBarAlignment, type TextDocument, ThemeColor, window, workspace } from 'vscode';
import { hostingModelState } from '../../server/src/service/edits/hostingModelEdit';
import { type WebConfigDocument, parseWebConfig } from '../../server/src/service/webConfig';
import { SET_HOSTING_MODEL, TOGGLE_HOSTING_MODEL, hostingModelLabel } from './commands/hostingModelCommands';
import { isWebConfig } from './targetWebConfig';

export function registerHostingModelStatusBar(context: ExtensionContext): void {
  const item = window.createStatusBarItem('ancm.hostingModel', StatusBarAlignment.Right, 100);
  item.name = 'ANCM Hosting Model';
  const parsed = new ParsedDocumentCache();
  const update = () => showHostingModel(item, parsed);
  context.subscriptions.push(
    item,
    window.onDidChangeActiveTextEditor(update),
    window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor === window.activeTextEditor) update();
    }),
    workspace.onDidChangeTextDocument((event) => {
      if (event.document === window.activeTextEditor?.document) update();
    }),
  );
  update();
}

/** The last parse, reused while only the cursor moves. */
class ParsedDocumentCache {
  private document: TextDocument | undefined;
  private version = -1;
  private parsed: WebConfigDocument | undefined;

  get(document: TextDocument): WebConfigDocument {
    if (this.document !== document || this.version !== document.version || !this.parsed) {
      this.document = document;
      this.version = document.version;
      this.parsed = parseWebConfig(document.getText());
    }
    return this.parsed;
  }
}

function showHostingModel(item: StatusBarItem, parsed: ParsedDocumentCache): void {
  const editor = window.activeTextEditor;
  if (!editor || !isWebConfig(editor.document)) {
    item.hide();
    return;
  }
  const state = hostingModelState(parsed.get(editor.document), editor.document.offsetAt(editor.selection.active));
  switch (state.kind) {
    case 'noSection':
      item.hide();
      return;
    case 'model': {
      const label = hostingModelLabel(state.model);
      const other = hostingModelLabel(state.model === 'inprocess' ? 'outofprocess' : 'inprocess');
      item.text = `ANCM: ${label[0].toUpperCase()}${label.slice(1)}`;
      item.tooltip = `hostingModel: ${label}. Click to switch to ${other} (IIS recycles the app when web.config is saved).`;
      item.command = TOGGLE_HOSTING_MODEL;
      item.backgroundColor = undefined;
      break;
    }
    case 'invalid':
      item.text = '$(warning) ANCM: Invalid hosting model';
      item.tooltip = `hostingModel="${state.value}" is neither inprocess nor outofprocess: ANCM refuses to start the app (HTTP 500.0). Click to choose one.`;
      item.command = SET_HOSTING_MODEL;
      item.backgroundColor = new ThemeColor('statusBarItem.warningBackground');
      break;
    case 'mixed':
      item.text = '$(warning) ANCM: Mixed hosting models';
      item.tooltip = 'The <aspNetCore> sections set different hosting models. Click to set one for all, or put the cursor in a section to see its model.';
      item.command = SET_HOSTING_MODEL;
      item.backgroundColor = new ThemeColor('statusBarItem.warningBackground');
      break;
  }
  item.show();
}
