// Evaluates XPath 1.0 (xpathParser.ts) over the XDT tree, as XmlNode.SelectNodes does for the engine: node-sets
// come back in document order, comparisons follow XPath 1.0 section 3.4, and a result that is not a node-set is
// the error System.Xml gives ("Expression must evaluate to a node-set.").

import { XPathError, parseXPath, type NodeTest, type Step, type XPathExpr } from './xpathParser';
import { ownerDocument, type XDocument, type XElement, type XPathNode } from './xdtTree';
import { decodeEntities } from '../parse/xmlDocument';

type Value = XPathNode[] | string | number | boolean;

interface Context {
  readonly node: XPathNode;
  readonly position: number;
  readonly size: number;
}

/**
 * The nodes `xpath` selects from `context`. `namespaces` maps the prefixes the expression may use (the engine's
 * XmlNamespaceManager); without it a prefix is the error System.Xml gives when no namespace manager was passed.
 * Throws XPathError.
 */
export function selectNodes(xpath: string, context: XPathNode, namespaces?: ReadonlyMap<string, string>): XPathNode[] {
  const expression = parseXPath(xpath);
  const value = new Evaluator(namespaces).evaluate(expression, { node: context, position: 1, size: 1 });
  if (!Array.isArray(value)) throw new XPathError('Expression must evaluate to a node-set.');
  return value;
}

const orderCache = new WeakMap<XDocument, { version: number; order: Map<XPathNode, number> }>();

/** Each node's index in document order (attributes right after their element), recomputed after changes. */
function documentOrder(document: XDocument): Map<XPathNode, number> {
  const cached = orderCache.get(document);
  if (cached && cached.version === document.version) return cached.order;
  const order = new Map<XPathNode, number>();
  let next = 0;
  const stack: XPathNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.set(node, next++);
    if (node.kind === 'element') for (const attribute of node.attributes) order.set(attribute, next++);
    if (node.kind === 'element' || node.kind === 'document') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  orderCache.set(document, { version: document.version, order });
  return order;
}

function sortInDocumentOrder(nodes: XPathNode[]): XPathNode[] {
  const unique = [...new Set(nodes)];
  if (unique.length < 2) return unique;
  const document = ownerDocument(unique[0]);
  if (!document) return unique;
  const order = documentOrder(document);
  return unique.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
}

/** The children XPath sees: elements, text (CDATA included), comments and processing instructions. */
function xpathChildren(node: XPathNode): XPathNode[] {
  if (node.kind !== 'element' && node.kind !== 'document') return [];
  return node.children.filter((child) => child.kind !== 'markup' || child.markup === 'cdata' || child.markup === 'processing-instruction');
}

function parentOf(node: XPathNode): XPathNode | undefined {
  return node.kind === 'attribute' ? node.owner : node.parent;
}

function descendants(node: XPathNode, into: XPathNode[]): void {
  const stack = xpathChildren(node).reverse();
  while (stack.length > 0) {
    const current = stack.pop()!;
    into.push(current);
    const children = xpathChildren(current);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function stringValue(node: XPathNode): string {
  switch (node.kind) {
    case 'attribute':
      return node.value;
    case 'text':
      return decodeEntities(node.raw);
    case 'comment':
      return node.raw.slice(4, -3);
    case 'markup':
      if (node.markup === 'cdata') return node.raw.slice(9, -3);
      return node.raw.slice(2, -2).replace(/^\S+\s*/, '');
    default: {
      const texts: XPathNode[] = [];
      descendants(node, texts);
      return texts.filter((text) => text.kind === 'text' || (text.kind === 'markup' && text.markup === 'cdata')).map(stringValue).join('');
    }
  }
}

function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = typeof value === 'string' ? value : value.length > 0 ? stringValue(value[0]) : '';
  return /^[ \t\r\n]*-?(\d+(\.\d*)?|\.\d+)[ \t\r\n]*$/.test(text) ? Number(text) : NaN;
}

function numberToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  return text.includes('e') ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

function toString(value: Value): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value.length > 0 ? stringValue(value[0]) : '';
}

function toBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value.length > 0;
}

function compareAtoms(operator: string, left: string | number | boolean, right: string | number | boolean): boolean {
  if (operator === '=' || operator === '!=') {
    let equal: boolean;
    if (typeof left === 'boolean' || typeof right === 'boolean') equal = toBoolean(left) === toBoolean(right);
    else if (typeof left === 'number' || typeof right === 'number') equal = toNumber(left) === toNumber(right);
    else equal = left === right;
    return operator === '=' ? equal : !equal;
  }
  const a = toNumber(left);
  const b = toNumber(right);
  switch (operator) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}

function compare(operator: string, left: Value, right: Value): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    const rightStrings = right.map(stringValue);
    return left.some((node) => rightStrings.some((text) => compareAtoms(operator, stringValue(node), operator === '=' || operator === '!=' ? text : toNumber(text))));
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    const nodes = (Array.isArray(left) ? left : right) as XPathNode[];
    const other = (Array.isArray(left) ? right : left) as string | number | boolean;
    if (typeof other === 'boolean') return Array.isArray(left) ? compareAtoms(operator, toBoolean(nodes), other) : compareAtoms(operator, other, toBoolean(nodes));
    return nodes.some((node) => {
      const atom: string | number = typeof other === 'number' ? toNumber(stringValue(node)) : stringValue(node);
      return Array.isArray(left) ? compareAtoms(operator, atom, other) : compareAtoms(operator, other, atom);
    });
  }
  return compareAtoms(operator, left, right);
}

function nameOf(node: XPathNode): { qname: string; local: string; namespace: string } {
  if (node.kind === 'element' || node.kind === 'attribute') return { qname: node.qname, local: node.localName, namespace: node.namespaceUri };
  return { qname: '', local: '', namespace: '' };
}

class Evaluator {
  constructor(private readonly namespaces: ReadonlyMap<string, string> | undefined) {}

  evaluate(expression: XPathExpr, context: Context): Value {
    switch (expression.type) {
      case 'literal':
        return expression.value;
      case 'number':
        return expression.value;
      case 'variable':
        throw new XPathError('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
      case 'negate':
        return -toNumber(this.evaluate(expression.operand, context));
      case 'call':
        return this.call(expression.name, expression.args, context);
      case 'filter': {
        const value = this.evaluate(expression.primary, context);
        if (!Array.isArray(value)) throw new XPathError('Expression must evaluate to a node-set.');
        return this.applyPredicates(value, expression.predicates);
      }
      case 'path':
        return this.path(expression.start, expression.steps, context);
      case 'binary':
        return this.binary(expression.operator, expression.left, expression.right, context);
    }
  }

  private binary(operator: string, leftExpression: XPathExpr, rightExpression: XPathExpr, context: Context): Value {
    if (operator === 'or') return toBoolean(this.evaluate(leftExpression, context)) || toBoolean(this.evaluate(rightExpression, context));
    if (operator === 'and') return toBoolean(this.evaluate(leftExpression, context)) && toBoolean(this.evaluate(rightExpression, context));
    const left = this.evaluate(leftExpression, context);
    const right = this.evaluate(rightExpression, context);
    switch (operator) {
      case '|':
        if (!Array.isArray(left) || !Array.isArray(right)) throw new XPathError('Expression must evaluate to a node-set.');
        return sortInDocumentOrder([...left, ...right]);
      case '+': return toNumber(left) + toNumber(right);
      case '-': return toNumber(left) - toNumber(right);
      case '*': return toNumber(left) * toNumber(right);
      case 'div': return toNumber(left) / toNumber(right);
      case 'mod': return toNumber(left) % toNumber(right);
      default: return compare(operator, left, right);
    }
  }

  private path(start: 'root' | 'context' | XPathExpr, steps: readonly Step[], context: Context): XPathNode[] {
    let nodes: XPathNode[];
    if (start === 'root') {
      const document = ownerDocument(context.node);
      nodes = document ? [document] : [];
    } else if (start === 'context') nodes = [context.node];
    else {
      const value = this.evaluate(start, context);
      if (!Array.isArray(value)) throw new XPathError('Expression must evaluate to a node-set.');
      nodes = value;
    }
    for (const step of steps) {
      const next: XPathNode[] = [];
      for (const node of nodes) {
        const selected = this.axis(step, node).filter((candidate) => this.matches(step, candidate));
        next.push(...this.applyPredicates(selected, step.predicates));
      }
      nodes = nodes.length > 1 ? sortInDocumentOrder(next) : next;
    }
    return nodes;
  }

  private applyPredicates(nodes: XPathNode[], predicates: readonly XPathExpr[]): XPathNode[] {
    let current = nodes;
    for (const predicate of predicates) {
      const size = current.length;
      current = current.filter((node, index) => {
        const value = this.evaluate(predicate, { node, position: index + 1, size });
        return typeof value === 'number' ? value === index + 1 : toBoolean(value);
      });
    }
    return current;
  }

  /** The nodes along the step's axis, in axis order (nearest first for reverse axes, as predicates count them). */
  private axis(step: Step, node: XPathNode): XPathNode[] {
    switch (step.axis) {
      case 'child':
        return xpathChildren(node);
      case 'attribute':
        return node.kind === 'element' ? node.attributes.filter((attribute) => !attribute.isNamespaceDeclaration) : [];
      case 'self':
        return [node];
      case 'parent': {
        const parent = parentOf(node);
        return parent ? [parent] : [];
      }
      case 'ancestor':
      case 'ancestor-or-self': {
        const result: XPathNode[] = step.axis === 'ancestor-or-self' ? [node] : [];
        for (let current = parentOf(node); current; current = parentOf(current)) result.push(current);
        return result;
      }
      case 'descendant':
      case 'descendant-or-self': {
        const result: XPathNode[] = step.axis === 'descendant-or-self' ? [node] : [];
        descendants(node, result);
        return result;
      }
      case 'following-sibling':
      case 'preceding-sibling': {
        const parent = node.kind === 'attribute' ? undefined : parentOf(node);
        if (!parent) return [];
        const siblings = xpathChildren(parent);
        const index = siblings.indexOf(node);
        return step.axis === 'following-sibling' ? siblings.slice(index + 1) : siblings.slice(0, index).reverse();
      }
      case 'following':
      case 'preceding': {
        const document = ownerDocument(node);
        if (!document) return [];
        const all: XPathNode[] = [];
        descendants(document, all);
        const order = documentOrder(document);
        const ancestors = new Set<XPathNode>();
        for (let current = parentOf(node); current; current = parentOf(current)) ancestors.add(current);
        const own = node.kind === 'attribute' && node.owner ? node.owner : node;
        const position = order.get(own) ?? 0;
        if (step.axis === 'following') {
          return all.filter((candidate) => (order.get(candidate) ?? 0) > position && !isDescendantOf(candidate, own));
        }
        return all.filter((candidate) => (order.get(candidate) ?? 0) < position && !ancestors.has(candidate)).reverse();
      }
      case 'namespace':
        return [];
    }
  }

  private matches(step: Step, node: XPathNode): boolean {
    return this.testNode(step.test, node, step.axis === 'attribute' ? 'attribute' : 'element');
  }

  private testNode(test: NodeTest, node: XPathNode, principal: 'attribute' | 'element'): boolean {
    switch (test.kind) {
      case 'node':
        return true;
      case 'text':
        return node.kind === 'text' || (node.kind === 'markup' && node.markup === 'cdata');
      case 'comment':
        return node.kind === 'comment';
      case 'processing-instruction':
        return node.kind === 'markup' && node.markup === 'processing-instruction' && (test.target === undefined || node.raw.slice(2).startsWith(test.target));
      case 'name': {
        if (node.kind !== principal) return false;
        const name = nameOf(node);
        if (test.prefix === '') return (test.local === '*' || name.local === test.local) && (test.local === '*' || name.namespace === '');
        const namespace = this.resolvePrefix(test.prefix);
        return name.namespace === namespace && (test.local === '*' || name.local === test.local);
      }
    }
  }

  private resolvePrefix(prefix: string): string {
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    if (!this.namespaces) throw new XPathError('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
    const namespace = this.namespaces.get(prefix);
    if (namespace === undefined) throw new XPathError(`Namespace prefix '${prefix}' is not defined.`);
    return namespace;
  }

  private call(name: string, args: readonly XPathExpr[], context: Context): Value {
    const arg = (index: number): Value => this.evaluate(args[index], context);
    const nodeSetArg = (index: number): XPathNode[] => {
      const value = arg(index);
      if (!Array.isArray(value)) throw new XPathError(`The argument to function '${name}' cannot be converted to a node-set.`);
      return value;
    };
    const stringArg = (index: number): string => (args.length > index ? toString(arg(index)) : stringValue(context.node));
    const firstNode = (): XPathNode | undefined => (args.length > 0 ? nodeSetArg(0)[0] : context.node);
    switch (name) {
      case 'last': return context.size;
      case 'position': return context.position;
      case 'count': return nodeSetArg(0).length;
      case 'id': return [];
      case 'local-name': { const node = firstNode(); return node ? nameOf(node).local : ''; }
      case 'namespace-uri': { const node = firstNode(); return node ? nameOf(node).namespace : ''; }
      case 'name': { const node = firstNode(); return node ? nameOf(node).qname : ''; }
      case 'string': return stringArg(0);
      case 'concat': return args.map((_, index) => toString(arg(index))).join('');
      case 'starts-with': return toString(arg(0)).startsWith(toString(arg(1)));
      case 'contains': return toString(arg(0)).includes(toString(arg(1)));
      case 'substring-before': { const text = toString(arg(0)); const index = text.indexOf(toString(arg(1))); return index < 0 ? '' : text.slice(0, index); }
      case 'substring-after': { const text = toString(arg(0)); const search = toString(arg(1)); const index = text.indexOf(search); return index < 0 ? '' : text.slice(index + search.length); }
      case 'substring': return substring(toString(arg(0)), toNumber(arg(1)), args.length > 2 ? toNumber(arg(2)) : undefined);
      case 'string-length': return [...stringArg(0)].length;
      case 'normalize-space': return stringArg(0).split(/[ \t\r\n]+/).filter((part) => part !== '').join(' ');
      case 'translate': {
        const from = [...toString(arg(1))];
        const to = [...toString(arg(2))];
        return [...toString(arg(0))].map((ch) => { const index = from.indexOf(ch); return index < 0 ? ch : to[index] ?? ''; }).join('');
      }
      case 'boolean': return toBoolean(arg(0));
      case 'not': return !toBoolean(arg(0));
      case 'true': return true;
      case 'false': return false;
      case 'lang': return this.lang(toString(arg(0)), context.node);
      case 'number': return args.length > 0 ? toNumber(arg(0)) : toNumber(stringValue(context.node));
      case 'sum': return nodeSetArg(0).reduce((total, node) => total + toNumber(stringValue(node)), 0);
      case 'floor': return Math.floor(toNumber(arg(0)));
      case 'ceiling': return Math.ceil(toNumber(arg(0)));
      case 'round': return xpathRound(toNumber(arg(0)));
      default: throw new XPathError('XsltContext is needed for this query because of an unknown function.');
    }
  }

  private lang(language: string, node: XPathNode): boolean {
    for (let current: XPathNode | undefined = node; current; current = parentOf(current)) {
      if (current.kind !== 'element') continue;
      const attribute = (current as XElement).attributeNS('lang', 'http://www.w3.org/XML/1998/namespace');
      if (attribute) {
        const value = attribute.value.toLowerCase();
        const wanted = language.toLowerCase();
        return value === wanted || value.startsWith(`${wanted}-`);
      }
    }
    return false;
  }
}

function isDescendantOf(node: XPathNode, ancestor: XPathNode): boolean {
  for (let current = parentOf(node); current; current = parentOf(current)) if (current === ancestor) return true;
  return false;
}

function xpathRound(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (value < 0 && value >= -0.5) return -0;
  return Math.floor(value + 0.5);
}

/** XPath 1.0 substring(): positions are rounded and counted from 1, in characters. */
function substring(text: string, start: number, length: number | undefined): string {
  const chars = [...text];
  const first = xpathRound(start);
  const last = length === undefined ? Infinity : first + xpathRound(length);
  return chars.filter((_, index) => index + 1 >= first && index + 1 < last).join('');
}
