// Checks files one at a time with the same language service the editor uses, keeping only the
// findings (with line and column) so that thousands of files fit in bounded memory.

import { applyEdits, planFixAll } from '../service/codeActions';
import type { Severity } from '../service/rules/types';
import { type ValidationSettings, doValidation } from '../service/validation';
import { parseWebConfig } from '../service/webConfig';
import { readConfigFile, writeConfigFile } from './configFile';

export interface LocatedIssue {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based, in UTF-16 code units like LSP and SARIF's utf16CodeUnits. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** A safe fix exists (`--fix` applies it). */
  readonly fixable: boolean;
}

export interface CheckedFile {
  readonly path: string;
  readonly issues: readonly LocatedIssue[];
  /** Problems `--fix` repaired in this file. */
  readonly fixed: number;
  /** Why the file could not be fixed, when `--fix` had to leave it alone. */
  readonly fixSkipped?: string;
}

/** More passes than any real chain of fixes needs; a guard against fixes that keep producing work. */
const MAX_FIX_PASSES = 10;

export async function checkFile(path: string, settings: ValidationSettings, fix: boolean): Promise<CheckedFile> {
  const file = await readConfigFile(path);
  let text = file.text;
  let fixed = 0;
  let fixSkipped: string | undefined;
  if (fix) {
    if (!file.exact) {
      fixSkipped = 'not valid in its encoding, so writing it back would change other bytes';
    } else {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const { issues } = doValidation(parseWebConfig(text), settings);
        const plan = planFixAll(issues);
        if (plan.edits.length === 0) break;
        text = applyEdits(text, plan.edits);
        fixed += plan.fixed.length;
      }
      if (text !== file.text) await writeConfigFile(path, text, file.encoding);
    }
  }
  const { issues } = doValidation(parseWebConfig(text), settings);
  const locate = lineLocator(text);
  return {
    path,
    fixed,
    ...(fixSkipped !== undefined && { fixSkipped }),
    issues: issues.map((issue) => {
      const start = locate(issue.start);
      const end = locate(issue.end);
      return {
        rule: issue.rule,
        severity: issue.severity,
        message: issue.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        fixable: issue.fixes?.some((candidate) => candidate.safe) === true,
      };
    }),
  };
}

/** Offset to 1-based line and column; a line break is `\n`, `\r\n` or a lone `\r`, as in LSP. */
function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    if (code === 0x0a || code === 0x0d) lineStarts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
