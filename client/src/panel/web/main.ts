// The ANCM Logs webview: builds the panel, takes the extension's messages (webviewMessages.ts) and sends
// back what the user asks for. Filtering, follow and clear happen here; the extension only relays the
// language server's log session and opens files.

import type { ExtensionToWebviewMessage, SessionMessage, UnavailableMessage, WebviewToExtensionMessage } from '../webviewMessages';
import type { LogSourceInfo } from '../../../../server/src/protocol';
import { LogList } from './logList';
import { Toolbar } from './toolbar';
import type { ViewFilter } from './viewModel';

interface VsCodeApi {
  postMessage(message: WebviewToExtensionMessage): void;
  getState(): PersistedState | undefined;
  setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Kept by VS Code across reloads of the webview: the filter stays while the site stays the same. */
interface PersistedState {
  readonly webConfigUri: string;
  readonly filter: ViewFilter;
}

const DEFAULT_MAX_ENTRIES = 200_000;
const FALLBACK_ROW_HEIGHT = 20;

const vscode = acquireVsCodeApi();
const toolbar = new Toolbar(document, {
  onFilterChange: applyFilter,
  onLoadEarlier: loadEarlier,
  onOpenRaw: () => list.openSelected(),
  onClear: () => {
    list.clear();
    showNotice('');
  },
  onToggleFollow: () => list.toggleFollow(),
});
const notice = element('div', 'notice');
notice.setAttribute('role', 'status');
/** The last event worth telling (a file truncated, history not loaded). */
const eventNotice = element('span', 'event-notice');
/** Stays while entries have been dropped for the cap. */
const droppedNotice = element('span', 'dropped-notice');
notice.append(droppedNotice, eventNotice);
const listArea = element('div', 'list-area');
const viewport = element('div', 'list');
viewport.tabIndex = 0;
viewport.setAttribute('role', 'listbox');
viewport.setAttribute('aria-label', 'Log entries');
const listMessage = element('div', 'list-message');
listArea.append(viewport, listMessage);
const emptyState = element('div', 'empty-state');
const emptyText = element('p', 'empty-text');
const chooseButton = element('button', 'primary');
chooseButton.textContent = 'Choose web.config…';
emptyState.append(emptyText, chooseButton);
const panel = element('div', 'panel');
panel.append(toolbar.element, toolbar.errorElement, notice, listArea);
document.body.append(panel, emptyState);

const list = new LogList({
  viewport,
  rowHeight: measureRowHeight(),
  maxEntries: DEFAULT_MAX_ENTRIES,
  onChange: updateToolbar,
  onOpenRaw: (entry) => vscode.postMessage({ type: 'openRaw', sourceId: entry.sourceId, offset: entry.offset, ...(entry.line !== undefined ? { line: entry.line } : {}) }),
  schedule: (callback) => requestAnimationFrame(callback),
});

let session: SessionMessage | undefined;
let sources: readonly LogSourceInfo[] = [];
/** Sources whose file start has been reached (no earlier entries). */
const atFileStart = new Set<string>();
const earlierPending = new Set<string>();

chooseButton.addEventListener('click', () => vscode.postMessage({ type: 'chooseWebConfig' }));
new ResizeObserver(() => list.onResize()).observe(viewport);
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    toolbar.focusFilter();
  }
});
window.addEventListener('message', (event: MessageEvent<ExtensionToWebviewMessage>) => handle(event.data));
showUnavailable({ type: 'unavailable', reason: 'serverStarting', message: 'Starting…' });
vscode.postMessage({ type: 'ready' });

function handle(message: ExtensionToWebviewMessage): void {
  switch (message.type) {
    case 'session':
      startSession(message);
      break;
    case 'entries':
      list.append(message.entries);
      break;
    case 'earlier': {
      earlierPending.delete(message.sourceId);
      if (message.error !== undefined) {
        showNotice(`Could not load earlier entries: ${message.error}`);
      } else {
        if (!message.more) atFileStart.add(message.sourceId);
        const refused = list.prepend(message.entries);
        if (refused > 0) showNotice(`The panel holds at most ${list.model.store.capacity.toLocaleString('en-US')} entries (ancm.logs.maxEntries): ${refused.toLocaleString('en-US')} earlier entries were not loaded.`);
      }
      updateToolbar();
      break;
    }
    case 'sources':
      setSources(message.sources);
      break;
    case 'sourceReset':
      resetSource(message.sourceId, message.reason);
      break;
    case 'maxEntries':
      list.resize(message.maxEntries);
      break;
    case 'unavailable':
      showUnavailable(message);
      break;
  }
}

function startSession(message: SessionMessage): void {
  session = message;
  panel.hidden = false;
  emptyState.hidden = true;
  atFileStart.clear();
  earlierPending.clear();
  showNotice('');
  list.clear();
  list.resize(message.maxEntries);
  setSources(message.sources);
  const saved = vscode.getState();
  toolbar.showFilter(
    saved?.webConfigUri === message.webConfigUri ? saved.filter : { level: message.defaultLevel, text: '', regex: false, sourceId: undefined },
  );
  applyFilter();
  viewport.setAttribute('aria-label', `Log entries of ${message.webConfigLabel}`);
}

function setSources(next: readonly LogSourceInfo[]): void {
  sources = next;
  toolbar.setSources(next);
  list.setSourceTags(new Map(next.map((source) => [source.id, sourceTag(source)])));
  // The selected source may be gone.
  if (toolbar.readFilter().sourceId !== list.model.filter.sourceId) applyFilter();
  else updateToolbar();
}

function resetSource(sourceId: string, reason: 'truncated' | 'replaced' | 'deleted' | 'created'): void {
  const label = sources.find((source) => source.id === sourceId)?.label ?? sourceId;
  atFileStart.delete(sourceId);
  // A deleted file's entries are still worth reading; the others no longer match the file's offsets.
  if (reason !== 'deleted') list.removeSource(sourceId);
  const what = { truncated: 'was truncated', replaced: 'was replaced', deleted: 'was deleted', created: 'was created' }[reason];
  showNotice(`${label} ${what}${reason === 'deleted' ? '.' : ': the panel shows it from its new content.'}`);
}

function applyFilter(): void {
  const filter = toolbar.readFilter();
  list.setFilter(filter);
  if (session) vscode.setState({ webConfigUri: session.webConfigUri, filter });
}

function loadEarlier(): void {
  for (const sourceId of earlierCandidates()) {
    earlierPending.add(sourceId);
    vscode.postMessage({ type: 'loadEarlier', sourceId });
  }
  updateToolbar();
}

function earlierCandidates(): string[] {
  const selected = list.model.filter.sourceId;
  return sources
    .filter((source) => source.exists && (selected === undefined || source.id === selected))
    .map((source) => source.id)
    .filter((id) => !atFileStart.has(id) && !earlierPending.has(id));
}

function updateToolbar(): void {
  const { model, follow } = list;
  const store = model.store;
  toolbar.update({
    hidden: model.hiddenCount,
    following: follow.following,
    newWhilePaused: follow.newWhilePaused,
    canLoadEarlier: session !== undefined && store.length < store.capacity && earlierCandidates().length > 0,
    canOpenRaw: list.selectedEntry !== undefined,
    filterError: model.filterError,
  });
  listMessage.hidden = model.visibleCount > 0;
  listMessage.textContent =
    store.length === 0
      ? waitingText()
      : `All ${store.length.toLocaleString('en-US')} entries are hidden by the filter.`;
  droppedNotice.textContent =
    store.evicted > 0
      ? `Showing the newest ${store.length.toLocaleString('en-US')} entries: ${store.evicted.toLocaleString('en-US')} older ones were dropped (setting ancm.logs.maxEntries). `
      : '';
  notice.hidden = droppedNotice.textContent === '' && eventNotice.textContent === '';
}

function waitingText(): string {
  if (sources.length === 0) return 'No log files found for this site. Enable stdout logging or the debug log in web.config.';
  return sources.some((source) => source.exists) ? 'No entries yet: waiting for the app to write.' : 'The log files do not exist yet: ANCM creates them when the app starts.';
}

function showNotice(text: string): void {
  eventNotice.textContent = text;
  notice.hidden = droppedNotice.textContent === '' && text === '';
}

function showUnavailable(message: UnavailableMessage): void {
  session = undefined;
  list.clear();
  panel.hidden = true;
  emptyState.hidden = false;
  emptyText.textContent = message.message;
  chooseButton.hidden = message.reason !== 'noWebConfig' && message.reason !== 'openFailed';
}

/** A short name for the source column when the list mixes sources. */
function sourceTag(source: LogSourceInfo): string {
  if (source.kind === 'debug') return 'debug';
  return source.pid !== undefined ? `stdout ${source.pid}` : 'stdout';
}

/** One row's height at the user's editor font, so rows can be placed without measuring each. */
function measureRowHeight(): number {
  const probe = element('div', 'row');
  probe.textContent = 'Xg';
  viewport.append(probe);
  const height = Math.ceil(probe.getBoundingClientRect().height);
  probe.remove();
  return height > 0 ? height : FALLBACK_ROW_HEIGHT;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}
