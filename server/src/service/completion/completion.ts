// Completion: find what the cursor is on, then ask the provider for that place.

import { cursorContext } from '../parse/cursorContext';
import { getAttribute } from '../parse/xmlDocument';
import type { CompletionEntry } from '../types';
import { type WebConfigDocument, documentHostingModel, enclosingSection } from '../webConfig';
import { completeAttributeName } from './attributeNameCompletion';
import { completeElement } from './elementCompletion';
import { type CasingStyle, pickCasingStyle } from './hostingModelCasing';
import { completeValue } from './valueCompletion';

export function doComplete(document: WebConfigDocument, offset: number): CompletionEntry[] {
  const entries = entriesAt(document, offset);
  if (entries.length === 0) return entries;
  const line = cursorLine(document.text, offset);
  return entries.map((entry) => onCursorLine(entry, line, offset));
}

/**
 * The replace range cut to the cursor's line and holding the cursor. An attribute value may hold line
 * breaks, so a range taken from the value can span lines, and editors refuse that: LSP's
 * `CompletionItem.textEdit` says the range "must be a single line range and it must contain the position
 * at which completion has been requested", and VS Code's vscode.d.ts says the same of `CompletionItem.range`.
 * The parts of the value on other lines stay as they are.
 */
function onCursorLine(entry: CompletionEntry, line: LineSpan, offset: number): CompletionEntry {
  const replaceStart = Math.min(Math.max(entry.replaceStart, line.start), offset);
  const replaceEnd = Math.max(Math.min(entry.replaceEnd, line.end), offset);
  return replaceStart === entry.replaceStart && replaceEnd === entry.replaceEnd ? entry : { ...entry, replaceStart, replaceEnd };
}

interface LineSpan {
  readonly start: number;
  /** Where the line break (or the text) begins. */
  readonly end: number;
}

/** The cursor's line, breaking at LF, CRLF and a lone CR, as LSP positions count lines. */
function cursorLine(text: string, offset: number): LineSpan {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

function entriesAt(document: WebConfigDocument, offset: number): CompletionEntry[] {
  const context = cursorContext(document.xml, offset);
  switch (context.kind) {
    case 'none':
      return [];
    case 'attributeName': {
      const { element } = context;
      return completeAttributeName({
        element,
        attribute: context.attribute,
        site: context,
        hostingModel: documentHostingModel(document, element),
        casing: casingOf(document, element),
      });
    }
    case 'attributeValue': {
      const { element } = context;
      return completeValue({
        text: document.text,
        element,
        attribute: context.attribute,
        offset,
        site: context,
        hostingModel: documentHostingModel(document, element),
        casing: casingOf(document, element),
      });
    }
    case 'elementName':
    case 'content': {
      const { parent } = context;
      return completeElement({
        document,
        parent,
        element: context.kind === 'elementName' ? context.element : undefined,
        afterBracket: context.kind === 'elementName',
        site: context,
        hostingModel: documentHostingModel(document, parent),
        casing: casingOf(document, parent),
      });
    }
  }
}

/** The hostingModel casing to keep: the enclosing section's value first, then the other sections'. */
function casingOf(document: WebConfigDocument, element: Parameters<typeof enclosingSection>[0]): CasingStyle {
  const own = enclosingSection(element);
  const sections = own ? [own, ...document.sections.filter((section) => section !== own)] : document.sections;
  return pickCasingStyle(sections.map((section) => getAttribute(section, 'hostingModel')?.value));
}
