// Where the cursor is in a project file, for completion and hover: on a property's name inside <PropertyGroup>, in
// its value, or where a new property can go.

import { type XmlElement, parseXml } from '../parse/xmlDocument';
import { type CursorContext, cursorContext } from '../parse/cursorContext';

export type ProjectSite =
  /** Typing a property name (after `<`, or a bare word) inside a PropertyGroup. */
  | { readonly kind: 'propertyName'; readonly replaceStart: number; readonly replaceEnd: number; readonly typedAfterLessThan: boolean; readonly hasEndTag: boolean }
  /** Inside a property's value. */
  | { readonly kind: 'propertyValue'; readonly property: XmlElement; readonly replaceStart: number; readonly replaceEnd: number }
  | { readonly kind: 'none' };

const NONE: ProjectSite = { kind: 'none' };

function isPropertyGroup(element: XmlElement | undefined): boolean {
  return element?.name === 'PropertyGroup';
}

export function projectSiteAt(text: string, offset: number): ProjectSite {
  const context: CursorContext = cursorContext(parseXml(text), offset);
  switch (context.kind) {
    case 'elementName':
      if (!isPropertyGroup(context.parent)) return NONE;
      return {
        kind: 'propertyName',
        replaceStart: context.replaceStart,
        replaceEnd: context.replaceEnd,
        typedAfterLessThan: true,
        hasEndTag: context.element?.endTag !== undefined || context.element?.selfClosing === true,
      };
    case 'content': {
      const parent = context.parent;
      if (isPropertyGroup(parent)) {
        return { kind: 'propertyName', replaceStart: context.replaceStart, replaceEnd: context.replaceEnd, typedAfterLessThan: false, hasEndTag: false };
      }
      if (parent && isPropertyGroup(parent.parent) && parent.children.length === 0) {
        // The whole value, so that a completed value replaces what is typed on either side of the cursor.
        const contentStart = parent.startTagEnd ?? context.replaceStart;
        const contentEnd = parent.endTag?.start ?? context.replaceEnd;
        const raw = text.slice(contentStart, contentEnd);
        const start = contentStart + (raw.length - raw.trimStart().length);
        const end = Math.max(start, contentStart + raw.trimEnd().length);
        return { kind: 'propertyValue', property: parent, replaceStart: Math.min(start, offset), replaceEnd: Math.max(end, offset) };
      }
      return NONE;
    }
    default:
      return NONE;
  }
}
