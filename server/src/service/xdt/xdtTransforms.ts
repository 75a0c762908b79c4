// The verbs of xdt:Transform: a port of dotnet/xdt src/Microsoft.Web.XmlTransform/XmlTransforms.cs (Replace,
// Remove, RemoveAll, Insert, InsertIfMissing, InsertBefore, InsertAfter, SetAttributes, RemoveAttributes,
// CommentOut, SetTokenizedAttributes) with the flags their constructors pass to Transform (XmlTransform.cs) and
// AttributeTransform (XmlAttributeTransform.cs):
//
// | verb                          | applies to                         | when nothing matches |
// | Replace, Remove, CommentOut   | the first match (Replace and Remove warn when there are more) | warning |
// | RemoveAll, SetAttributes, RemoveAttributes, SetTokenizedAttributes | every match | warning |
// | Insert, InsertIfMissing       | appended to the first match of the parent path | error |
// | InsertBefore, InsertAfter     | next to the first element the argument XPath selects from the first parent | error |

import { xdtMessages, XdtFailure } from './xdtMessages';
import { addAttribute, appendChild, copyAttribute, insertChild, removeAttribute, removeChild, replaceChild, setAttributeValue, XComment, type XAttribute, type XElement, type XNode, type XPathNode } from './xdtTree';
import type { TransformName } from './xdtTypes';
import { writeElement } from './xdtWriter';
import { selectNodes } from './xpathEvaluator';

/** One application of a verb to one target, with what Transform exposes to its subclasses. */
export interface TransformRun {
  readonly name: TransformName;
  readonly argumentString: string | undefined;
  readonly args: readonly string[] | undefined;
  /** The node this application works on (the first of `targetNodes`, or each in turn for the all-targets verbs). */
  readonly targetNode: XPathNode;
  readonly targetNodes: readonly XPathNode[];
  /** The element's own matches, for InsertIfMissing (TargetChildNodes). */
  targetChildNodes(): readonly XPathNode[];
  /** The scrubbed copy of the transform element (a fresh copy per target for the all-targets verbs). */
  readonly transformNode: XElement;
  /** A warning on the xdt:Transform attribute. */
  warn(message: string): void;
}

export interface Verb {
  readonly applyToAllTargets: boolean;
  readonly useParentAsTarget: boolean;
  readonly missingTarget: 'warning' | 'error';
  apply(run: TransformRun): void;
}

/** CommonErrors.ExpectNoArguments. */
function expectNoArguments(run: TransformRun): void {
  if (run.argumentString) run.warn(xdtMessages.transformDoesNotExpectArguments(run.name));
}

/** CommonErrors.WarnIfMultipleTargets. */
function warnIfMultipleTargets(run: TransformRun): void {
  if (run.targetNodes.length > 1) run.warn(xdtMessages.transformOnlyAppliesOnce(run.name));
}

/** The target as a node with a parent; the engine dereferences ParentNode and fails on anything else. */
function childTarget(run: TransformRun): XNode {
  const target = run.targetNode;
  if (target.kind === 'attribute' || target.kind === 'document' || !target.parent) throw new XdtFailure(xdtMessages.nullReference());
  return target;
}

function elementTarget(run: TransformRun): XElement {
  if (run.targetNode.kind !== 'element') throw new XdtFailure(xdtMessages.nullReference());
  return run.targetNode;
}

/** XmlNode.AppendChild as XmlDocument allows it: one document element, and children only on elements and the document. */
function appendTo(target: XPathNode, node: XElement): void {
  if (target.kind === 'document') {
    if (target.documentElement) throw new XdtFailure(xdtMessages.dualDocumentElement());
    appendChild(target, node);
  } else if (target.kind === 'element') appendChild(target, node);
  else throw new XdtFailure(xdtMessages.insertTypeConflict());
}

function insertBeside(sibling: XElement, node: XElement, after: boolean): void {
  const parent = sibling.parent;
  if (!parent) throw new XdtFailure(xdtMessages.nullReference());
  if (parent.kind === 'document') throw new XdtFailure(xdtMessages.dualDocumentElement());
  insertChild(parent, node, parent.children.indexOf(sibling) + (after ? 1 : 0));
}

/** InsertBase.SiblingElement: the first node the one XPath argument selects from the target, which must be an element. */
function siblingElement(run: TransformRun): XElement {
  const args = run.args;
  if (!args || args.length === 0) throw new XdtFailure(xdtMessages.insertMissingArgument(run.name));
  if (args.length > 1) throw new XdtFailure(xdtMessages.insertTooManyArguments(run.name));
  const siblings = selectNodes(args[0], run.targetNode);
  if (siblings.length === 0) throw new XdtFailure(xdtMessages.insertBadXPath(args[0]));
  const sibling = siblings[0];
  if (sibling.kind !== 'element') throw new XdtFailure(xdtMessages.insertBadXPathResult(args[0]));
  return sibling;
}

/**
 * AttributeTransform.GetAttributesFrom: `@*` without arguments; otherwise `@a|@b|...`, each argument first checked
 * alone with a warning when it selects nothing.
 */
function attributesFrom(run: TransformRun, node: XPathNode): XAttribute[] {
  const select = (names: readonly string[], warnIfEmpty: boolean): XAttribute[] => {
    const attributes = selectNodes(`@${names.join('|@')}`, node).filter((selected): selected is XAttribute => selected.kind === 'attribute');
    if (attributes.length === 0 && warnIfEmpty) run.warn(xdtMessages.transformArgumentFoundNoAttributes(names[0]));
    return attributes;
  };
  const args = run.args;
  if (!args || args.length === 0) return select(['*'], false);
  if (args.length === 1) return select(args, true);
  for (const argument of args) select([argument], true);
  return select(args, false);
}

function setAttribute(target: XElement, source: XAttribute, value: string, valueText: string): void {
  const existing = target.attribute(source.qname);
  if (existing) {
    setAttributeValue(target, existing, value, valueText);
    return;
  }
  const added = copyAttribute(source);
  added.value = value;
  added.valueText = valueText;
  added.quote = '"';
  addAttribute(target, added);
}

const TOKEN = /\$\(([\p{L}\p{M}\p{Nd}\p{Pc}:.]+)\)/gu;

function escapeValue(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const insert: Verb = {
  applyToAllTargets: false,
  useParentAsTarget: true,
  missingTarget: 'error',
  apply(run) {
    expectNoArguments(run);
    appendTo(run.targetNode, run.transformNode);
  },
};

const setAttributes: Verb = {
  applyToAllTargets: true,
  useParentAsTarget: false,
  missingTarget: 'warning',
  apply(run) {
    const target = elementTarget(run);
    const attributes = attributesFrom(run, run.transformNode);
    for (const attribute of attributes) setAttribute(target, attribute, attribute.value, attribute.valueText);
    if (attributes.length === 0) run.warn(xdtMessages.noSetAttributes());
  },
};

export const VERBS: Readonly<Record<TransformName, Verb>> = {
  Replace: {
    applyToAllTargets: false,
    useParentAsTarget: false,
    missingTarget: 'warning',
    apply(run) {
      expectNoArguments(run);
      warnIfMultipleTargets(run);
      replaceChild(childTarget(run), run.transformNode);
    },
  },
  Remove: {
    applyToAllTargets: false,
    useParentAsTarget: false,
    missingTarget: 'warning',
    apply(run) {
      warnIfMultipleTargets(run);
      expectNoArguments(run);
      removeChild(childTarget(run));
    },
  },
  RemoveAll: {
    applyToAllTargets: true,
    useParentAsTarget: false,
    missingTarget: 'warning',
    apply(run) {
      expectNoArguments(run);
      removeChild(childTarget(run));
    },
  },
  Insert: insert,
  InsertIfMissing: {
    ...insert,
    apply(run) {
      expectNoArguments(run);
      if (run.targetChildNodes().length === 0) appendTo(run.targetNode, run.transformNode);
    },
  },
  InsertBefore: {
    ...insert,
    apply(run) {
      insertBeside(siblingElement(run), run.transformNode, false);
    },
  },
  InsertAfter: {
    ...insert,
    apply(run) {
      insertBeside(siblingElement(run), run.transformNode, true);
    },
  },
  SetAttributes: setAttributes,
  RemoveAttributes: {
    ...setAttributes,
    apply(run) {
      const target = elementTarget(run);
      const attributes = attributesFrom(run, target);
      for (const attribute of attributes) removeAttribute(target, attribute);
      if (attributes.length === 0) run.warn(xdtMessages.noRemoveAttributes());
    },
  },
  CommentOut: {
    applyToAllTargets: false,
    useParentAsTarget: false,
    missingTarget: 'warning',
    apply(run) {
      const target = run.targetNode;
      if (target.kind === 'attribute' || target.kind === 'document' || !target.parent) throw new XdtFailure(xdtMessages.invalidCommentOutTarget());
      const parent = target.parent;
      const outer = target.kind === 'element' ? writeElement(target) : target.raw;
      insertChild(parent, new XComment(`<!-- ${outer} -->`), parent.children.indexOf(target) + 1);
      removeChild(target);
    },
  },
  // With the TransformXml task no tokenizing storage is registered, so only $(name) is replaced: by the target's
  // attribute of that name, else (for another name than the one being set) the transform element's; a quote in
  // the value becomes the text &apos; (SetTokenizedAttributes.TokenizeValue, EscapeDirRegexSpecialCharacter).
  SetTokenizedAttributes: {
    ...setAttributes,
    apply(run) {
      const target = elementTarget(run);
      const attributes = attributesFrom(run, run.transformNode);
      for (const attribute of attributes) {
        const value = attribute.value.replace(TOKEN, (token, name: string) => {
          let source = target.attribute(name);
          if (!source && name.toLowerCase() !== attribute.qname.toLowerCase()) source = run.transformNode.attribute(name);
          return source ? source.value.replaceAll("'", '&apos;') : token;
        });
        setAttribute(target, attribute, value, escapeValue(value));
      }
      if (attributes.length === 0) run.warn(xdtMessages.noSetAttributes());
    },
  },
};
