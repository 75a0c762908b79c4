// Where the text filter matches, so the panel can mark it: the same matching as the filter (a case-insensitive
// substring, or an RE2 regular expression, linear in the text), over the text as it is shown.

import { RE2JS } from 're2js';

export interface TextRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** The matches in a text, in order, none empty. */
export type Highlighter = (text: string) => TextRange[];

/** More matches than this in one text are not marked (a one-letter filter on a long line). */
const MAX_MATCHES = 500;

/** Undefined when there is nothing to mark: no filter text, or a regular expression that does not compile. */
export function createHighlighter(text: string, regex: boolean): Highlighter | undefined {
  if (text === '') return undefined;
  if (!regex) {
    const literal = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    return (value) => {
      const ranges: TextRange[] = [];
      literal.lastIndex = 0;
      for (let match = literal.exec(value); match && ranges.length < MAX_MATCHES; match = literal.exec(value)) {
        ranges.push({ start: match.index, end: match.index + match[0].length });
      }
      return ranges;
    };
  }
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(text, RE2JS.CASE_INSENSITIVE);
  } catch {
    return undefined;
  }
  return (value) => {
    const ranges: TextRange[] = [];
    const matcher = pattern.matcher(value);
    while (ranges.length < MAX_MATCHES && matcher.find()) {
      // An empty match (`x*`, `^`) marks nothing.
      if (matcher.end() > matcher.start()) ranges.push({ start: matcher.start(), end: matcher.end() });
    }
    return ranges;
  };
}
