// Which <aspNetCore> sections a command edits. A web.config can hold several, one per <location>. The
// section the cursor is in is the one the user means; with the cursor elsewhere (or no cursor, e.g. a
// command run on a file that is not open) every section gets the same setting, since they describe one app.

import { elementAt } from '../parse/xmlDocument';
import type { XmlElement } from '../parse/xmlDocument';
import { type WebConfigDocument, enclosingSection } from '../webConfig';

export function targetSections(document: WebConfigDocument, cursorOffset: number | undefined): readonly XmlElement[] {
  if (cursorOffset !== undefined) {
    const atCursor = enclosingSection(elementAt(document.xml, cursorOffset));
    if (atCursor) return [atCursor];
  }
  return document.sections;
}

export const NO_SECTION = 'This web.config has no <aspNetCore> section under <system.webServer>.';
