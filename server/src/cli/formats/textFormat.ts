// `file:line:col severity rule message`, one line a finding, coloured on a terminal, and a summary. A
// message quotes web.config values: their control characters are shown escaped (visibleText.ts), so a
// value can neither drive the terminal nor start a line of its own (a CI log reads `::` commands from lines).

import * as path from 'node:path';
import { styleText } from 'node:util';
import type { Severity } from '../../service/languageService';
import type { CheckedFile } from '../checkFiles';
import { visibleText } from './visibleText';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

export function formatFileAsText(file: CheckedFile, cwd: string, color: boolean): string[] {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const shown = visibleText(path.relative(cwd, file.path) || file.path);
  const lines = file.issues.map((issue) =>
    `${shown}:${issue.line}:${issue.column} ${paint(SEVERITY_STYLE[issue.severity], issue.severity)} ${paint('dim', issue.rule)} ${visibleText(issue.message)}`);
  if (file.fixed > 0) lines.push(`${shown}: fixed ${file.fixed} ${file.fixed === 1 ? 'problem' : 'problems'}`);
  if (file.fixSkipped) lines.push(`${shown}: not fixed: ${visibleText(file.fixSkipped)}`);
  return lines;
}

export interface CheckTotals {
  readonly files: number;
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
  readonly fixable: number;
  readonly fixed: number;
}

export function countTotals(files: readonly CheckedFile[]): CheckTotals {
  const totals = { files: files.length, error: 0, warning: 0, information: 0, hint: 0, fixable: 0, fixed: 0 };
  for (const file of files) {
    totals.fixed += file.fixed;
    for (const issue of file.issues) {
      totals[issue.severity]++;
      if (issue.fixable) totals.fixable++;
    }
  }
  return totals;
}

export function formatSummary(totals: CheckTotals): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const problems = totals.error + totals.warning + totals.information + totals.hint;
  const checked = `${plural(totals.files, 'file')} checked`;
  const fixed = totals.fixed > 0 ? `, ${totals.fixed} fixed` : '';
  if (problems === 0) return `${checked}: no problems${fixed}`;
  const parts = [plural(totals.error, 'error'), plural(totals.warning, 'warning'), `${totals.information} information`];
  if (totals.hint > 0) parts.push(plural(totals.hint, 'hint'));
  const fixable = totals.fixable > 0 ? ` (${totals.fixable} fixable with --fix)` : '';
  return `${checked}: ${parts.join(', ')}${fixable}${fixed}`;
}
