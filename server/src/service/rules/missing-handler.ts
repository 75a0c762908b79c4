// Without a handlers/add entry that maps ANCM, IIS never hands requests to the app: the <aspNetCore>
// section is read by nobody (publish writes that entry: dotnet/sdk WebConfigTransform.cs
// TransformHandlers). A parent configuration may map it, so this is a warning.

import { STANDARD_HANDLER_LINE } from '../../ancm/handlerEntry';
import { HANDLER_ENTRY_DOCS } from '../../ancm/modules';
import { type XmlElement, isComplete } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';
import { indentationOf, indentUnitOf, lineBreakOf, lineStartOf } from '../xmlEdit/layout';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';

export const missingHandlerRule: Rule = {
  id: 'missing-handler',
  description: 'No handler maps requests to the ASP.NET Core Module.',
  defaultSeverity: 'warning',
  requiresCompleteFile: true,
  docsUrl: HANDLER_ENTRY_DOCS.docsUrl,
  check(document: WebConfigDocument): Finding[] {
    if (document.handlers.length > 0) return [];
    return document.sections.map((section) => ({
      message: 'No handler maps requests to ANCM: unless a parent configuration adds one, IIS never passes requests to this app. Add the aspNetCore handler under <handlers>.',
      start: section.nameStart,
      end: section.nameEnd,
      fixes: addHandlerFixes(document.text, section),
    }));
  },
};

/**
 * Adds the SDK's handler line: into the sibling <handlers> when there is one, else a new <handlers>
 * before the section. A <handlers> still being typed gets no fix: an insertion could land inside it.
 */
function addHandlerFixes(text: string, section: XmlElement): Fix[] {
  const newline = lineBreakOf(text);
  const unit = indentUnitOf(text, section);
  const handlers = section.parent?.children.find((sibling) => sibling.name === 'handlers');
  if (handlers && !isComplete(handlers)) return [];
  if (handlers && handlers.endTag && !handlers.selfClosing) {
    const indent = indentationOf(text, handlers);
    const lineStart = lineStartOf(text, handlers.endTag.start);
    const closingOnOwnLine = /^[ \t]*$/.test(text.slice(lineStart, handlers.endTag.start));
    const at = closingOnOwnLine ? lineStart : handlers.endTag.start;
    const newText = closingOnOwnLine ? `${indent}${unit}${STANDARD_HANDLER_LINE}${newline}` : `${STANDARD_HANDLER_LINE}`;
    return [{ title: 'Add the aspNetCore handler line', edits: [{ start: at, end: at, newText }], safe: false }];
  }
  if (handlers) return []; // <handlers /> would need rewriting, not an insertion
  const indent = indentationOf(text, section);
  const block = `<handlers>${newline}${indent}${unit}${STANDARD_HANDLER_LINE}${newline}${indent}</handlers>${newline}${indent}`;
  return [{ title: 'Add <handlers> with the aspNetCore handler line', edits: [{ start: section.start, end: section.start, newText: block }], safe: false }];
}

