// An XPath 1.0 parser (W3C XPath 1.0, section 3 expressions, with the lexical rules of section 3.7) for the paths
// XDT builds and the ones people write in Locator and Transform arguments. XmlDocument.SelectNodes accepts full
// XPath 1.0, so the whole grammar is parsed; an error uses the message System.Xml gives for it (dotnet/runtime
// src/libraries/System.Private.Xml/src/Resources/Strings.resx, Xp_*), as the engine logs that text.

export type BinaryOperator = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod' | '|';

export type Axis =
  | 'ancestor' | 'ancestor-or-self' | 'attribute' | 'child' | 'descendant' | 'descendant-or-self' | 'following'
  | 'following-sibling' | 'namespace' | 'parent' | 'preceding' | 'preceding-sibling' | 'self';

const AXES: ReadonlySet<string> = new Set<Axis>([
  'ancestor', 'ancestor-or-self', 'attribute', 'child', 'descendant', 'descendant-or-self', 'following',
  'following-sibling', 'namespace', 'parent', 'preceding', 'preceding-sibling', 'self',
]);

export type NodeTest =
  | { readonly kind: 'name'; readonly prefix: string; readonly local: string /* '*' for any */ }
  | { readonly kind: 'node' | 'text' | 'comment' }
  | { readonly kind: 'processing-instruction'; readonly target: string | undefined };

export interface Step {
  readonly axis: Axis;
  readonly test: NodeTest;
  readonly predicates: readonly XPathExpr[];
}

export type XPathExpr =
  | { readonly type: 'binary'; readonly operator: BinaryOperator; readonly left: XPathExpr; readonly right: XPathExpr }
  | { readonly type: 'negate'; readonly operand: XPathExpr }
  | { readonly type: 'literal'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'variable'; readonly name: string }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly XPathExpr[] }
  | { readonly type: 'filter'; readonly primary: XPathExpr; readonly predicates: readonly XPathExpr[] }
  /** `start` is 'root' for an absolute path, 'context' for a relative one, or the filter expression before `/`. */
  | { readonly type: 'path'; readonly start: 'root' | 'context' | XPathExpr; readonly steps: readonly Step[] };

/** An XPath the engine cannot compile or run; `message` is System.Xml's text for it. */
export class XPathError extends Error {}

/** The core function library (XPath 1.0 section 4) with the argument counts each accepts. */
const CORE_FUNCTIONS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['last', [0, 0]], ['position', [0, 0]], ['count', [1, 1]], ['id', [1, 1]], ['local-name', [0, 1]],
  ['namespace-uri', [0, 1]], ['name', [0, 1]], ['string', [0, 1]], ['concat', [2, Infinity]],
  ['starts-with', [2, 2]], ['contains', [2, 2]], ['substring-before', [2, 2]], ['substring-after', [2, 2]],
  ['substring', [2, 3]], ['string-length', [0, 1]], ['normalize-space', [0, 1]], ['translate', [3, 3]],
  ['boolean', [1, 1]], ['not', [1, 1]], ['true', [0, 0]], ['false', [0, 0]], ['lang', [1, 1]],
  ['number', [0, 1]], ['sum', [1, 1]], ['floor', [1, 1]], ['ceiling', [1, 1]], ['round', [1, 1]],
]);

type Token =
  | { readonly kind: 'punct'; readonly value: string }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly value: string };

const NCNAME = /[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*/y;
const NUMBER = /\d+(?:\.\d*)?|\.\d+/y;
const PUNCTUATION = ['//', '::', '..', '!=', '<=', '>=', '/', '(', ')', '[', ']', '.', '@', ',', '|', '+', '-', '=', '<', '>', '*'];

export function parseXPath(xpath: string): XPathExpr {
  const parser = new Parser(xpath, tokenize(xpath));
  const expression = parser.expression();
  parser.expectEnd();
  return expression;
}

function invalidToken(xpath: string): XPathError {
  return new XPathError(`'${xpath}' has an invalid token.`);
}

function tokenize(xpath: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const readName = (): string | undefined => {
    NCNAME.lastIndex = pos;
    const match = NCNAME.exec(xpath);
    if (!match) return undefined;
    pos = NCNAME.lastIndex;
    return match[0];
  };
  while (pos < xpath.length) {
    const ch = xpath[pos];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      pos++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const close = xpath.indexOf(ch, pos + 1);
      if (close < 0) throw new XPathError('This is an unclosed string.');
      tokens.push({ kind: 'literal', value: xpath.slice(pos + 1, close) });
      pos = close + 1;
      continue;
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(xpath);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      pos = NUMBER.lastIndex;
      continue;
    }
    if (ch === '$') {
      pos++;
      const name = readQName();
      if (name === undefined) throw invalidToken(xpath);
      tokens.push({ kind: 'variable', value: name });
      continue;
    }
    const name = readQName();
    if (name !== undefined) {
      tokens.push({ kind: 'name', value: name });
      continue;
    }
    const punct = PUNCTUATION.find((candidate) => xpath.startsWith(candidate, pos));
    if (!punct) throw invalidToken(xpath);
    tokens.push({ kind: 'punct', value: punct });
    pos += punct.length;
  }
  return tokens;

  /** A QName, or `prefix:*` (kept whole so the parser sees one name test). */
  function readQName(): string | undefined {
    const first = readName();
    if (first === undefined) return undefined;
    if (xpath[pos] === ':' && xpath[pos + 1] !== ':') {
      if (xpath[pos + 1] === '*') {
        pos += 2;
        return `${first}:*`;
      }
      const save = pos;
      pos++;
      const local = readName();
      if (local === undefined) {
        pos = save;
        return first;
      }
      return `${first}:${local}`;
    }
    return first;
  }
}

const OPERATOR_NAMES = new Set(['and', 'or', 'div', 'mod']);

class Parser {
  private index = 0;
  constructor(private readonly xpath: string, private readonly tokens: readonly Token[]) {}

  expectEnd(): void {
    if (this.index < this.tokens.length) throw invalidToken(this.xpath);
  }

  expression(): XPathExpr {
    return this.binary(0);
  }

  private static readonly LEVELS: readonly (readonly BinaryOperator[])[] = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']];

  private binary(level: number): XPathExpr {
    if (level >= Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const operator = this.operatorAt(Parser.LEVELS[level]);
      if (!operator) return left;
      this.index++;
      left = { type: 'binary', operator, left, right: this.binary(level + 1) };
    }
  }

  /** The operator at the cursor if it is one of `operators` (names like `and` are operators only after an operand). */
  private operatorAt(operators: readonly BinaryOperator[]): BinaryOperator | undefined {
    const token = this.tokens[this.index];
    if (!token) return undefined;
    if (token.kind === 'punct' || (token.kind === 'name' && OPERATOR_NAMES.has(token.value))) {
      return operators.find((operator) => operator === token.value);
    }
    return undefined;
  }

  private unary(): XPathExpr {
    if (this.isPunct('-')) {
      this.index++;
      return { type: 'negate', operand: this.unary() };
    }
    let left = this.pathExpression();
    while (this.isPunct('|')) {
      this.index++;
      left = { type: 'binary', operator: '|', left, right: this.pathExpression() };
    }
    return left;
  }

  private pathExpression(): XPathExpr {
    const token = this.tokens[this.index];
    if (!token) throw new XPathError(`'${this.xpath}' is an invalid expression.`);
    if (this.startsPrimary()) {
      const primary = this.primary();
      const predicates = this.predicates();
      const filter: XPathExpr = predicates.length > 0 ? { type: 'filter', primary, predicates } : primary;
      if (this.isPunct('/') || this.isPunct('//')) return { type: 'path', start: filter, steps: this.relativeSteps(true) };
      return filter;
    }
    if (this.isPunct('/')) {
      this.index++;
      return { type: 'path', start: 'root', steps: this.startsStep() ? this.relativeSteps(false) : [] };
    }
    if (this.isPunct('//')) return { type: 'path', start: 'root', steps: this.relativeSteps(true) };
    return { type: 'path', start: 'context', steps: this.relativeSteps(false) };
  }

  private startsPrimary(): boolean {
    const token = this.tokens[this.index];
    if (!token) return false;
    if (token.kind === 'literal' || token.kind === 'number' || token.kind === 'variable') return true;
    if (token.kind === 'punct') return token.value === '(';
    const next = this.tokens[this.index + 1];
    return next?.kind === 'punct' && next.value === '(' && !['node', 'text', 'comment', 'processing-instruction'].includes(token.value);
  }

  private startsStep(): boolean {
    const token = this.tokens[this.index];
    return !!token && (token.kind === 'name' || (token.kind === 'punct' && ['.', '..', '@', '*'].includes(token.value)));
  }

  private primary(): XPathExpr {
    const token = this.tokens[this.index++];
    switch (token.kind) {
      case 'literal':
        return { type: 'literal', value: token.value };
      case 'number':
        return { type: 'number', value: token.value };
      case 'variable':
        return { type: 'variable', name: token.value };
      case 'punct': {
        const inner = this.expression();
        this.expectPunct(')');
        return inner;
      }
      case 'name': {
        this.expectPunct('(');
        const args: XPathExpr[] = [];
        if (!this.isPunct(')')) {
          args.push(this.expression());
          while (this.isPunct(',')) {
            this.index++;
            args.push(this.expression());
          }
        }
        this.expectPunct(')');
        const arity = CORE_FUNCTIONS.get(token.value);
        if (!arity) throw new XPathError('XsltContext is needed for this query because of an unknown function.');
        if (args.length < arity[0] || args.length > arity[1]) throw new XPathError(`Function '${token.value}' in '${this.xpath}' has an invalid number of arguments.`);
        return { type: 'call', name: token.value, args };
      }
    }
  }

  /** Steps separated by `/` or `//`; `leadingSeparator` says the cursor is on a separator before the first step. */
  private relativeSteps(leadingSeparator: boolean): Step[] {
    const steps: Step[] = [];
    let expectSeparator = leadingSeparator;
    for (;;) {
      if (expectSeparator) {
        if (this.isPunct('//')) {
          this.index++;
          steps.push({ axis: 'descendant-or-self', test: { kind: 'node' }, predicates: [] });
        } else if (this.isPunct('/')) this.index++;
        else return steps;
      }
      steps.push(this.step());
      expectSeparator = true;
    }
  }

  private step(): Step {
    if (this.isPunct('.')) {
      this.index++;
      return { axis: 'self', test: { kind: 'node' }, predicates: [] };
    }
    if (this.isPunct('..')) {
      this.index++;
      return { axis: 'parent', test: { kind: 'node' }, predicates: [] };
    }
    let axis: Axis = 'child';
    if (this.isPunct('@')) {
      this.index++;
      axis = 'attribute';
    } else {
      const token = this.tokens[this.index];
      const next = this.tokens[this.index + 1];
      if (token?.kind === 'name' && next?.kind === 'punct' && next.value === '::') {
        if (!AXES.has(token.value)) throw invalidToken(this.xpath);
        axis = token.value as Axis;
        this.index += 2;
      }
    }
    return { axis, test: this.nodeTest(), predicates: this.predicates() };
  }

  private nodeTest(): NodeTest {
    const token = this.tokens[this.index++];
    if (token?.kind === 'punct' && token.value === '*') return { kind: 'name', prefix: '', local: '*' };
    if (token?.kind !== 'name') throw invalidToken(this.xpath);
    if (this.isPunct('(') && ['node', 'text', 'comment', 'processing-instruction'].includes(token.value)) {
      this.index++;
      let target: string | undefined;
      const literal = this.tokens[this.index];
      if (token.value === 'processing-instruction' && literal?.kind === 'literal') {
        target = literal.value;
        this.index++;
      }
      this.expectPunct(')');
      return token.value === 'processing-instruction' ? { kind: 'processing-instruction', target } : { kind: token.value as 'node' | 'text' | 'comment' };
    }
    const colon = token.value.indexOf(':');
    return colon < 0 ? { kind: 'name', prefix: '', local: token.value } : { kind: 'name', prefix: token.value.slice(0, colon), local: token.value.slice(colon + 1) };
  }

  private predicates(): XPathExpr[] {
    const predicates: XPathExpr[] = [];
    while (this.isPunct('[')) {
      this.index++;
      predicates.push(this.expression());
      this.expectPunct(']');
    }
    return predicates;
  }

  private isPunct(value: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'punct' && token.value === value;
  }

  private expectPunct(value: string): void {
    if (!this.isPunct(value)) throw this.index >= this.tokens.length ? new XPathError(`'${this.xpath}' is an invalid expression.`) : invalidToken(this.xpath);
    this.index++;
  }
}
