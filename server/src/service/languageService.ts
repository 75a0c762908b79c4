// The pure ANCM language service: no editor, no transport. The LSP shell, the command line and the
// tests all call it through this factory.

import { doComplete } from './completion/completion';
import { doHover } from './hover';
import { findDocumentSymbols } from './symbols';
import type { CompletionEntry, HoverResult, SymbolNode } from './types';
import { type ValidationResult, type ValidationSettings, doValidation } from './validation';
import { type WebConfigDocument, parseWebConfig } from './webConfig';

export interface LanguageService {
  parseWebConfig(text: string): WebConfigDocument;
  doComplete(document: WebConfigDocument, offset: number): CompletionEntry[];
  doHover(document: WebConfigDocument, offset: number): HoverResult | undefined;
  findDocumentSymbols(document: WebConfigDocument): SymbolNode[];
  doValidation(document: WebConfigDocument, settings?: ValidationSettings): ValidationResult;
}

export function getLanguageService(): LanguageService {
  return { parseWebConfig, doComplete, doHover, findDocumentSymbols, doValidation: (document, settings) => doValidation(document, settings) };
}
