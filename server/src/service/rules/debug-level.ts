// ANCM splits debugLevel on commas only, without trimming, and silently ignores every token that does not start
// with a keyword, so `FILE, TRACE` and `FILE;TRACE` both lose TRACE (CommonLib/debugutil.cpp
// SetDebugFlags). This rule reports each token that loses something, says what ANCM logs as a result, and
// rewrites the value as the user meant it.

import { type DebugKeyword, type DebugLevel, DEBUG_LEVELS, DEBUG_SINKS, type DebugLevelToken, formatDebugLevel, parseDebugLevel } from '../../ancm/debugLevel';
import { findHandlerSetting } from '../../ancm/lookup';
import type { XmlAttribute } from '../parse/xmlDocument';
import { resolveEntries } from './entriesInEffect';
import { type Span, valuePartSpan, valueSpan } from '../xmlEdit/spans';
import { valueFix } from './fixes';
import type { Finding, Rule } from './types';

const DEBUG_LEVEL = findHandlerSetting('debugLevel')!;
const DEBUG_FILE = findHandlerSetting('debugFile')!;
const KEYWORD_LIST = [...DEBUG_LEVELS, ...DEBUG_SINKS].join(', ');
/** What people put between tokens that ANCM does not treat as a separator (only `,` is one). */
const NOT_SEPARATORS = /[\s;|]+/;

export const debugLevelRule: Rule = {
  id: 'debug-level',
  description: 'debugLevel tokens ANCM ignores (spaces, other separators, unknown words, numbers) and values that log less than they seem to.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: DEBUG_LEVEL.docsUrl,
  // A generator: a value of 100 KB of commas has 50,000 empty tokens, each a finding, which `push(...spread)` could
  // not pass as arguments; the runner keeps only the findings it reports.
  *check(document) {
    const entries = resolveEntries(document, 'handlerSettings');
    for (const entry of entries.inEffect) {
      if (findHandlerSetting(entry.name)?.valueSyntax !== 'debugLevel') continue;
      const value = entry.value;
      if (value === undefined || value.trim() === '') continue; // still being typed, or logging deliberately off
      const debugFile = entries.find(entry.collectionElement, DEBUG_FILE.name);
      const hasDebugFile = debugFile !== undefined && (debugFile.value ?? '') !== '';
      yield* checkValue(entry.valueAttribute!, value, hasDebugFile);
    }
  },
};

function checkValue(attribute: XmlAttribute, value: string, hasDebugFile: boolean): Finding[] {
  const parsed = parseDebugLevel(value);
  const effect = describeEffect(parsed, hasDebugFile);
  const rewrite = intendedValue(parsed);
  const fixes = rewrite ? [valueFix(rewrite.title, attribute, rewrite.value, rewrite.safe)] : [];
  const write = rewrite?.safe ? ` Write '${rewrite.value}'.` : '';
  const findings: Finding[] = [];
  let losesSomething = false;
  for (const token of parsed.tokens) {
    const message = tokenProblem(token);
    if (message === undefined) continue;
    const span = tokenSpan(attribute, token);
    if (token.problem === 'empty') {
      findings.push({ message, ...span, severity: 'information', unnecessary: true, fixes });
    } else {
      losesSomething = true;
      findings.push({ message: `${message} ANCM ${effect}.${write}`, ...span, fixes });
    }
  }
  // A token finding already says what the whole value does.
  if (losesSomething) return findings;
  const span = valueSpan(attribute);
  if (parsed.level === undefined) {
    findings.push({ message: `This value enables nothing, so ANCM ${effect}. Tokens: ${KEYWORD_LIST}.`, ...span });
  } else if (parsed.infoImplied) {
    const explicit = formatDebugLevel(parsed.level, parsed.sinks);
    findings.push({
      message: `No level given: ANCM ${effect}. Add ERROR, WARNING, INFO or TRACE to choose the level.`,
      ...span,
      severity: 'information',
      fixes: [valueFix(`Make the level explicit: '${explicit}'`, attribute, explicit, true)],
    });
  } else if (parsed.sinks.length === 0 && !hasDebugFile) {
    const toFile = formatDebugLevel(parsed.level, ['FILE']);
    findings.push({
      message: `No sink and no debugFile: ANCM ${effect}. Add FILE, EVENTLOG or CONSOLE, e.g. '${toFile}'.`,
      ...span,
      fixes: [valueFix(`Log to a file: '${toFile}'`, attribute, toFile, false)],
    });
  }
  return findings;
}

/** What is wrong with one token, as a sentence; undefined when ANCM reads it as written. */
function tokenProblem(token: DebugLevelToken): string | undefined {
  switch (token.problem) {
    case 'leadingWhitespace':
      return `ANCM does not trim: '${token.text}' matches nothing and is ignored.`;
    case 'numeric':
      return `ANCM ignores the numeric level '${token.text}' (removed before ANCM 2.2); use ERROR, WARNING, INFO or TRACE.`;
    case 'empty':
      return 'ANCM skips this empty token; remove the extra comma.';
    case 'unknown':
      return token.intended
        ? `ANCM ignores the unknown token '${token.text}' (did you mean ${token.intended}?).`
        : `ANCM ignores the unknown token '${token.text}' (tokens: ${KEYWORD_LIST}).`;
    default: {
      const lost = keywordsIn(token).slice(1);
      if (lost.length === 0) return undefined;
      return `'${token.text}' counts as ${token.keyword} alone, as ANCM separates tokens only with commas: ${lost.join(' and ')} ${lost.length > 1 ? 'are' : 'is'} ignored.`;
    }
  }
}

/** The keywords each part of a token starts with, parts split where people put separators ANCM does not know. */
function keywordsIn(token: DebugLevelToken): DebugKeyword[] {
  return token.text.split(NOT_SEPARATORS).flatMap((part) => {
    const keyword = parseDebugLevel(part).tokens[0]?.keyword;
    return keyword ? [keyword] : [];
  });
}

/** The token's own text; an empty token is zero-width, so it marks the comma after it instead. */
function tokenSpan(attribute: XmlAttribute, token: DebugLevelToken): Span {
  return valuePartSpan(attribute, token.start, token.end > token.start ? token.end : token.end + 1);
}

/** What ANCM does with this value, to follow "ANCM": "logs nothing", "logs at TRACE to FILE". */
function describeEffect(parsed: DebugLevel, hasDebugFile: boolean): string {
  if (parsed.level === undefined) return 'logs nothing';
  const level = parsed.infoImplied ? 'at INFO (the default)' : `at ${parsed.level}`;
  if (parsed.sinks.length > 0) return `logs ${level} to ${parsed.sinks.join(' and ')}`;
  if (hasDebugFile) return `logs ${level} only to the debugFile and the debugger output`;
  return `logs ${level} only to the debugger output (OutputDebugString)`;
}

interface IntendedValue {
  readonly value: string;
  readonly title: string;
  readonly safe: boolean;
}

/**
 * The value as the user meant it: every part of every token read as the keyword it starts with or evidently
 * stands for (` TRACE`, `warn`, `FILE;TRACE`), upper case, commas only. Safe when every part has such a keyword
 * (empty tokens are just dropped); otherwise the rewrite drops what ANCM ignores anyway, which keeps what ANCM
 * does but not necessarily what the user meant.
 */
function intendedValue(parsed: DebugLevel): IntendedValue | undefined {
  const keywords: DebugKeyword[] = [];
  let dropsMeaning = false;
  for (const token of parsed.tokens) {
    if (token.problem === 'empty') continue;
    for (const part of token.text.split(NOT_SEPARATORS)) {
      if (part === '') continue;
      const [read] = parseDebugLevel(part).tokens;
      const keyword = read.keyword ?? read.intended;
      if (keyword) keywords.push(keyword);
      else if (token.keyword === undefined) dropsMeaning = true;
    }
  }
  if (keywords.length === 0) return undefined;
  const meant = parseDebugLevel(keywords.join(','));
  const value = formatDebugLevel(meant.level, meant.sinks);
  return dropsMeaning
    ? { value, title: `Remove the tokens ANCM ignores: '${value}'`, safe: false }
    : { value, title: `Change to '${value}'`, safe: true };
}
