// "Offline" in the status bar while app_offline.htm exists beside the active web.config: IIS answers every
// request with that page, which is easy to forget. Clicking it runs Bring App Online. A file system watcher on
// the site folder updates it whoever adds or removes the file (these commands, a deployment, a colleague).

import * as path from 'node:path';
import { type Disposable, type ExtensionContext, type FileSystemWatcher, RelativePattern, type StatusBarItem, StatusBarAlignment, ThemeColor, Uri, window, workspace } from 'vscode';
import { BRING_APP_ONLINE } from './commands/appOfflineCommands';
import { APP_OFFLINE_NAME, inspectAppOffline } from './commands/appOfflineFile';
import { isWebConfig } from './targetWebConfig';

export function registerAppOfflineStatusBar(context: ExtensionContext): void {
  const indicator = new AppOfflineIndicator();
  context.subscriptions.push(indicator, window.onDidChangeActiveTextEditor(() => indicator.followActiveEditor()));
  indicator.followActiveEditor();
}

class AppOfflineIndicator implements Disposable {
  private readonly item: StatusBarItem;
  /** The site folder watched, as a file system path. */
  private folder: string | undefined;
  private watcher: FileSystemWatcher | undefined;
  /** Counts checks, so an answer that arrives after a newer check started is dropped. */
  private generation = 0;

  constructor() {
    this.item = window.createStatusBarItem('ancm.appOffline', StatusBarAlignment.Right, 101);
    this.item.name = 'ANCM App Offline';
    this.item.text = '$(debug-disconnect) Offline';
    this.item.command = BRING_APP_ONLINE;
    this.item.backgroundColor = new ThemeColor('statusBarItem.warningBackground');
  }

  followActiveEditor(): void {
    const document = window.activeTextEditor?.document;
    const folder = document && isWebConfig(document) && document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined;
    if (folder === this.folder) return;
    this.folder = folder;
    this.watcher?.dispose();
    this.watcher = undefined;
    if (folder !== undefined) {
      // Every name in the folder, as ANCM matches app_offline.htm in any letter case; changes to content do not matter.
      this.watcher = workspace.createFileSystemWatcher(new RelativePattern(Uri.file(folder), '*'), false, true, false);
      const onEvent = (uri: Uri) => {
        if (path.basename(uri.fsPath).toLowerCase() === APP_OFFLINE_NAME) void this.refresh();
      };
      this.watcher.onDidCreate(onEvent);
      this.watcher.onDidDelete(onEvent);
    }
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const folder = this.folder;
    const state = folder === undefined ? undefined : await inspectAppOffline(folder).catch(() => undefined);
    if (generation !== this.generation) return;
    if (folder === undefined || !state || state.kind === 'absent') {
      this.item.hide();
      return;
    }
    this.item.tooltip = `${path.basename(state.path)} is in ${workspace.asRelativePath(folder)}: IIS answers every request with it (HTTP 503). Click to bring the app online.`;
    this.item.show();
  }

  dispose(): void {
    this.watcher?.dispose();
    this.item.dispose();
  }
}
