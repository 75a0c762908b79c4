// Every result type of the pure language service, in document offsets. The LSP shell and the CLI convert them,
// so the service needs neither an editor nor a transport.

import type { Finding } from './rules/types';

export type CompletionEntryKind = 'attribute' | 'value' | 'element' | 'snippet' | 'setting' | 'variable' | 'module' | 'keyword';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionEntryKind;
  /** Text that replaces [replaceStart, replaceEnd); LSP snippet syntax when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Orders the list: compared as strings. */
  readonly sortText: string;
  readonly filterText?: string;
  readonly deprecated?: boolean;
  /** Ask the editor to complete again once inserted (an attribute name is followed by its value). */
  readonly retrigger?: boolean;
}

export interface HoverResult {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

export type SymbolNodeKind = 'section' | 'collection' | 'entry' | 'handler' | 'attribute';

export interface SymbolNode {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolNodeKind;
  readonly start: number;
  readonly end: number;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly SymbolNode[];
}

/** Severity follows consequence: error = IIS or ANCM refuses to run the app; warning = it runs, but not as
 *  written; information = worth knowing; hint = a nudge. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe to apply without review: `source.fixAll.ancm` and `ancm check --fix` apply only these. */
  readonly safe: boolean;
  /**
   * False: never the one-keystroke fix, even as its issue's only fix. A clamp to the nearest limit can turn a value into
   * the opposite of what was meant (`shutdownTimeLimit="-1"` → 0 kills at once), so the user picks it from the list.
   */
  readonly preferred?: false;
}

/** A finding stamped by the runner. */
export interface Issue extends Finding {
  readonly rule: string;
  readonly severity: Severity;
}

/** What a command's edit function returns: the text edits to apply (possibly none, when the file already says
 * what was asked), or the reason it cannot edit, worded for the user. */
export interface Edits {
  readonly edits: readonly TextEdit[];
}

export interface Cannot {
  readonly cannot: string;
}

export type EditResult = Edits | Cannot;
