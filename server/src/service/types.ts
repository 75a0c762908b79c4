// Results of the pure language service, in document offsets. The LSP shell converts them to LSP types,
// so the service needs neither an editor nor a transport.

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
