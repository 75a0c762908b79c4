// Selecting entries: a level threshold with ANCM's cumulative meaning (TRACE shows everything, ERROR
// only errors) and a text filter over the whole entry: a case-insensitive substring, or a regular
// expression run by RE2JS, whose matching time is linear in the text, so no pattern can stall the process.

import { RE2JS } from 're2js';
import { ANCM_LEVELS, type AncmLevel } from './levels';

export interface EntryFilterOptions {
  /** Show entries at this level and every more severe one (default TRACE: all). */
  readonly level?: AncmLevel;
  /** Case-insensitive; empty or absent means no text filter. */
  readonly text?: string;
  /** Read `text` as a regular expression (RE2 syntax) instead of a plain substring. */
  readonly regex?: boolean;
}

export class FilterSyntaxError extends Error {}

/** What a filter looks at: the entry's level and its whole text. */
export interface FilteredEntry {
  readonly level: AncmLevel;
  readonly text: string;
}

export type EntryPredicate = (entry: FilteredEntry) => boolean;

/** Whether an entry at `level` shows under the `threshold`. */
export function levelShows(threshold: AncmLevel, level: AncmLevel): boolean {
  return ANCM_LEVELS.indexOf(level) <= ANCM_LEVELS.indexOf(threshold);
}

export function parseLevel(value: string): AncmLevel | undefined {
  const upper = value.trim().toUpperCase();
  const aliases: Record<string, AncmLevel> = { WARN: 'WARNING', ERR: 'ERROR', DEBUG: 'TRACE', ALL: 'TRACE' };
  return (ANCM_LEVELS as readonly string[]).includes(upper) ? (upper as AncmLevel) : aliases[upper];
}

/** Builds the predicate; throws FilterSyntaxError for a regular expression that does not compile. */
export function createEntryFilter(options: EntryFilterOptions): EntryPredicate {
  const threshold = options.level ?? 'TRACE';
  const matchesText = textMatcher(options.text ?? '', options.regex === true);
  if (threshold === 'TRACE') return matchesText ? (entry) => matchesText(entry.text) : () => true;
  return matchesText
    ? (entry) => levelShows(threshold, entry.level) && matchesText(entry.text)
    : (entry) => levelShows(threshold, entry.level);
}

function textMatcher(text: string, regex: boolean): ((value: string) => boolean) | undefined {
  if (text === '') return undefined;
  if (regex) {
    let pattern: RE2JS;
    try {
      pattern = RE2JS.compile(text, RE2JS.CASE_INSENSITIVE);
    } catch (error) {
      throw new FilterSyntaxError(`Invalid regular expression "${text}": ${error instanceof Error ? error.message : String(error)}`);
    }
    return (value) => pattern.test(value);
  }
  // V8 searches a literal case-insensitively without allocating a lowered copy of each entry.
  const literal = literalTextPattern(text);
  return (value) => literal.test(value);
}

/**
 * The plain-text filter as a regular expression (`flags` must hold `i`): the history search runs this same
 * one, so that both agree on which letters match in another case (the `i` flag without `u`).
 */
export function literalTextPattern(text: string, flags = 'i'): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}
