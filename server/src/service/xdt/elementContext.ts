// One transform-file element while the engine applies it: a port of dotnet/xdt
// src/Microsoft.Web.XmlTransform/XmlElementContext.cs. Its XPath (from the locator and the parent's XPath), the
// source nodes that XPath selects now, the parents an Insert appends to, and the copy of the element that goes
// into the source (xdt:* attributes and namespace declarations scrubbed). Each is computed on first use and kept,
// as there, so a child sees the document as it is when the child runs.

import { parseNameAndArguments } from './xdtArguments';
import { constructParentPath, constructPath, type LocatorName } from './xdtLocators';
import { attributeRange, elementRange, type TextRange } from './xdtLog';
import { XdtFailure, xdtMessages } from './xdtMessages';
import { cloneIntoTarget, namespacesInScope, XDT_NAMESPACE, type XAttribute, type XDocument, type XElement, type XPathNode } from './xdtTree';
import { resolveLocator, resolveTransform, type TransformName } from './xdtTypes';
import { selectNodes } from './xpathEvaluator';
import { XPathError } from './xpathParser';

export interface ContextServices {
  readonly target: XDocument;
  /** The source as it was before any transform ran (XmlTransformableDocument's original), for the "was removed" warning. */
  original(): XDocument | undefined;
}

/** XmlNodeException.Wrap: a failure keeps the node it was first reported on; otherwise it gets `at`. */
export function wrapFailure(error: unknown, at: TextRange): XdtFailure {
  if (error instanceof XdtFailure) return error.at ? error : new XdtFailure(error.message, at);
  if (error instanceof XPathError) return new XdtFailure(error.message, at);
  throw error;
}

export interface MissingTarget {
  readonly failed: ElementContext;
  readonly existedInOriginal: boolean;
}

export class ElementContext {
  transformAttribute: XAttribute | undefined;
  private xpathValue: string | undefined;
  private parentXPathValue: string | undefined;
  private targetNodesValue: XPathNode[] | undefined;
  private targetParentsValue: XPathNode[] | undefined;
  private transformNodeValue: XElement | undefined;
  private namespacesValue: Map<string, string> | undefined;

  constructor(readonly parent: ElementContext | undefined, readonly element: XElement, private readonly services: ContextServices) {}

  /** CreateObjectFromAttribute<Transform>: undefined when the element has no xdt:Transform. Throws XdtFailure. */
  constructTransform(): { name: TransformName; argumentString: string | undefined } | undefined {
    const attribute = this.element.attributeNS('Transform', XDT_NAMESPACE);
    this.transformAttribute = attribute;
    if (!attribute) return undefined;
    try {
      const { name, argumentString } = parseNameAndArguments(attribute.value);
      return { name: resolveTransform(name), argumentString };
    } catch (error) {
      throw wrapFailure(error, attributeRange(attribute));
    }
  }

  get xpath(): string {
    this.xpathValue ??= this.withLocator((locator, input) => constructPath(locator, input));
    return this.xpathValue;
  }

  get parentXPath(): string {
    this.parentXPathValue ??= this.withLocator((locator, input) => constructParentPath(locator, input));
    return this.parentXPathValue;
  }

  private withLocator(build: (locator: LocatorName, input: { parentPath: string; element: XElement; argumentString: string | undefined }) => string): string {
    const parentPath = this.parent ? this.parent.xpath : '';
    const { locator, argumentString } = this.createLocator();
    try {
      return build(locator, { parentPath, element: this.element, argumentString });
    } catch (error) {
      throw wrapFailure(error, elementRange(this.element));
    }
  }

  private createLocator(): { locator: LocatorName; argumentString: string | undefined } {
    const attribute = this.element.attributeNS('Locator', XDT_NAMESPACE);
    if (!attribute) return { locator: 'DefaultLocator', argumentString: undefined };
    try {
      const { name, argumentString } = parseNameAndArguments(attribute.value);
      return { locator: resolveLocator(name), argumentString };
    } catch (error) {
      throw wrapFailure(error, attributeRange(attribute));
    }
  }

  /** The element copied into the source, without xdt:* attributes and namespace declarations. */
  get transformNode(): XElement {
    if (!this.transformNodeValue) {
      this.transformNodeValue = cloneIntoTarget(this.element);
      scrubTransformAttributes(this.transformNodeValue);
    }
    return this.transformNodeValue;
  }

  get targetNodes(): XPathNode[] {
    this.targetNodesValue ??= this.select(this.xpath);
    return this.targetNodesValue;
  }

  /** Undefined for the root element (it has no parent context), as the engine's TargetParents is null there. */
  get targetParents(): XPathNode[] | undefined {
    if (!this.targetParentsValue && this.parent) this.targetParentsValue = this.select(this.parentXPath);
    return this.targetParentsValue;
  }

  private select(xpath: string): XPathNode[] {
    return selectNodes(xpath, this.services.target, this.namespaces());
  }

  /** GetNamespaceManager: every namespace in scope on the transform element; the default one as `_defaultNamespace`. */
  private namespaces(): Map<string, string> {
    if (!this.namespacesValue) {
      this.namespacesValue = new Map();
      for (const [prefix, uri] of namespacesInScope(this.element)) this.namespacesValue.set(prefix === '' ? '_defaultNamespace' : prefix, uri);
    }
    return this.namespacesValue;
  }

  /** HasTargetNode: on no match, the outermost enclosing element that has no match either. */
  missingTargetNode(): MissingTarget | undefined {
    if (this.targetNodes.length > 0) return undefined;
    let failed: ElementContext = this;
    while (failed.parent && failed.parent.targetNodes.length === 0) failed = failed.parent;
    return { failed, existedInOriginal: failed.existedInOriginal() };
  }

  /** HasTargetParent, for transforms that work on the parent (Insert and its kin). */
  missingTargetParent(): MissingTarget | undefined {
    const parents = this.targetParents;
    if (!parents) throw new XdtFailure(xdtMessages.nullReference());
    if (parents.length > 0) return undefined;
    let failed: ElementContext = this;
    while (failed.parent && failed.parent.parentXPath !== '') {
      const grandParents = failed.parent.targetParents;
      if (!grandParents) throw new XdtFailure(xdtMessages.nullReference());
      if (grandParents.length > 0) break;
      failed = failed.parent;
    }
    return { failed, existedInOriginal: failed.existedInOriginal() };
  }

  private existedInOriginal(): boolean {
    const original = this.services.original();
    return !!original && selectNodes(this.xpath, original, this.namespaces()).length > 0;
  }
}

/** ScrubTransformAttributesAndNamespaces, on the copy and everything in it. */
function scrubTransformAttributes(element: XElement): void {
  element.attributes = element.attributes.filter((attribute) => attribute.namespaceUri !== XDT_NAMESPACE && !attribute.isNamespaceDeclaration);
  for (const child of element.children) if (child.kind === 'element') scrubTransformAttributes(child);
}
