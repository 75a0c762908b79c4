// The engine's logger (dotnet/xdt src/Microsoft.Web.XmlTransform/XmlTransformationLogger.cs) reduced to what
// becomes a problem: warnings (dropped while xdt:SupressWarnings is true on the element being applied, as the
// logger turns them into messages) and errors, each placed on the transform-file node it concerns.

import type { XdtProblem } from './applyXdtTransform';
import type { XAttribute, XElement } from './xdtTree';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export function elementRange(element: XElement): TextRange {
  return { start: element.start, end: element.startTagEnd };
}

export function attributeRange(attribute: XAttribute): TextRange {
  return { start: attribute.start, end: attribute.end };
}

export class XdtLog {
  readonly problems: XdtProblem[] = [];
  hasErrors = false;
  suppressWarnings = false;

  warning(message: string, at: TextRange): void {
    if (!this.suppressWarnings) this.problems.push({ message, severity: 'warning', start: at.start, end: at.end });
  }

  error(message: string, at: TextRange): void {
    this.hasErrors = true;
    this.problems.push({ message, severity: 'error', start: at.start, end: at.end });
  }
}
