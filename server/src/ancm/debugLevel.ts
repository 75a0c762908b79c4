// How ANCM reads the `debugLevel` handler setting (and ASPNETCORE_MODULE_DEBUG), exactly as
// CommonLib/debugutil.cpp SetDebugFlags does:
// - the value is split on `,` only (std::getline), with no trimming;
// - each token is compared case-insensitively against the *prefix* of its length with each keyword
//   (`_wcsnicmp(token, keyword, wcslen(keyword))`), so `errors` counts as ERROR but `warn` and ` TRACE` do not;
// - unknown tokens are ignored silently; levels are cumulative bit masks;
// - a sink with no level means INFO.

import { ANCM_LEVELS, type AncmLevel } from '../protocol/levels';

/** ANCM's level keywords: the scale the log panel and the CLI filter by. */
export type DebugLevelName = AncmLevel;
export type DebugSinkName = 'CONSOLE' | 'FILE' | 'EVENTLOG';
export type DebugKeyword = DebugLevelName | DebugSinkName;

/** From least to most verbose. Each level includes every level before it. */
export const DEBUG_LEVELS: readonly DebugLevelName[] = ANCM_LEVELS;
export const DEBUG_SINKS: readonly DebugSinkName[] = ['FILE', 'EVENTLOG', 'CONSOLE'];

// Bit values from IISLib/dbgutil.h and CommonLib/debugutil.h.
const LEVEL_FLAGS: Record<DebugLevelName, number> = { ERROR: 0x8, WARNING: 0xc, INFO: 0xe, TRACE: 0xf };
const SINK_FLAGS: Record<DebugSinkName, number> = { CONSOLE: 0x10, FILE: 0x20, EVENTLOG: 0x40 };
const ANY_LEVEL = 0xf;
const KEYWORDS: readonly DebugKeyword[] = ['ERROR', 'WARNING', 'INFO', 'TRACE', 'CONSOLE', 'FILE', 'EVENTLOG'];

/** Why a token does not do what it seems to. */
export type DebugTokenProblem =
  /** Whitespace before the keyword: ANCM does not trim, so the token matches nothing. */
  | 'leadingWhitespace'
  /** A number: numeric levels were removed before ANCM 2.2 shipped. */
  | 'numeric'
  /** An empty token between two commas. */
  | 'empty'
  /** No keyword is a prefix of the token. */
  | 'unknown';

export interface DebugLevelToken {
  /** The token exactly as ANCM sees it, spaces included. */
  readonly text: string;
  /** Offsets of the token inside the value. */
  readonly start: number;
  readonly end: number;
  /** The keyword it enables, when it enables one. */
  readonly keyword: DebugKeyword | undefined;
  /** Set when the token enables nothing. */
  readonly problem: DebugTokenProblem | undefined;
  /** The keyword the user most likely meant, for a token that enables nothing (e.g. ` TRACE` -> TRACE). */
  readonly intended: DebugKeyword | undefined;
}

export interface DebugLevel {
  readonly tokens: readonly DebugLevelToken[];
  /** The resulting DEBUG_FLAGS bit mask. */
  readonly flags: number;
  /** The most verbose level written, or undefined when nothing is logged. */
  readonly level: DebugLevelName | undefined;
  readonly sinks: readonly DebugSinkName[];
  /** True when only sinks were named and ANCM added INFO by itself. */
  readonly infoImplied: boolean;
}

function keywordPrefixOf(token: string): DebugKeyword | undefined {
  const upper = token.toUpperCase();
  return KEYWORDS.find((keyword) => upper.startsWith(keyword));
}

function classify(text: string): Pick<DebugLevelToken, 'keyword' | 'problem' | 'intended'> {
  const keyword = keywordPrefixOf(text);
  if (keyword) return { keyword, problem: undefined, intended: undefined };
  const trimmed = text.trim();
  if (trimmed.length === 0) return { keyword: undefined, problem: 'empty', intended: undefined };
  if (trimmed !== text && text.trimStart() !== text) {
    return { keyword: undefined, problem: 'leadingWhitespace', intended: keywordPrefixOf(trimmed) ?? closestKeyword(trimmed) };
  }
  if (/^[0-9]+$/.test(trimmed)) return { keyword: undefined, problem: 'numeric', intended: undefined };
  return { keyword: undefined, problem: 'unknown', intended: closestKeyword(trimmed) };
}

/** A keyword that the token is a short form or a small misspelling of (`warn` -> WARNING, `trce` -> TRACE). */
function closestKeyword(token: string): DebugKeyword | undefined {
  const upper = token.toUpperCase();
  if (upper.length >= 3) {
    const abbreviated = KEYWORDS.find((keyword) => keyword.startsWith(upper));
    if (abbreviated) return abbreviated;
  }
  if (upper === 'WARN' || upper === 'WRN') return 'WARNING';
  if (upper === 'ERR') return 'ERROR';
  if (upper === 'DEBUG' || upper === 'VERBOSE' || upper === 'ALL') return 'TRACE';
  return undefined;
}

/** Parses a debugLevel value the way ANCM does. */
export function parseDebugLevel(value: string): DebugLevel {
  const tokens: DebugLevelToken[] = [];
  let start = 0;
  // std::getline yields no empty token after a trailing separator, and none for an empty value.
  while (start < value.length) {
    const comma = value.indexOf(',', start);
    const end = comma < 0 ? value.length : comma;
    const text = value.slice(start, end);
    tokens.push({ text, start, end, ...classify(text) });
    start = end + 1;
  }
  let flags = 0;
  for (const token of tokens) {
    if (!token.keyword) continue;
    flags |= isLevel(token.keyword) ? LEVEL_FLAGS[token.keyword] : SINK_FLAGS[token.keyword];
  }
  const infoImplied = flags !== 0 && (flags & ANY_LEVEL) === 0;
  if (infoImplied) flags |= LEVEL_FLAGS.INFO;
  return { tokens, flags, level: levelOf(flags), sinks: DEBUG_SINKS.filter((sink) => (flags & SINK_FLAGS[sink]) !== 0), infoImplied };
}

export function isLevel(keyword: DebugKeyword): keyword is DebugLevelName {
  return (DEBUG_LEVELS as readonly string[]).includes(keyword);
}

function levelOf(flags: number): DebugLevelName | undefined {
  for (let index = DEBUG_LEVELS.length - 1; index >= 0; index--) {
    const level = DEBUG_LEVELS[index];
    if ((flags & LEVEL_FLAGS[level]) === LEVEL_FLAGS[level]) return level;
  }
  return undefined;
}

/** The value written the way ANCM reads it best: `SINK,...,LEVEL`, upper case, no spaces. */
export function formatDebugLevel(level: DebugLevelName | undefined, sinks: readonly DebugSinkName[]): string {
  return [...sinks, ...(level ? [level] : [])].join(',');
}
