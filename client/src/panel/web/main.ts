// The ANCM Logs webview: builds the panel, takes the extension's messages (webviewMessages.ts) and sends
// back what the user asks for. Filtering, follow, clear and the entry menu happen here; the extension relays
// the language server's log session, opens files and links, and writes the clipboard.

import type { LogEntryMessage, LogSourceInfo, OlderStdoutFile, SiteLogsStatus } from '../../../../server/src/protocol/logs';
import { VerdictBar } from './verdictBar';
import type { ExtensionToWebviewMessage, OlderStdoutMessage, SessionMessage, UnavailableMessage, WebviewToExtensionMessage } from '../../../../server/src/protocol/webviewMessages';
import { ContextMenu, type MenuItem, SEPARATOR } from './contextMenu';
import { type ListAction, listStatus, stdoutOffNotice, withheldNotice } from './listStatus';
import { LogList } from './logList';
import type { LinkTarget } from './logLinks';
import { entriesAsMarkdown, utcOffset } from './markdownExport';
import { shortOrigin, sourceLabel } from './sourceLabel';
import { entryTime, formatLocalTime } from './timeColumn';
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
/** The most entries one "Copy Shown Entries as Markdown" takes (the newest): a ticket needs the relevant ones. */
const MAX_MARKDOWN_ENTRIES = 1000;
/** Links of an entry its menu offers (the keyboard's way to them). */
const MAX_MENU_LINKS = 5;

const vscode = acquireVsCodeApi();
const toolbar = new Toolbar(document, {
  onFilterChange: applyFilter,
  onOpenOlderFile: (fileName) => {
    showNotice(`Opening ${fileName}…`);
    vscode.postMessage({ type: 'openOlderStdout', fileName });
  },
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
/** Stays while stdout logging is off and other entries show. */
const siteNotice = element('span', 'site-notice');
/** The last event worth telling (a file truncated, history not loaded). */
const eventNotice = element('span', 'event-notice');
/** Stays while entries have been dropped for the cap. */
const droppedNotice = element('span', 'dropped-notice');
notice.append(siteNotice, droppedNotice, eventNotice);
const listArea = element('div', 'list-area');
const viewport = element('div', 'list');
viewport.tabIndex = 0;
viewport.setAttribute('role', 'listbox');
viewport.setAttribute('aria-label', 'Log entries');
const listMessage = element('div', 'list-message');
// Over the list rather than above it: a message that came and went would resize the list and move what is read.
listArea.append(viewport, listMessage, toolbar.errorElement);
const emptyState = element('div', 'empty-state');
const emptyText = element('p', 'empty-text');
const chooseButton = element('button', 'primary');
chooseButton.textContent = 'Choose web.config…';
emptyState.append(emptyText, chooseButton);
const verdictBar = new VerdictBar(document, (pid) => {
  toolbar.showPid(pid);
  applyFilter();
});
// In the toolbar's free room, so the list keeps its height when a verdict comes.
(toolbar.element.querySelector('.gap') ?? toolbar.element).append(verdictBar.element);
const panel = element('div', 'panel');
panel.append(toolbar.element, notice, listArea);
document.body.append(panel, emptyState);
const menu = new ContextMenu(document);

const list = new LogList({
  viewport,
  rowHeight: measureRowHeight(),
  maxEntries: DEFAULT_MAX_ENTRIES,
  onChange: updateToolbar,
  onOpenRaw: openRaw,
  onOpenLink: openLink,
  onContextMenu: showEntryMenu,
  measureColumns,
  schedule: (callback) => requestAnimationFrame(callback),
});

let session: SessionMessage | undefined;
/** The files followed now. */
let followed: readonly LogSourceInfo[] = [];
/** Every source of the session, followed now or before, or opened on request: entries of any may be held. */
const knownSources = new Map<string, LogSourceInfo>();
/** Older stdout files opened on request, in the order opened. */
const openedOlder: LogSourceInfo[] = [];
let site: SiteLogsStatus | undefined;
let olderFiles: readonly OlderStdoutFile[] = [];
/** Sources whose file start has been reached (no earlier entries). */
const atFileStart = new Set<string>();
const earlierPending = new Set<string>();

chooseButton.addEventListener('click', () => vscode.postMessage({ type: 'chooseWebConfig' }));
new ResizeObserver(() => list.onResize()).observe(viewport);
document.addEventListener('keydown', (event) => {
  // Ctrl+F in the panel is its filter. VS Code listens for the webview's keys on its window and would open the
  // editor's find widget: the key stops here, before it gets there.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    event.stopPropagation();
    focusFilter();
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
        prependHistory(message.entries);
      }
      updateToolbar();
      break;
    }
    case 'sources':
      site = message.site;
      olderFiles = message.olderStdoutFiles;
      if (message.verdicts) verdictBar.show(message.verdicts);
      setSources(message.sources);
      break;
    case 'olderStdout':
      openedOlderFile(message);
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
  menu.close(false);
  atFileStart.clear();
  earlierPending.clear();
  knownSources.clear();
  openedOlder.length = 0;
  site = message.site;
  olderFiles = message.olderStdoutFiles;
  showNotice('');
  list.clear();
  list.resize(message.maxEntries);
  list.setCauses(message.failureCauses);
  verdictBar.show(message.verdicts);
  setSources(message.sources);
  const saved = vscode.getState();
  toolbar.showFilter(
    saved?.webConfigUri === message.webConfigUri ? saved.filter : { level: message.defaultLevel, text: '', regex: false, sourceId: undefined, pid: undefined },
  );
  applyFilter();
  viewport.setAttribute('aria-label', `Log entries of ${message.webConfigLabel}`);
}

function setSources(next: readonly LogSourceInfo[]): void {
  followed = next;
  for (const source of next) knownSources.set(source.id, source);
  list.setSources(knownSources);
  refreshSourcePicker();
  // The selected source may be gone.
  if (toolbar.readFilter().sourceId !== list.model.filter.sourceId) applyFilter();
  else updateToolbar();
}

/**
 * The picker lists the followed files, the older ones opened, and any other source whose entries are still
 * held (a followed file a newer worker pushed out); the older files not opened yet come after them.
 */
function refreshSourcePicker(): void {
  const listed = new Map<string, LogSourceInfo>();
  for (const source of [...followed, ...openedOlder]) listed.set(source.id, source);
  for (const source of knownSources.values()) if (!listed.has(source.id) && list.model.store.countOf(source.id) > 0) listed.set(source.id, source);
  const listedNames = new Set([...listed.values()].map((source) => fileName(source.file)));
  toolbar.setSources([...listed.values()], olderFiles.filter((file) => !listedNames.has(file.fileName)));
}

function openedOlderFile(message: OlderStdoutMessage): void {
  if (!message.source) {
    showNotice(`Could not open ${message.fileName}: ${message.error ?? 'unknown error'}`);
    return;
  }
  const source = message.source;
  knownSources.set(source.id, source);
  if (!openedOlder.some((opened) => opened.id === source.id)) openedOlder.push(source);
  if (!message.more) atFileStart.add(source.id);
  list.setSources(knownSources);
  // Its entries are older than everything followed: they go in front.
  prependHistory(message.entries);
  refreshSourcePicker();
  toolbar.showSource(source.id);
  applyFilter();
  const count = message.entries.length;
  showNotice(`${source.label}: ${count.toLocaleString('en-US')} ${count === 1 ? 'entry' : 'entries'}${message.more ? ' (its last part; Load Earlier reads more)' : ''}. This file is not followed.`);
}

function prependHistory(entries: readonly LogEntryMessage[]): void {
  const refused = list.prepend(entries);
  if (refused > 0) showNotice(`The panel holds at most ${list.model.store.capacity.toLocaleString('en-US')} entries (ancm.logs.maxEntries): ${refused.toLocaleString('en-US')} earlier entries were not loaded.`);
}

function resetSource(sourceId: string, reason: 'truncated' | 'replaced' | 'deleted' | 'created'): void {
  const label = knownSources.get(sourceId)?.label ?? 'A log file';
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
  return [...followed, ...openedOlder]
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
  showListStatus();
  showSiteNotice();
  droppedNotice.textContent =
    store.evicted > 0
      ? `Showing the newest ${store.length.toLocaleString('en-US')} entries: ${store.evicted.toLocaleString('en-US')} older ones were dropped (setting ancm.logs.maxEntries). `
      : '';
  updateNoticeVisibility();
}

/** What the list message and the site notice show now. */
let shownStatus = '';
let shownSiteNotice: string | undefined;

function showListStatus(): void {
  const status = listStatus({ held: list.model.store.length, shown: list.model.visibleCount, site, sources: followed });
  listMessage.hidden = status === undefined;
  if (!status) return;
  const line = element('p', 'status-text');
  line.append(status.text);
  for (const { label, action } of status.actions) {
    const button = element('button', action === 'chooseWebConfig' ? 'secondary' : 'primary');
    button.textContent = label;
    button.addEventListener('click', () => runListAction(action));
    line.append(' ', button);
  }
  const parts: HTMLElement[] = [line];
  if (status.detail !== undefined) {
    const detail = element('p', 'status-detail');
    detail.textContent = status.detail;
    parts.push(detail);
  }
  // Rebuilt only when it changed: the buttons keep focus while entries stream in.
  const key = JSON.stringify(status);
  if (shownStatus === key) return;
  shownStatus = key;
  listMessage.replaceChildren(...parts);
}

function runListAction(action: ListAction): void {
  switch (action) {
    case 'enableStdoutLogging':
      vscode.postMessage({ type: 'enableStdoutLogging' });
      break;
    case 'chooseWebConfig':
      vscode.postMessage({ type: 'chooseWebConfig' });
      break;
    case 'showAll':
      toolbar.clearFilter();
      applyFilter();
      break;
  }
}

function showSiteNotice(): void {
  const text = stdoutOffNotice(site, list.model.store.length);
  const withheld = withheldNotice(site);
  const key = JSON.stringify([text, withheld]);
  if (key === shownSiteNotice) return;
  shownSiteNotice = key;
  siteNotice.replaceChildren();
  if (withheld) {
    siteNotice.append(`${withheld.text} `);
    if (withheld.canAsk) {
      const ask = element('button', 'link-button');
      ask.textContent = 'Read…';
      ask.addEventListener('click', () => vscode.postMessage({ type: 'allowWithheldLogs' }));
      siteNotice.append(ask, ' ');
    }
  }
  if (text === undefined) return;
  const enable = element('button', 'link-button');
  enable.textContent = 'Enable';
  enable.addEventListener('click', () => vscode.postMessage({ type: 'enableStdoutLogging' }));
  siteNotice.append(`${text} `, enable, ' ');
}

function showNotice(text: string): void {
  eventNotice.textContent = text;
  updateNoticeVisibility();
}

function updateNoticeVisibility(): void {
  notice.hidden = droppedNotice.textContent === '' && eventNotice.textContent === '' && siteNotice.childNodes.length === 0;
}

function focusFilter(): void {
  if (panel.hidden) return;
  menu.close(false);
  toolbar.focusFilter();
}

function showUnavailable(message: UnavailableMessage): void {
  session = undefined;
  menu.close(false);
  list.clear();
  verdictBar.show([]);
  panel.hidden = true;
  emptyState.hidden = false;
  emptyText.textContent = message.message;
  chooseButton.hidden = message.reason !== 'noWebConfig' && message.reason !== 'openFailed';
}

function openRaw(entry: LogEntryMessage): void {
  vscode.postMessage({ type: 'openRaw', sourceId: entry.sourceId, offset: entry.offset });
}

function openLink(target: LinkTarget): void {
  if (target.kind === 'url') vscode.postMessage({ type: 'openUrl', url: target.url });
  else if (target.kind === 'rule') vscode.postMessage({ type: 'showRule', rule: target.rule });
  else vscode.postMessage({ type: 'openLocation', path: target.path, line: target.line });
}

/** The entry menu: copy, narrow the list to the entry's source or process, open the raw file or a link. */
function showEntryMenu(entry: LogEntryMessage, seq: number, at: { readonly x: number; readonly y: number }): void {
  const source = sourceLabel(knownSources.get(entry.sourceId), entry);
  const shown = list.model.visibleCount;
  const items: (MenuItem | typeof SEPARATOR)[] = [
    { label: 'Copy Entry', run: () => vscode.postMessage({ type: 'copyText', text: entry.text }) },
    { label: `Copy ${shown === 1 ? 'the Shown Entry' : `${Math.min(shown, MAX_MARKDOWN_ENTRIES).toLocaleString('en-US')} Shown Entries`} as Markdown`, run: copyShownAsMarkdown },
    SEPARATOR,
    {
      label: `Show Only This Source (${source})`,
      run: () => {
        toolbar.showSource(entry.sourceId);
        applyFilter();
      },
    },
  ];
  if (entry.pid !== undefined) {
    const pid = entry.pid;
    items.push({
      label: `Show Only PID ${pid}`,
      run: () => {
        toolbar.showPid(pid);
        applyFilter();
      },
    });
  }
  items.push(SEPARATOR, { label: 'Open Raw File at This Entry', run: () => openRaw(entry) });
  for (const link of list.linksOf(seq).slice(0, MAX_MENU_LINKS)) {
    const label = link.kind === 'url' ? `Open ${shorten(link.url)}` : link.kind === 'rule' ? `Show the Rule ${link.rule}` : `Open ${shorten(fileName(link.path))}:${link.line}`;
    items.push({ label, run: () => openLink(link) });
  }
  menu.open('Entry actions', items, at, viewport);
}

function copyShownAsMarkdown(): void {
  const shown = list.model.visibleCount;
  const first = Math.max(0, shown - MAX_MARKDOWN_ENTRIES);
  const entries = [];
  for (let index = first; index < shown; index++) {
    const entry = list.model.store.at(list.model.seqAt(index));
    entries.push({
      time: fullTime(entry.time),
      level: entry.level,
      source: sourceLabel(knownSources.get(entry.sourceId), entry),
      origin: entry.origin !== undefined ? shortOrigin(entry.origin) : undefined,
      message: entry.message !== '' ? entry.message : entry.text,
    });
  }
  const text = entriesAsMarkdown(
    { site: session?.webConfigLabel ?? 'web.config', filter: describeFilter(list.model.filter), omitted: first, timeZone: utcOffset(new Date()) },
    entries,
  );
  vscode.postMessage({ type: 'copyText', text });
}

/** Every entry copied carries its date: a ticket is read out of the list's context. */
function fullTime(iso: string | undefined): string {
  const date = entryTime(iso);
  return date ? formatLocalTime(date, true) : '';
}

function describeFilter(filter: ViewFilter): string {
  const parts: string[] = [];
  if (filter.level !== 'TRACE') parts.push(`level ${filter.level}`);
  if (filter.text !== '') parts.push(`${filter.regex ? 'regex' : 'text'} "${filter.text}"`);
  if (filter.sourceId !== undefined) {
    const source = knownSources.get(filter.sourceId);
    if (source) parts.push(`source ${source.label}`);
  }
  if (filter.pid !== undefined) parts.push(`PID ${filter.pid}`);
  return parts.join(', ');
}

function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
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

/** Characters of the editor font that fit the message column, with the columns the list shows now. */
function measureColumns(): number {
  const probe = element('div', 'row probe');
  for (const column of ['twistie', 'time', 'level', 'source', 'origin']) probe.append(element('span', column));
  const text = element('span', 'text');
  const sample = '0'.repeat(100);
  text.textContent = sample;
  probe.append(text);
  viewport.append(probe);
  const characterWidth = text.scrollWidth / sample.length;
  const available = viewport.clientWidth - text.offsetLeft - 16;
  probe.remove();
  return characterWidth > 0 && available > 0 ? Math.max(20, Math.floor(available / characterWidth)) : Number.POSITIVE_INFINITY;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}
