// The controls above the list: source, level, text filter with its regex toggle, the hidden count, and the
// Load Earlier, Open Raw, Clear and Follow buttons. Real <select>, <input> and <button> elements with
// labels, so they are reachable with Tab and read by screen readers; codicons for the icons.

import { DEBUG_LEVELS } from '../../../../server/src/ancm/debugLevel';
import type { AncmLevel } from '../../../../server/src/logs/types';
import type { LogSourceInfo } from '../../../../server/src/protocol';
import type { ViewFilter } from './viewModel';

/** The value of the "All sources" option: source ids are never empty. */
const ALL_SOURCES = '';
const FILTER_DELAY_MS = 150;

const LEVEL_LABELS: Record<AncmLevel, string> = { ERROR: 'Error', WARNING: 'Warning', INFO: 'Info', TRACE: 'Trace (all)' };

export interface ToolbarActions {
  readonly onFilterChange: () => void;
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

    this.level = document.createElement('select');
    labelled(this.level, 'Level: shows this level and the more severe ones');
    for (const level of DEBUG_LEVELS) this.level.append(option(document, LEVEL_LABELS[level], level));

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

    this.element.append(this.source, this.level, filterBox, this.hidden, gap, this.loadEarlier, this.openRaw, clear, this.follow);

    this.source.addEventListener('change', actions.onFilterChange);
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
      sourceId: this.source.value === ALL_SOURCES ? undefined : this.source.value,
    };
  }

  showFilter(filter: ViewFilter): void {
    this.level.value = filter.level;
    this.text.value = filter.text;
    this.regex.setAttribute('aria-pressed', String(filter.regex));
    this.source.value = filter.sourceId ?? ALL_SOURCES;
  }

  /** Newest stdout file first, then the debug log; the selection stays when its source still exists. */
  setSources(sources: readonly LogSourceInfo[]): void {
    const selected = this.source.value;
    const document = this.source.ownerDocument;
    const options = [option(document, 'All sources', ALL_SOURCES)];
    for (const source of sortSources(sources)) {
      options.push(option(document, source.exists ? source.label : `${source.label} (not created yet)`, source.id));
    }
    this.source.replaceChildren(...options);
    this.source.value = sources.some((source) => source.id === selected) ? selected : ALL_SOURCES;
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
}

function sortSources(sources: readonly LogSourceInfo[]): LogSourceInfo[] {
  const rank = (source: LogSourceInfo): number => (source.kind === 'stdout' ? 0 : 1);
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
