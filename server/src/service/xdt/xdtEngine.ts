// The transformation loop: a port of dotnet/xdt src/Microsoft.Web.XmlTransform/XmlTransformation.cs
// (PreprocessTransformDocument, TransformLoop, HandleElement) and Transform.Execute (XmlTransform.cs).
//
// Every element of the transform file is visited in document order, whether or not it has xdt:Transform; an
// element's children are visited after its own transform ran, with its XPath as their parent path. An error is
// logged and the loop goes on (the result is then not used, as TransformXml fails the publish); an error while
// reading xdt:Transform or xdt:SupressWarnings skips the element's children.

import { ElementContext, wrapFailure, type ContextServices } from './elementContext';
import { attributeRange, elementRange, type TextRange, type XdtLog } from './xdtLog';
import { XdtFailure, xdtMessages } from './xdtMessages';
import { cloneIntoTarget, XDT_NAMESPACE, type XContainer, type XDocument, type XElement, type XPathNode } from './xdtTree';
import { VERBS, type TransformRun } from './xdtTransforms';
import type { TransformName } from './xdtTypes';
import { splitArguments } from './xdtArguments';

export interface EngineInput {
  readonly transform: XDocument;
  readonly services: ContextServices;
  readonly log: XdtLog;
}

/**
 * PreprocessTransformDocument: elements in the xdt namespace. xdt:Import is checked as the engine checks it (a
 * mistake there is fatal: false is returned); the assembly it names cannot be loaded here, which is said as a
 * warning. Any other xdt element is an unknown tag.
 */
export function preprocessTransform(transform: XDocument, log: XdtLog): boolean {
  for (const element of elementsOf(transform)) {
    if (element.namespaceUri !== XDT_NAMESPACE) continue;
    if (element.localName !== 'Import') {
      log.warning(xdtMessages.unknownXdtTag(element.qname), elementRange(element));
      continue;
    }
    const failure = importFailure(element);
    if (failure) {
      log.error(failure.message, failure.at ?? elementRange(element));
      return false;
    }
    const assembly = element.attribute('assembly')?.value ?? element.attribute('path')?.value ?? '';
    log.warning(xdtMessages.importNotSupported(assembly), elementRange(element));
  }
  return true;
}

function importFailure(element: XElement): XdtFailure | undefined {
  for (const attribute of element.attributes) {
    if (attribute.isNamespaceDeclaration) continue;
    if (attribute.namespaceUri !== '' || !['assembly', 'namespace', 'path'].includes(attribute.qname)) {
      return new XdtFailure(xdtMessages.importUnknownAttribute(attribute.qname), attributeRange(attribute));
    }
  }
  const assembly = element.attribute('assembly');
  const path = element.attribute('path');
  if (assembly && path) return new XdtFailure(xdtMessages.importAttributeConflict(), elementRange(element));
  if (!assembly && !path) return new XdtFailure(xdtMessages.importMissingAssembly(), elementRange(element));
  if (!element.attribute('namespace')) return new XdtFailure(xdtMessages.importMissingNamespace(), elementRange(element));
  return undefined;
}

function* elementsOf(container: XContainer): Generator<XElement> {
  for (const child of container.children) {
    if (child.kind !== 'element') continue;
    yield child;
    yield* elementsOf(child);
  }
}

export function runTransformLoop(input: EngineInput): void {
  transformLoop(input, input.transform, undefined);
}

function transformLoop(input: EngineInput, container: XContainer, parent: ElementContext | undefined): void {
  for (const child of container.children) {
    if (child.kind !== 'element') continue;
    const context = new ElementContext(parent, child, input.services);
    try {
      handleElement(input, context);
    } catch (error) {
      const failure = wrapFailure(error, elementRange(child));
      input.log.error(failure.message, failure.at ?? elementRange(child));
    }
  }
}

function handleElement(input: EngineInput, context: ElementContext): void {
  const transform = context.constructTransform();
  if (transform) {
    const { log } = input;
    const originalSuppress = log.suppressWarnings;
    const suppress = context.element.attributeNS('SupressWarnings', XDT_NAMESPACE);
    if (suppress) log.suppressWarnings = parseBoolean(suppress.value);
    try {
      execute(input, context, transform.name, transform.argumentString);
    } finally {
      log.suppressWarnings = originalSuppress;
    }
  }
  transformLoop(input, context.element, context);
}

/** Convert.ToBoolean(string): "true" or "false" in any case, spaces around allowed. */
function parseBoolean(value: string): boolean {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  throw new XdtFailure(xdtMessages.invalidBoolean(value));
}

/** Transform.Execute: check the target exists, then apply once or to every target; errors are logged, not thrown. */
function execute(input: EngineInput, context: ElementContext, name: TransformName, argumentString: string | undefined): void {
  const verb = VERBS[name];
  const { log } = input;
  const transformAt: TextRange = context.transformAttribute ? attributeRange(context.transformAttribute) : elementRange(context.element);
  const args = argumentString === undefined ? undefined : splitArguments(argumentString);
  const runFor = (targetNode: XPathNode, targetNodes: readonly XPathNode[], transformNode: XElement): TransformRun => ({
    name,
    argumentString,
    args,
    targetNode,
    targetNodes,
    targetChildNodes: () => context.targetNodes,
    transformNode,
    warn: (message) => log.warning(message, transformAt),
  });
  try {
    if (!hasRequiredTarget(input, context, verb.useParentAsTarget, verb.missingTarget)) return;
    const targets = verb.useParentAsTarget ? context.targetParents ?? [] : context.targetNodes;
    if (!verb.applyToAllTargets) {
      verb.apply(runFor(targets[0], targets, context.transformNode));
      return;
    }
    const original = context.transformNode;
    for (const target of targets) {
      try {
        verb.apply(runFor(target, targets, cloneIntoTarget(original)));
      } catch (error) {
        const failure = wrapFailure(error, transformAt);
        log.error(failure.message, failure.at ?? transformAt);
      }
    }
  } catch (error) {
    const failure = wrapFailure(error, transformAt);
    log.error(failure.message, failure.at ?? transformAt);
  }
}

/** Transform.HasRequiredTarget and HandleMissingTarget: the "No element in the source document matches" problem. */
function hasRequiredTarget(input: EngineInput, context: ElementContext, useParent: boolean, severity: 'warning' | 'error'): boolean {
  const missing = useParent ? context.missingTargetParent() : context.missingTargetNode();
  if (!missing) return true;
  const xpath = missing.failed.xpath;
  const message = missing.existedInOriginal ? xdtMessages.sourceMatchWasRemoved(xpath) : xdtMessages.noMatchingTargetNodes(xpath);
  const at = elementRange(missing.failed.element);
  if (severity === 'error') throw new XdtFailure(message, at);
  input.log.warning(message, at);
  return false;
}
