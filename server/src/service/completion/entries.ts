// Small builders shared by the completion providers.

import type { CompletionEntry, CompletionEntryKind } from '../types';
import { plainText } from '../documentation';

/** The replace range and how the text around it ends, handed to every provider. */
export interface InsertionSite {
  readonly replaceStart: number;
  readonly replaceEnd: number;
}

/** Escapes text for use inside an LSP snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes one option of a snippet choice `${1|a,b|}`. */
export function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

/** Orders entries: a group first (0 = most relevant), then a rank within the group. */
export function sortKey(group: number, rank: number): string {
  return `${group}${String(rank).padStart(4, '0')}`;
}

interface EntryOptions {
  readonly detail?: string;
  readonly documentation?: string;
  readonly snippet?: boolean;
  readonly filterText?: string;
  readonly deprecated?: boolean;
  readonly retrigger?: boolean;
}

export function entry(site: InsertionSite, label: string, kind: CompletionEntryKind, insertText: string, sortText: string, options: EntryOptions = {}): CompletionEntry {
  return {
    label,
    kind,
    insertText,
    snippet: options.snippet ?? false,
    replaceStart: site.replaceStart,
    replaceEnd: site.replaceEnd,
    sortText,
    // The editor shows detail as plain text beside the label: the tables' Markdown would show as backticks.
    ...(options.detail !== undefined && { detail: plainText(options.detail) }),
    ...(options.documentation !== undefined && { documentation: options.documentation }),
    ...(options.filterText !== undefined && { filterText: options.filterText }),
    ...(options.deprecated && { deprecated: true }),
    ...(options.retrigger && { retrigger: true }),
  };
}
