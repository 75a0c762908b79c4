// Converts validation issues into LSP diagnostics and code actions.

import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findProjectFileRule, findRule, type Issue, planFixAll, type QuickFix, type Severity, type TextEdit } from '../service/languageService';
import { showHiddenCharacters } from '../protocol/hiddenCharacters';

/** `source.fixAll.ancm`: applies every safe fix (VS Code runs it on save when configured). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ancm`;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, issue: Issue): Diagnostic {
  const tags = [...(issue.unnecessary ? [DiagnosticTag.Unnecessary] : []), ...(issue.deprecated ? [DiagnosticTag.Deprecated] : [])];
  const docsUrl = (findRule(issue.rule) ?? findProjectFileRule(issue.rule))?.docsUrl;
  return {
    range: { start: document.positionAt(issue.start), end: document.positionAt(issue.end) },
    severity: SEVERITIES[issue.severity],
    code: issue.rule,
    source: 'ancm',
    // A value quoted in a message may hold characters that do not show (a bidi override would reorder the row);
    // the CLI escapes them its own way (text) or keeps them exact (JSON, SARIF).
    message: showHiddenCharacters(issue.message),
    ...(docsUrl && { codeDescription: { href: docsUrl } }),
    ...(tags.length > 0 && { tags }),
  };
}

function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }));
}

export function toQuickFixAction(document: TextDocument, quickFix: QuickFix): CodeAction {
  return {
    title: quickFix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(document, quickFix.issue)],
    isPreferred: quickFix.preferred,
    edit: { changes: { [document.uri]: toLspEdits(document, quickFix.fix.edits) } },
  };
}

/** One action with every safe fix, or undefined when there is nothing safe to fix. */
export function toFixAllAction(document: TextDocument, issues: readonly Issue[]): CodeAction | undefined {
  const { edits } = planFixAll(issues);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe ANCM problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: toLspEdits(document, edits) } } };
}
