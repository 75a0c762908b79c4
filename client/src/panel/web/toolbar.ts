// The controls above the list: source (the followed files, then the site's older stdout files, which open on
// request), the process filter when one is set, level, text filter with its regex toggle, the hidden count, and
// the Load Earlier, Open Raw, Clear and Follow buttons. Real <select>, <input> and <button> elements with
// labels, so they are reachable with Tab and read by screen readers; codicons for the icons.

import { ANCM_LEVELS, type AncmLevel } from '../../../../server/src/protocol/levels';
import type { LogSourceInfo, OlderStdoutFile } from '../../../../server/src/protocol/logs';
import type { ViewFilter } from './viewModel';

/** The value of the "All sources" option: source ids are never empty. */
const ALL_SOURCES = '';
/** The value of an older file's option: the panel's own numbering, not the file name. */
const OLDER_FILE = 'older-file:';
const FILTER_DELAY_MS = 150;

const LEVEL_LABELS: Record<AncmLevel, string> = { ERROR: 'Error', WARNING: 'Warning', INFO: 'Info', TRACE: 'Trace (all)' };

export interface ToolbarActions {
  readonly onFilterChange: () => void;
  /** An older stdout file was chosen in the source picker: it is not loaded yet. */
  readonly onOpenOlderFile: (fileName: string) => void;
  readonly onLoadEarlier: () => void;
  readonly onOpenRaw: () => void;
  readonly onClear: () => void;
  readonly onToggleFollow: () => void;
}

export interface ToolbarState {
  readonly hidden: number;
  readonly following: boolean;
  readonly newWhilePaused: number;
  readonly canLoadEarlier: boolean;
  readonly canOpenRaw: boolean;
  readonly filterError: string | undefined;
}

export class Toolbar {
  readonly element: HTMLElement;
  /** Under the toolbar: why the text filter is not applied. */
  readonly errorElement: HTMLElement;
  private readonly source: HTMLSelectElement;
  /** The source picker's value before the last choice: an older file shows once loaded. */
  private sourceBefore = ALL_SOURCES;
  private olderFiles: readonly OlderStdoutFile[] = [];
  private readonly pidChip: HTMLButtonElement;
  private pid: number | undefined;
  private readonly level: HTMLSelectElement;
  private readonly text: HTMLInputElement;
  private readonly regex: HTMLButtonElement;
  private readonly hidden: HTMLElement;
  private readonly loadEarlier: HTMLButtonElement;
  private readonly openRaw: HTMLButtonElement;
  private readonly follow: HTMLButtonElement;
  private readonly followLabel: HTMLElement;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(document: Document, actions: ToolbarActions) {
    this.element = document.createElement('div');
    this.element.className = 'toolbar';

    this.source = document.createElement('select');
    labelled(this.source, 'Log source');

    // Shown while the list shows one process (the entry menu's "Show Only PID"); a click shows all again.
    this.pidChip = document.createElement('button');
    this.pidChip.className = 'chip';
    this.pidChip.hidden = true;

    this.level = document.createElement('select');
    labelled(this.level, 'Level: shows this level and the more severe ones');
    for (const level of ANCM_LEVELS) this.level.append(option(document, LEVEL_LABELS[level], level));

    const filterBox = document.createElement('div');
    filterBox.className = 'filter';
    this.text = document.createElement('input');
    this.text.type = 'text';
    this.text.placeholder = 'Filter';
    this.text.spellcheck = false;
    labelled(this.text, 'Filter text (case-insensitive)');
    this.regex = iconButton(document, 'regex', 'Use Regular Expression (RE2 syntax)');
    this.regex.classList.add('toggle');
    this.regex.setAttribute('aria-pressed', 'false');
    filterBox.append(this.text, this.regex);

    this.errorElement = document.createElement('div');
    this.errorElement.className = 'filter-error';
    this.errorElement.id = 'filter-error';
    this.errorElement.setAttribute('role', 'alert');
    this.errorElement.hidden = true;
    this.text.setAttribute('aria-describedby', this.errorElement.id);

    this.hidden = document.createElement('span');
    this.hidden.className = 'hidden-count';
    this.hidden.setAttribute('aria-live', 'polite');

    const gap = document.createElement('span');
    gap.className = 'gap';

    this.loadEarlier = iconButton(document, 'fold-up', 'Load Earlier Entries');
    this.openRaw = iconButton(document, 'go-to-file', 'Open Raw File at the Selected Entry (Enter)');
    const clear = iconButton(document, 'clear-all', 'Clear the View (the file is kept)');

    this.follow = document.createElement('button');
    this.follow.className = 'follow toggle';
    this.follow.title = 'Follow new entries (scrolling up pauses)';
    const followIcon = document.createElement('span');
    followIcon.className = 'codicon codicon-arrow-down';
    followIcon.setAttribute('aria-hidden', 'true');
    this.followLabel = document.createElement('span');
    this.follow.append(followIcon, this.followLabel);

    this.element.append(this.source, this.pidChip, this.level, filterBox, this.hidden, gap, this.loadEarlier, this.openRaw, clear, this.follow);

    this.source.addEventListener('change', () => {
      const value = this.source.value;
      if (value.startsWith(OLDER_FILE)) {
        const file = this.olderFiles[Number(value.slice(OLDER_FILE.length))];
        // Back to what was shown until the file's entries arrive (then it is a source of its own).
        this.source.value = this.sourceBefore;
        if (file) actions.onOpenOlderFile(file.fileName);
        return;
      }
      this.sourceBefore = value;
      // One source or one process, not both.
      this.setPid(undefined);
      actions.onFilterChange();
    });
    this.pidChip.addEventListener('click', () => {
      this.setPid(undefined);
      actions.onFilterChange();
      this.source.focus();
    });
    this.level.addEventListener('change', actions.onFilterChange);
    this.text.addEventListener('input', () => {
      // One filter pass per pause in typing, not per key: a pass goes over every entry held.
      clearTimeout(this.filterTimer);
      this.filterTimer = setTimeout(actions.onFilterChange, FILTER_DELAY_MS);
    });
    this.regex.addEventListener('click', () => {
      this.regex.setAttribute('aria-pressed', String(this.regex.getAttribute('aria-pressed') !== 'true'));
      actions.onFilterChange();
    });
    this.loadEarlier.addEventListener('click', actions.onLoadEarlier);
    this.openRaw.addEventListener('click', actions.onOpenRaw);
    clear.addEventListener('click', actions.onClear);
    this.follow.addEventListener('click', actions.onToggleFollow);
  }

  readFilter(): ViewFilter {
    return {
      level: this.level.value as AncmLevel,
      text: this.text.value,
      regex: this.regex.getAttribute('aria-pressed') === 'true',
      sourceId: this.source.value === ALL_SOURCES || this.source.value.startsWith(OLDER_FILE) ? undefined : this.source.value,
      pid: this.pid,
    };
  }

  showFilter(filter: ViewFilter): void {
    this.level.value = filter.level;
    this.text.value = filter.text;
    this.regex.setAttribute('aria-pressed', String(filter.regex));
    this.showSource(filter.sourceId);
    this.setPid(filter.pid);
  }

  /** Picks a source in the picker (the entry menu's "Show Only This Source", an older file just loaded). */
  showSource(sourceId: string | undefined): void {
    this.source.value = sourceId ?? ALL_SOURCES;
    if (this.source.selectedIndex < 0) this.source.value = ALL_SOURCES;
    this.sourceBefore = this.source.value;
    if (sourceId !== undefined) this.setPid(undefined);
  }

  /** Shows one process: every source is shown, only that process's entries of each. */
  showPid(pid: number | undefined): void {
    this.showSource(undefined);
    this.setPid(pid);
  }

  /**
   * The followed files (newest stdout file first, then the debug log and extra files), the sources opened or
   * followed before, and the site's older stdout files; the selection stays when its source is still listed.
   */
  setSources(sources: readonly LogSourceInfo[], olderFiles: readonly OlderStdoutFile[]): void {
    const selected = this.source.value;
    const document = this.source.ownerDocument;
    const options: HTMLElement[] = [option(document, 'All sources', ALL_SOURCES)];
    for (const source of sortSources(sources)) {
      options.push(option(document, source.exists ? source.label : `${source.label} (not created yet)`, source.id));
    }
    this.olderFiles = olderFiles;
    if (olderFiles.length > 0) {
      const group = document.createElement('optgroup');
      group.label = `Older stdout files (${olderFiles.length.toLocaleString('en-US')}, not followed)`;
      olderFiles.forEach((file, index) => group.append(option(document, `${file.label} · ${formatSize(file.size)}`, `${OLDER_FILE}${index}`)));
      options.push(group);
    }
    this.source.replaceChildren(...options);
    this.source.value = sources.some((source) => source.id === selected) ? selected : ALL_SOURCES;
    this.sourceBefore = this.source.value;
  }

  update(state: ToolbarState): void {
    this.hidden.textContent = state.hidden > 0 ? `${state.hidden.toLocaleString('en-US')} hidden` : '';
    this.hidden.title = state.hidden > 0 ? 'Entries the level or text filter hides' : '';
    this.loadEarlier.disabled = !state.canLoadEarlier;
    this.openRaw.disabled = !state.canOpenRaw;
    this.follow.setAttribute('aria-pressed', String(state.following));
    this.followLabel.textContent = state.following || state.newWhilePaused === 0 ? 'Follow' : `${state.newWhilePaused.toLocaleString('en-US')} new`;
    this.errorElement.hidden = state.filterError === undefined;
    this.errorElement.textContent = state.filterError ?? '';
    this.text.setAttribute('aria-invalid', String(state.filterError !== undefined));
  }

  focusFilter(): void {
    this.text.focus();
    this.text.select();
  }

  /** Clears the level, text and process filters (the "Show All" of the all-hidden state); the source stays. */
  clearFilter(): void {
    this.level.value = 'TRACE';
    this.text.value = '';
    this.setPid(undefined);
  }

  private setPid(pid: number | undefined): void {
    this.pid = pid;
    this.pidChip.hidden = pid === undefined;
    this.pidChip.textContent = '';
    if (pid === undefined) return;
    const icon = this.pidChip.ownerDocument.createElement('span');
    icon.className = 'codicon codicon-close';
    icon.setAttribute('aria-hidden', 'true');
    this.pidChip.append(`PID ${pid}`, icon);
    labelled(this.pidChip, `Showing process ${pid} only: click to show every process`);
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function sortSources(sources: readonly LogSourceInfo[]): LogSourceInfo[] {
  const rank = (source: LogSourceInfo): number => (source.id.startsWith('older:') ? 1 : source.kind === 'stdout' ? 0 : 2);
  return [...sources].sort((a, b) => rank(a) - rank(b) || (b.startTime ?? '').localeCompare(a.startTime ?? '') || a.label.localeCompare(b.label));
}

function labelled(element: HTMLElement, label: string): void {
  element.setAttribute('aria-label', label);
  element.title = label;
}

function option(document: Document, label: string, value: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.textContent = label;
  element.value = value;
  return element;
}

function iconButton(document: Document, icon: string, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.className = `icon codicon codicon-${icon}`;
  labelled(button, label);
  return button;
}
