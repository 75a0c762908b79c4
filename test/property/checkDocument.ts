// The properties every document must satisfy, whatever its state: no rule throws, every range lies
// inside the text, and every fix yields well-formed XML (from well-formed input), removes its own
// diagnostic and leaves the text outside its edits untouched. Completion, hover, quick fixes at a range and fix
// all, and document symbols never throw and stay in range; the edits an editor applies keep well-formed XML so.

import { applyEdits, getQuickFixes, planFixAll } from '../../server/src/service/codeActions';
import { getLanguageService } from '../../server/src/service/languageService';
import { isWellFormedXml } from '../../server/src/service/parse/strictXml';
import { findRule } from '../../server/src/service/rules/registry';
import type { Fix, Issue } from '../../server/src/service/types';
import { doValidation } from '../../server/src/service/validation';
import type { SymbolNode } from '../../server/src/service/types';
import { type WebConfigDocument, parseWebConfig } from '../../server/src/service/webConfig';

const service = getLanguageService();

/** Returns a description of the first broken property, or undefined when all hold. */
export function checkDocument(text: string, probe: () => number): string | undefined {
  const document = parseWebConfig(text);
  const { issues, failures } = doValidation(document);
  if (failures.length > 0) return `rule ${failures[0].rule} threw: ${String(failures[0].error)}`;
  const wellFormed = isWellFormedXml(text);
  for (const issue of issues) {
    if (!(issue.start >= 0 && issue.start <= issue.end && issue.end <= text.length)) return `${issue.rule}: range ${issue.start}-${issue.end} outside 0-${text.length}`;
    for (const fix of issue.fixes ?? []) {
      const problem = checkFix(text, issue, fix, wellFormed);
      if (problem) return `${issue.rule} fix "${fix.title}": ${problem}`;
    }
  }
  for (let probes = 0; probes < 3; probes++) {
    const offset = Math.floor(probe() * (text.length + 1));
    const problem = checkFeaturesAt(text, document, issues, wellFormed, offset, Math.floor(probe() * 40));
    if (problem) return `at ${offset}: ${problem}`;
  }
  return checkSymbols(text, service.findDocumentSymbols(document), undefined);
}

function inText(text: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
}

/** Completion, hover and the code actions of a range at the offset: in range, and the fixes keep the XML well-formed. */
function checkFeaturesAt(text: string, document: WebConfigDocument, issues: readonly Issue[], wellFormed: boolean, offset: number, length: number): string | undefined {
  for (const entry of service.doComplete(document, offset)) {
    if (!inText(text, entry.replaceStart, entry.replaceEnd)) return `completion '${entry.label}' replaces ${entry.replaceStart}-${entry.replaceEnd}`;
    if (entry.replaceStart > offset || entry.replaceEnd < offset) return `completion '${entry.label}' replaces ${entry.replaceStart}-${entry.replaceEnd}, away from the cursor`;
  }
  const hover = service.doHover(document, offset);
  if (hover && (!inText(text, hover.start, hover.end) || hover.start > offset || hover.end < offset)) return `hover at ${hover.start}-${hover.end}`;
  if (hover && hover.markdown.trim() === '') return 'an empty hover';
  const end = Math.min(text.length, offset + length);
  for (const quickFix of getQuickFixes(issues, offset, end)) {
    if (quickFix.issue.end < offset || quickFix.issue.start > end) return `quick fix '${quickFix.title}' for an issue outside ${offset}-${end}`;
    // Each fix's own properties are checked with its issue above; here, what the editor applies.
    const fixed = applyEdits(text, quickFix.fix.edits);
    if (wellFormed && !isWellFormedXml(fixed)) return `quick fix '${quickFix.title}' made well-formed XML ill-formed`;
  }
  const { edits } = planFixAll(issues);
  for (let i = 1; i < edits.length; i++) if (edits[i].start < edits[i - 1].end) return 'fix all: edits overlap';
  if (edits.length > 0 && wellFormed && !isWellFormedXml(applyEdits(text, edits))) return 'fix all made well-formed XML ill-formed';
  return undefined;
}

/** Every symbol lies in the text, selects a part of itself, and its children lie inside it. */
function checkSymbols(text: string, symbols: readonly SymbolNode[], parent: SymbolNode | undefined): string | undefined {
  for (const symbol of symbols) {
    if (!inText(text, symbol.start, symbol.end)) return `symbol '${symbol.name}' at ${symbol.start}-${symbol.end}`;
    if (symbol.selectionStart < symbol.start || symbol.selectionEnd > symbol.end || symbol.selectionStart > symbol.selectionEnd) return `symbol '${symbol.name}' selects ${symbol.selectionStart}-${symbol.selectionEnd} outside ${symbol.start}-${symbol.end}`;
    if (parent && (symbol.start < parent.start || symbol.end > parent.end)) return `symbol '${symbol.name}' outside its parent '${parent.name}'`;
    const problem = checkSymbols(text, symbol.children, symbol);
    if (problem) return problem;
  }
  return undefined;
}

function checkFix(text: string, issue: Issue, fix: Fix, wellFormed: boolean): string | undefined {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  for (let i = 0; i < edits.length; i++) {
    const edit = edits[i];
    if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) return `edit ${edit.start}-${edit.end} outside the text`;
    if (i > 0 && edit.start < edits[i - 1].end) return 'edits overlap';
  }
  const fixed = applyEdits(text, edits);
  const first = edits[0];
  const last = edits[edits.length - 1];
  if (first && !fixed.startsWith(text.slice(0, first.start))) return 'changed text before its edits';
  if (last && !fixed.endsWith(text.slice(last.end))) return 'changed text after its edits';
  if (wellFormed && !isWellFormedXml(fixed)) return 'made well-formed XML ill-formed';
  const rule = findRule(issue.rule)!;
  const count = (source: string) => doValidation(parseWebConfig(source), {}, [rule]).issues.filter((other) => other.message === issue.message).length;
  if (count(fixed) >= count(text)) return 'did not remove its diagnostic';
  return undefined;
}
