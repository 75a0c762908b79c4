// Checks files one at a time with the same language service the editor uses, keeping only the
// findings (with line and column) so that thousands of files fit in bounded memory.

import { TextDocument } from 'vscode-languageserver-textdocument';
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
  // Positions as the editor computes them (LSP's line breaks and UTF-16 columns), 1-based for people.
  const positions = TextDocument.create('file:///web.config', 'xml', 0, text);
  const locate = (offset: number) => {
    const { line, character } = positions.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  };
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
