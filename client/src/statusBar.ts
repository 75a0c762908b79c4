// The hosting model of the active web.config in the status bar, for the section under the cursor (else the
// file's sections together, as the commands see them). Clicking toggles it; for a value ANCM rejects, or
// sections that disagree, clicking asks which model to set. Hidden for every other editor, and while the language
// server cannot answer: it reads its own parsed model (server/src/lsp/editRequests.ts), so the extension host never
// parses web.config.

import { type Disposable, type ExtensionContext, type StatusBarItem, StatusBarAlignment, ThemeColor, window, workspace } from 'vscode';
import type { HostingModelState } from '../../server/src/protocol/edits';
import { SET_HOSTING_MODEL, TOGGLE_HOSTING_MODEL, hostingModelLabel } from './commands/hostingModelCommands';
import type { ServerRequests } from './serverRequests';
import { isWebConfig } from './targetWebConfig';

/** Typing and cursor moves are asked about once they pause: the answer is for a glance, not for each keystroke. */
const UPDATE_DELAY_MS = 150;

export function registerHostingModelStatusBar(context: ExtensionContext, server: ServerRequests): { refresh(): void } {
  const item = window.createStatusBarItem('ancm.hostingModel', StatusBarAlignment.Right, 100);
  item.name = 'ANCM Hosting Model';
  const indicator = new HostingModelIndicator(item, server);
  context.subscriptions.push(
    item,
    indicator,
    window.onDidChangeActiveTextEditor(() => indicator.update(0)),
    window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor === window.activeTextEditor) indicator.update(UPDATE_DELAY_MS);
    }),
    workspace.onDidChangeTextDocument((event) => {
      if (event.document === window.activeTextEditor?.document) indicator.update(UPDATE_DELAY_MS);
    }),
  );
  indicator.update(0);
  return { refresh: () => indicator.update(0) };
}

/** Asks the language server what the active web.config says; an answer overtaken by a newer question is dropped. */
class HostingModelIndicator implements Disposable {
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(
    private readonly item: StatusBarItem,
    private readonly server: ServerRequests,
  ) {}

  update(delay: number): void {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const editor = window.activeTextEditor;
    if (!editor || !isWebConfig(editor.document)) {
      this.item.hide();
      return;
    }
    this.timer = setTimeout(() => void this.ask(generation), delay);
  }

  private async ask(generation: number): Promise<void> {
    const editor = window.activeTextEditor;
    if (!editor || !isWebConfig(editor.document)) return;
    const { document } = editor;
    const { line, character } = editor.selection.active;
    const answer = await this.server.hostingModelState(document, { line, character });
    if (generation !== this.generation) return;
    // No answer: the server does not serve the file or is not running. An answer for an older version is
    // followed by the question the newer version's change event asked.
    if (!answer) this.item.hide();
    else if (answer.version === document.version) showHostingModel(this.item, answer.state);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

function showHostingModel(item: StatusBarItem, state: HostingModelState): void {
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
