// One row of the list as DOM. Log text only ever goes in as textContent, after displayLine(): it comes from
// HTTP requests, so it must never be read as markup. Attributes hold only values the panel made (a link's
// index, never its target: the list looks the target up again on click).
// An entry's first row has the columns (time, level, source, origin) and its message's first line; an
// expanded entry's other rows hold the rest of the message, wrapped, under the message column, then a
// details row.

import type { LogEntryMessage } from '../../../../server/src/protocol/logs';
import type { TextRange } from './highlight';

export type RowKind = 'entry' | 'line' | 'details' | 'cause';

/** A link in the row's text: `index` is its place among the links of the entry's line. */
export interface RowLink extends TextRange {
  readonly index: number;
  readonly kind: 'location' | 'url' | 'rule';
}

export interface RowContent {
  readonly kind: RowKind;
  readonly entry: LogEntryMessage;
  /** The column texts ('' for none). */
  readonly time: string;
  readonly source: string;
  readonly origin: string;
  readonly originMarks: readonly TextRange[];
  /** What this row shows of the entry, as displayed. */
  readonly text: string;
  /** Where the filter matches in `text`. */
  readonly marks: readonly TextRange[];
  readonly links: readonly RowLink[];
  /** The entry has more to show than its first row. */
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** Collapsed: lines of the message below the first. */
  readonly hiddenLines: number;
  /** Collapsed: where the filter matched out of sight (`match in 3 hidden lines`). */
  readonly matchHint: string | undefined;
  /** The entry row of an explained entry: its first cause's id and meaning (the marker and its tooltip). */
  readonly cause?: { readonly id: string; readonly meaning: string; readonly more: number } | undefined;
  readonly selected: boolean;
  /** For the entry row: the entry's 1-based position among the shown entries, and their number. */
  readonly position: number;
  readonly setSize: number;
  /** The row index in the list, for the click handler. */
  readonly row: number;
}

const LEVEL_CLASS = { ERROR: 'level-error', WARNING: 'level-warning', INFO: 'level-info', TRACE: 'level-trace' } as const;
const LINK_TITLE = {
  location: 'Open this file of the workspace in the editor',
  url: 'Open in the browser (VS Code asks first)',
  rule: "Open the site's web.config at this rule's problem",
} as const;

/** The element id of an entry's first row, for aria-activedescendant. */
export function entryElementId(seq: number): string {
  return `entry-${seq}`;
}

export function renderRow(document: Document, content: RowContent, seq: number): HTMLElement {
  const row = document.createElement('div');
  row.className = `row ${LEVEL_CLASS[content.entry.level]}`;
  row.dataset.row = String(content.row);
  if (content.selected) row.classList.add('selected');
  row.append(twistie(document, content), span(document, 'time', content.time), levelBadge(document, content.entry), span(document, 'source', content.source));
  const origin = span(document, 'origin', '');
  appendMarked(document, origin, content.origin, content.originMarks, []);
  row.append(origin);
  if (content.kind === 'entry') {
    row.id = entryElementId(seq);
    row.setAttribute('role', 'option');
    row.setAttribute('aria-selected', String(content.selected));
    row.setAttribute('aria-posinset', String(content.position));
    row.setAttribute('aria-setsize', String(content.setSize));
    if (content.expandable) row.setAttribute('aria-expanded', String(content.expanded));
  } else {
    // The entry's other rows belong to the option above; their columns are kept, unseen, so that the text
    // lines up under the message column.
    row.setAttribute('role', 'none');
    row.classList.add('continuation');
    if (content.kind === 'details') row.classList.add('details');
    if (content.kind === 'cause') row.classList.add('cause');
  }
  const text = span(document, 'text', '');
  appendMarked(document, text, content.text, content.marks, content.links);
  row.append(text);
  if (content.kind === 'entry' && content.cause) row.append(causeMarker(document, content.cause));
  if (content.kind === 'entry' && !content.expanded) {
    if (content.hiddenLines > 0) row.append(span(document, 'more', `+${content.hiddenLines} ${content.hiddenLines === 1 ? 'line' : 'lines'}`));
    if (content.matchHint !== undefined) row.append(span(document, 'match-hint', content.matchHint));
  }
  return row;
}

/** `text` into `parent` as text nodes, with <mark> around the matches and link spans around the links. */
function appendMarked(document: Document, parent: HTMLElement, text: string, marks: readonly TextRange[], links: readonly RowLink[]): void {
  if (marks.length === 0 && links.length === 0) {
    parent.textContent = text;
    return;
  }
  const cuts = new Set<number>([0, text.length]);
  for (const range of [...marks, ...links]) {
    cuts.add(Math.max(0, Math.min(text.length, range.start)));
    cuts.add(Math.max(0, Math.min(text.length, range.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let linkElement: HTMLElement | undefined;
  let linkIndex: number | undefined;
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index];
    const end = points[index + 1];
    const piece = text.slice(start, end);
    const link = links.find((candidate) => candidate.start <= start && end <= candidate.end);
    if (link?.index !== linkIndex) {
      linkElement = undefined;
      linkIndex = link?.index;
      if (link) {
        linkElement = document.createElement('span');
        linkElement.className = 'link';
        linkElement.dataset.link = String(link.index);
        linkElement.title = LINK_TITLE[link.kind];
        parent.append(linkElement);
      }
    }
    const marked = marks.some((range) => range.start <= start && end <= range.end);
    const node: Node = marked ? markElement(document, piece) : document.createTextNode(piece);
    (linkElement ?? parent).append(node);
  }
}

function markElement(document: Document, text: string): HTMLElement {
  const mark = document.createElement('mark');
  mark.textContent = text;
  return mark;
}

function twistie(document: Document, content: RowContent): HTMLElement {
  const element = document.createElement('span');
  element.setAttribute('aria-hidden', 'true');
  const hasTwistie = content.kind === 'entry' && content.expandable;
  element.className = hasTwistie ? `twistie codicon codicon-chevron-${content.expanded ? 'down' : 'right'}` : 'twistie';
  return element;
}

/** The marker of an explained entry: a light bulb and the cause's id; its meaning is the tooltip, the fix is in the expanded entry. */
function causeMarker(document: Document, cause: NonNullable<RowContent['cause']>): HTMLElement {
  const marker = document.createElement('span');
  marker.className = 'cause-marker';
  const icon = document.createElement('span');
  icon.className = 'codicon codicon-lightbulb';
  icon.setAttribute('aria-hidden', 'true');
  marker.append(icon, document.createTextNode(cause.more > 0 ? `${cause.id} +${cause.more}` : cause.id));
  marker.title = `Explained: ${cause.meaning} Expand the entry for the fix.`;
  marker.setAttribute('aria-label', `Explained: ${cause.id}`);
  return marker;
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
