// One row of the list as DOM. Log text only ever goes in as textContent, after displayLine(): it comes from
// HTTP requests, so it must never be read as markup. Attributes hold only values the panel made.

import type { LogEntryMessage } from '../../../../server/src/protocol';
import { displayLine } from './displayText';

export interface RowContent {
  readonly entry: LogEntryMessage;
  /** Which of the entry's lines this row shows (0: the first, with the level). */
  readonly line: number;
  /** That line's text, raw. */
  readonly lineText: string;
  /** Lines beyond the first; 0 for a one-line entry. */
  readonly continuationLines: number;
  readonly expanded: boolean;
  readonly selected: boolean;
  /** Which source the entry is from, when the list mixes sources. */
  readonly sourceTag: string | undefined;
  /** For the first line: the entry's 1-based position among the shown entries, and their number. */
  readonly position: number;
  readonly setSize: number;
  /** The row index in the list, for the click handler. */
  readonly row: number;
}

const LEVEL_CLASS = { ERROR: 'level-error', WARNING: 'level-warning', INFO: 'level-info', TRACE: 'level-trace' } as const;

/** The element id of an entry's first row, for aria-activedescendant. */
export function entryElementId(seq: number): string {
  return `entry-${seq}`;
}

export function renderRow(document: Document, content: RowContent, seq: number): HTMLElement {
  const row = document.createElement('div');
  row.className = `row ${LEVEL_CLASS[content.entry.level]}`;
  row.dataset.row = String(content.row);
  if (content.selected) row.classList.add('selected');
  row.append(twistie(document, content), levelBadge(document, content.entry));
  if (content.sourceTag !== undefined) row.append(span(document, 'source', content.sourceTag));
  if (content.line === 0) {
    row.id = entryElementId(seq);
    row.setAttribute('role', 'option');
    row.setAttribute('aria-selected', String(content.selected));
    row.setAttribute('aria-posinset', String(content.position));
    row.setAttribute('aria-setsize', String(content.setSize));
    if (content.continuationLines > 0) row.setAttribute('aria-expanded', String(content.expanded));
  } else {
    // A continuation line belongs to the option above it; its level and source columns are kept, unseen,
    // so that its text lines up under the first line's.
    row.setAttribute('role', 'none');
    row.classList.add('continuation');
  }
  row.append(span(document, 'text', displayLine(content.lineText)));
  if (content.line === 0 && content.continuationLines > 0 && !content.expanded) {
    row.append(span(document, 'more', `+${content.continuationLines} ${content.continuationLines === 1 ? 'line' : 'lines'}`));
  }
  return row;
}

function twistie(document: Document, content: RowContent): HTMLElement {
  const element = document.createElement('span');
  element.setAttribute('aria-hidden', 'true');
  const hasTwistie = content.line === 0 && content.continuationLines > 0;
  element.className = hasTwistie ? `twistie codicon codicon-chevron-${content.expanded ? 'down' : 'right'}` : 'twistie';
  return element;
}

function levelBadge(document: Document, entry: LogEntryMessage): HTMLElement {
  const badge = span(document, 'level', entry.level);
  // The debug log names no level: it comes from ANCM's message catalog, or a guess from the words.
  if (entry.levelFrom === 'heuristic') {
    badge.classList.add('guessed');
    badge.title = 'Level guessed from the text';
  }
  return badge;
}

function span(document: Document, className: string, text: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
