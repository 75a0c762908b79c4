// MSBuild conditions (`Condition="'$(Configuration)|$(Platform)'=='Release|AnyCPU'"`) and `$(Property)` expansion, as far
// as a language service can decide them without running MSBuild. The result is three-valued: `undefined` means "cannot
// tell" (a property function, an item list, Exists(), a malformed condition), so callers choose what unknown means.
//
// The semantics follow MSBuild's documented condition grammar (learn.microsoft.com/visualstudio/msbuild/msbuild-conditions):
// `==`/`!=` compare strings case-insensitively, or numerically when both sides are numbers; `<`, `>`, `<=`, `>=` need
// numbers; `and` binds tighter than `or`; `!` negates; an undefined property expands to the empty string.

/** The value of a property, or undefined when it is not defined (it then expands to ''). */
export type PropertyLookup = (name: string) => string | undefined;

const SIMPLE_REFERENCE = /\$\(\s*([A-Za-z_][\w.-]*?)\s*\)/g;

/**
 * `$(Name)` references replaced by their values; undefined when the text uses what this cannot evaluate (property
 * functions `$(X.Trim())`, static calls `$([System.IO.Path]::…)`, item lists `@(…)`, metadata `%(…)`).
 */
export function expandProperties(text: string, lookup: PropertyLookup): string | undefined {
  const expanded = text.replace(SIMPLE_REFERENCE, (_match, name: string) => (name.includes('.') ? '\u0000' : lookup(name) ?? ''));
  if (expanded.includes('\u0000') || expanded.includes('$(') || expanded.includes('@(') || expanded.includes('%(')) return undefined;
  return expanded;
}

type Token =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'operator'; readonly text: '==' | '!=' | '<' | '>' | '<=' | '>=' }
  | { readonly kind: 'not' | 'open' | 'close' | 'comma' };

/** The tokens of a condition; undefined when it cannot be tokenized (an unclosed quote). */
function tokenize(condition: string): Token[] | undefined {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < condition.length) {
    const char = condition[pos];
    if (/\s/.test(char)) {
      pos++;
    } else if (char === "'") {
      const close = condition.indexOf("'", pos + 1);
      if (close < 0) return undefined;
      tokens.push({ kind: 'string', text: condition.slice(pos + 1, close) });
      pos = close + 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma' });
      pos++;
    } else if (condition.startsWith('==', pos) || condition.startsWith('!=', pos) || condition.startsWith('<=', pos) || condition.startsWith('>=', pos)) {
      tokens.push({ kind: 'operator', text: condition.slice(pos, pos + 2) as '==' | '!=' | '<=' | '>=' });
      pos += 2;
    } else if (char === '<' || char === '>') {
      tokens.push({ kind: 'operator', text: char });
      pos++;
    } else if (char === '!') {
      tokens.push({ kind: 'not' });
      pos++;
    } else {
      const start = pos;
      // An unquoted `$(Name)` may hold parentheses of its own: take it whole.
      while (pos < condition.length && !/[\s'(),=!<>]/.test(condition[pos])) {
        if ((condition[pos] === '$' || condition[pos] === '@' || condition[pos] === '%') && condition[pos + 1] === '(') {
          const close = matchingParenthesis(condition, pos + 1);
          if (close < 0) return undefined;
          pos = close + 1;
        } else {
          pos++;
        }
      }
      if (pos === start) return undefined;
      tokens.push({ kind: 'word', text: condition.slice(start, pos) });
    }
  }
  return tokens;
}

function matchingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return -1;
}

/** What an operand evaluates to: its expanded text, or undefined when unknown. */
type Operand = { readonly text: string | undefined };

class ConditionParser {
  private pos = 0;
  /** Set when the tokens do not form a condition: the whole result is then unknown. */
  malformed = false;

  constructor(private readonly tokens: readonly Token[], private readonly lookup: PropertyLookup) {}

  parse(): boolean | undefined {
    const result = this.or();
    if (this.pos !== this.tokens.length) this.malformed = true;
    return this.malformed ? undefined : result;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isKeyword(keyword: 'and' | 'or'): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  private or(): boolean | undefined {
    let result = this.and();
    while (this.isKeyword('or')) {
      this.pos++;
      const right = this.and();
      result = result === true || right === true ? true : result === false && right === false ? false : undefined;
    }
    return result;
  }

  private and(): boolean | undefined {
    let result = this.unary();
    while (this.isKeyword('and')) {
      this.pos++;
      const right = this.unary();
      result = result === false || right === false ? false : result === true && right === true ? true : undefined;
    }
    return result;
  }

  private unary(): boolean | undefined {
    if (this.peek()?.kind === 'not') {
      this.pos++;
      const operand = this.unary();
      return operand === undefined ? undefined : !operand;
    }
    return this.comparison();
  }

  private comparison(): boolean | undefined {
    const token = this.peek();
    if (token?.kind === 'open') {
      this.pos++;
      const inner = this.or();
      if (this.peek()?.kind !== 'close') this.malformed = true;
      else this.pos++;
      return inner;
    }
    const left = this.operand();
    const operator = this.peek();
    if (operator?.kind !== 'operator') return left.text === undefined ? undefined : asBoolean(left.text);
    this.pos++;
    const right = this.operand();
    if (left.text === undefined || right.text === undefined) return undefined;
    return compare(left.text, operator.text, right.text);
  }

  private operand(): Operand {
    const token = this.peek();
    if (!token || (token.kind !== 'string' && token.kind !== 'word')) {
      this.malformed = true;
      return { text: undefined };
    }
    this.pos++;
    if (token.kind === 'word' && this.peek()?.kind === 'open') {
      this.skipArguments(); // Exists('…'), HasTrailingSlash('…'): decided by the file system or unsupported here
      return { text: undefined };
    }
    return { text: expandProperties(token.text, this.lookup) };
  }

  private skipArguments(): void {
    let depth = 0;
    while (this.pos < this.tokens.length) {
      const kind = this.tokens[this.pos++].kind;
      if (kind === 'open') depth++;
      else if (kind === 'close' && --depth === 0) return;
    }
    this.malformed = true;
  }
}

function asBoolean(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'true' || value === 'on' || value === 'yes' || value === '!false' || value === '!off' || value === '!no') return true;
  if (value === 'false' || value === 'off' || value === 'no' || value === '!true' || value === '!on' || value === '!yes') return false;
  return undefined;
}

function asNumber(text: string): number | undefined {
  const value = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return Number(value);
  if (/^0x[0-9a-f]+$/i.test(value)) return parseInt(value, 16);
  return undefined;
}

function compare(left: string, operator: '==' | '!=' | '<' | '>' | '<=' | '>=', right: string): boolean | undefined {
  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  if (operator === '==' || operator === '!=') {
    const equal = leftNumber !== undefined && rightNumber !== undefined ? leftNumber === rightNumber : left.toLowerCase() === right.toLowerCase();
    return operator === '==' ? equal : !equal;
  }
  if (leftNumber === undefined || rightNumber === undefined) return undefined;
  switch (operator) {
    case '<': return leftNumber < rightNumber;
    case '>': return leftNumber > rightNumber;
    case '<=': return leftNumber <= rightNumber;
    case '>=': return leftNumber >= rightNumber;
  }
}

/** True, false, or undefined when the condition cannot be decided here. An empty condition is true. */
export function evaluateCondition(condition: string, lookup: PropertyLookup): boolean | undefined {
  if (condition.trim() === '') return true;
  const tokens = tokenize(condition);
  if (!tokens) return undefined;
  return new ConditionParser(tokens, lookup).parse();
}
