// Applies an XDT transform (web.Release.config and the like) to a source web.config, as the publish does:
// dotnet/sdk src/WebSdk/Publish/Tasks/Tasks/Xdt/TransformXml.cs loads the source into an XmlTransformableDocument
// with PreserveWhitespace = true, applies an XmlTransformation (dotnet/xdt src/Microsoft.Web.XmlTransform) and saves
// only when Apply returned true, that is when no error was logged.
//
// The result text keeps the source byte for byte wherever no transform changed it (see xdtWriter.ts for what a
// change rewrites and how it differs from the engine's own writer), and inserted elements are indented to fit
// their siblings as the engine's formatter does (xdtFormatter.ts).

import { findStrictXmlErrors } from '../parse/strictXml';
import { parseXml } from '../parse/xmlDocument';
import { preprocessTransform, runTransformLoop } from './xdtEngine';
import { formatDocument } from './xdtFormatter';
import { XdtLog } from './xdtLog';
import { readXml } from './xdtReader';
import { XDT_NAMESPACE, type XDocument } from './xdtTree';
import { writeDocument } from './xdtWriter';

export interface XdtProblem {
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** Offsets in the TRANSFORM text of the element/attribute that caused it. */
  readonly start: number;
  readonly end: number;
}

export interface XdtResult {
  readonly text: string;
  readonly problems: readonly XdtProblem[];
  /** false when an error stopped the transform (then text is the source unchanged, as the SDK fails the publish) */
  readonly applied: boolean;
}

/** Whether the text declares the XDT namespace anywhere (XmlTransformation.HasTransformNamespace). */
export function isXdtTransform(text: string): boolean {
  try {
    return parseXml(text).elements.some((element) =>
      element.attributes.some((attribute) => (attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) && attribute.valueClosed && attribute.value === XDT_NAMESPACE),
    );
  } catch {
    return false;
  }
}

export function applyXdtTransform(sourceText: string, transformText: string): XdtResult {
  try {
    return apply(sourceText, transformText);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed(sourceText, [{ message: `The transform could not be applied: ${message}`, severity: 'error', start: 0, end: 0 }]);
  }
}

function failed(sourceText: string, problems: readonly XdtProblem[]): XdtResult {
  return { text: sourceText, problems, applied: false };
}

function apply(sourceText: string, transformText: string): XdtResult {
  const transformErrors = findStrictXmlErrors(transformText);
  const transform = transformErrors.length === 0 ? readXml(transformText) : undefined;
  if (!transform) {
    return failed(sourceText, malformed('The transform', transformErrors, transformText.length));
  }
  // XmlTransformation.Apply without the namespace logs a message and returns true, changing nothing.
  if (!isXdtTransform(transformText)) return { text: sourceText, problems: [], applied: true };
  const log = new XdtLog();
  if (!preprocessTransform(transform, log)) return failed(sourceText, log.problems);

  const sourceErrors = findStrictXmlErrors(sourceText);
  const target = sourceErrors.length === 0 ? readXml(sourceText) : undefined;
  if (!target) {
    // The source's offsets mean nothing in the transform: these problems sit at its start.
    return failed(sourceText, [...log.problems, ...malformed('The source', sourceErrors, 0).map((problem) => ({ ...problem, start: 0, end: 0 }))]);
  }
  let original: XDocument | undefined;
  runTransformLoop({
    transform,
    log,
    services: {
      target,
      original: () => (original ??= readXml(sourceText)),
    },
  });
  if (log.hasErrors) return failed(sourceText, log.problems);
  if (!target.dirty) return { text: sourceText, problems: log.problems, applied: true };
  formatDocument(target);
  return { text: writeDocument(target), problems: log.problems, applied: true };
}

function malformed(what: string, errors: ReturnType<typeof findStrictXmlErrors>, fallbackOffset: number): XdtProblem[] {
  if (errors.length === 0) {
    return [{ message: `${what} is not well-formed XML.`, severity: 'error', start: 0, end: fallbackOffset }];
  }
  return errors.map((error) => ({ message: `${what} is not well-formed XML: ${describe(error)}`, severity: 'error', start: error.start, end: error.end }));
}

function describe(error: ReturnType<typeof findStrictXmlErrors>[number]): string {
  switch (error.kind) {
    case 'bare-ampersand':
      return 'a bare & (write &amp;).';
    case 'undefined-entity':
      return `the entity &${error.detail} is not defined (only amp, lt, gt, quot and apos are).`;
    case 'double-hyphen-in-comment':
      return '-- inside a comment.';
    case 'declaration-not-first':
      return 'the XML declaration is not at the very start.';
    case 'duplicate-attribute':
      return `the attribute ${error.detail} appears twice.`;
    case 'undeclared-prefix':
      return `the prefix ${error.detail} is not declared.`;
    case 'unterminated':
      return `an unterminated ${error.detail}.`;
    case 'parser':
      return error.detail;
  }
}
