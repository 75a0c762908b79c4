// Converts the pure service's offset-based results into LSP types.

import {
  CompletionItemKind,
  CompletionItemTag,
  DocumentSymbol,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type Command,
  type CompletionItem,
  type Hover,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionEntry, CompletionEntryKind, HoverResult, SymbolNode, SymbolNodeKind } from '../service/languageService';

const COMPLETION_KINDS: Record<CompletionEntryKind, CompletionItemKind> = {
  attribute: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  element: CompletionItemKind.Class,
  snippet: CompletionItemKind.Snippet,
  setting: CompletionItemKind.Field,
  variable: CompletionItemKind.Variable,
  module: CompletionItemKind.Module,
  keyword: CompletionItemKind.EnumMember,
};

const SYMBOL_KINDS: Record<SymbolNodeKind, SymbolKind> = {
  section: SymbolKind.Module,
  collection: SymbolKind.Array,
  entry: SymbolKind.Key,
  handler: SymbolKind.Interface,
  attribute: SymbolKind.Property,
};

export interface CompletionOptions {
  readonly snippetSupport: boolean;
  /** A client command that opens completion again (VS Code: `editor.action.triggerSuggest`). */
  readonly retriggerCommand: string | undefined;
}

export function toCompletionItem(document: TextDocument, entry: CompletionEntry, options: CompletionOptions): CompletionItem {
  const snippet = entry.snippet && options.snippetSupport;
  const newText = entry.snippet && !options.snippetSupport ? snippetToPlainText(entry.insertText) : entry.insertText;
  const range = { start: document.positionAt(entry.replaceStart), end: document.positionAt(entry.replaceEnd) };
  const command: Command | undefined = entry.retrigger && options.retriggerCommand ? { title: 'Suggest', command: options.retriggerCommand } : undefined;
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    textEdit: { range, newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.adjustIndentation,
    sortText: entry.sortText,
    ...(entry.filterText !== undefined && { filterText: entry.filterText }),
    ...(entry.detail !== undefined && { detail: entry.detail }),
    ...(entry.documentation !== undefined && { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } }),
    ...(entry.deprecated && { tags: [CompletionItemTag.Deprecated] }),
    ...(command && { command }),
  };
}

/** For clients without snippet support: keep each placeholder's default text (a choice's first option). */
export function snippetToPlainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^,|\\])*)*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$},|])/g, '$1');
}

export function toHover(document: TextDocument, hover: HoverResult): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: hover.markdown },
    range: { start: document.positionAt(hover.start), end: document.positionAt(hover.end) },
  };
}

export function toDocumentSymbol(document: TextDocument, symbol: SymbolNode): DocumentSymbol {
  return DocumentSymbol.create(
    symbol.name,
    symbol.detail,
    SYMBOL_KINDS[symbol.kind],
    { start: document.positionAt(symbol.start), end: document.positionAt(symbol.end) },
    { start: document.positionAt(symbol.selectionStart), end: document.positionAt(symbol.selectionEnd) },
    symbol.children.map((child) => toDocumentSymbol(document, child)),
  );
}
