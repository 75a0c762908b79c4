// The locators: how a transform-file element becomes the XPath of the source elements it targets.
// dotnet/xdt src/Microsoft.Web.XmlTransform/XmlLocator.cs (Locator: the path is the parent's path, `/`, the
// element's name, and the locator's predicate in brackets) and XmlLocators.cs (DefaultLocator, Match, Condition,
// XPath).

import { splitArguments } from './xdtArguments';
import { XdtFailure, xdtMessages } from './xdtMessages';
import type { XElement } from './xdtTree';

export const LOCATOR_NAMES = ['DefaultLocator', 'Match', 'Condition', 'XPath'] as const;
export type LocatorName = (typeof LOCATOR_NAMES)[number];

export interface LocatorInput {
  /** The XPath of the enclosing transform element ('' for the root). */
  readonly parentPath: string;
  /** The transform-file element. */
  readonly element: XElement;
  readonly argumentString: string | undefined;
}

/** The XPath of the source elements the transform element targets. Throws XdtFailure. */
export function constructPath(locator: LocatorName, input: LocatorInput): string {
  if (locator === 'XPath') return xpathLocatorPath(input);
  return appendStep(input.parentPath, nextStepNodeTest(input.element), predicate(locator, input));
}

/** The XPath of the elements an Insert-like transform appends to: the parent's path, or for XPath the path itself. */
export function constructParentPath(locator: LocatorName, input: LocatorInput): string {
  return locator === 'XPath' ? xpathLocatorPath(input) : input.parentPath;
}

/** Locator.NextStepNodeTest: a default-namespace element is named through the `_defaultNamespace` prefix. */
function nextStepNodeTest(element: XElement): string {
  return element.namespaceUri !== '' && element.prefix === '' ? `_defaultNamespace:${element.localName}` : element.qname;
}

function appendStep(basePath: string, nodeTest: string, predicateText = ''): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return `${base}${nodeTest}${bracketed(predicateText)}`;
}

/** Locator.EnsureBracketedPredicate: brackets are added unless the predicate already has them. */
function bracketed(predicateText: string): string {
  if (predicateText === '') return '';
  const open = predicateText.startsWith('[') ? predicateText : `[${predicateText}`;
  return open.endsWith(']') ? open : `${open}]`;
}

function argumentsOf(input: LocatorInput): string[] | undefined {
  return input.argumentString === undefined ? undefined : splitArguments(input.argumentString);
}

/** Locator.EnsureArguments(min) and EnsureArguments(min, max) with min == max, as the locators call them. */
function ensureArguments(name: LocatorName, input: LocatorInput, min: number, exact: boolean): string[] {
  const args = argumentsOf(input);
  if (exact && (!args || args.length !== min)) throw new XdtFailure(xdtMessages.requiresExactArguments(name, min));
  if (!args || args.length < min) throw new XdtFailure(xdtMessages.requiresMinimumArguments(name, min));
  return args;
}

function predicate(locator: LocatorName, input: LocatorInput): string {
  switch (locator) {
    case 'Match': {
      // Match.ConstructPredicate: @name='value' for each listed attribute of the transform element, joined by
      // " and "; the value is pasted in as is, so a value with a quote makes an XPath that does not compile.
      const args = ensureArguments('Match', input, 1, false);
      return args
        .map((key) => {
          const attribute = input.element.attribute(key);
          if (!attribute) throw new XdtFailure(xdtMessages.matchAttributeDoesNotExist(key));
          return `@${attribute.qname}='${attribute.value}'`;
        })
        .join(' and ');
    }
    case 'Condition':
      return ensureArguments('Condition', input, 1, true)[0];
    default:
      return '';
  }
}

/** XPath.ConstructPath: an absolute argument is the path; a relative one is appended to the element's own path. */
function xpathLocatorPath(input: LocatorInput): string {
  const argument = ensureArguments('XPath', input, 1, true)[0];
  if (argument.startsWith('/')) return argument;
  const ownPath = appendStep(input.parentPath, nextStepNodeTest(input.element));
  return appendStep(ownPath, argument).replaceAll('/./', '/');
}
