// Checks files one at a time with the same language service the editor uses, keeping only the
// findings (with line and column) so that thousands of files fit in bounded memory. A project file, launchSettings.json
// or applicationHost.config gets its own checks (project/projectChecks.ts, as in the editor); --fix writes only
// web.config files.

import { realpath } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Issue, type ServedFileKind, applyEdits, doValidation, parseWebConfig, planFixAll, servedFileKindOfName, type Severity, type ValidationSettings, withSeverityOverrides } from '../service/languageService';
import type { ProjectChecks } from '../project/projectChecks';
import { type PublishCheckSettings, checkPublishOutput } from './checkPublish';
import { readConfigFile, writeConfigFile } from './configFile';
import { supersededRules } from '../publish/publishChecks';

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
  /** The error code (EACCES, ENOSPC...) when `--fix` could not write the file; it is left unchanged. */
  readonly fixNotWritten?: string;
}

export interface FixOptions {
  /** Real paths of the folders checked: `--fix` writes through a symlink only to a file inside one of them. */
  readonly checkedFolders: readonly string[];
  /** `--fix-follow-symlinks`: also write through symlinks to files outside the checked folders. */
  readonly followSymlinksOut: boolean;
}

/** More passes than any real chain of fixes needs; a guard against fixes that keep producing work. */
const MAX_FIX_PASSES = 10;

/** The publish output this web.config sits at the top of: its publish checks run too (checkPublish.ts). */
export interface PublishOutput extends PublishCheckSettings {
  readonly folder: string;
}

/**
 * `project`: the checks of the files around web.config (and web.config's side of the project cross-check). `fix`:
 * apply the safe fixes and write them back, within these limits. `publish`: run the publish checks too.
 */
export async function checkFile(path: string, settings: ValidationSettings, project: ProjectChecks, fix?: FixOptions, publish?: PublishOutput): Promise<CheckedFile> {
  const kind = servedFileKindOfName(nodePath.basename(path));
  if (kind !== undefined && kind !== 'webConfig') return checkFileAroundWebConfig(path, kind, settings, project);
  const file = await readConfigFile(path);
  let text = file.text;
  let fixed = 0;
  let fixSkipped: string | undefined;
  let fixNotWritten: string | undefined;
  if (fix) {
    // The file the bytes really go to: a symlink stays a link and its target gets the fix.
    const realFile = await realpath(path).catch((error: NodeJS.ErrnoException) => {
      fixNotWritten = error.code ?? String(error);
      return undefined;
    });
    if (realFile === undefined) {
      // Gone or changed since it was read: nothing is written.
    } else if (!file.exact) {
      fixSkipped = 'not valid in its encoding, so writing it back would change other bytes';
    } else if (!fix.followSymlinksOut && !fix.checkedFolders.some((folder) => isInside(realFile, folder))) {
      fixSkipped = `reached through a symlink to ${realFile}, outside the checked folders (--fix-follow-symlinks writes there)`;
    } else {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const { issues } = doValidation(parseWebConfig(text), settings);
        const plan = planFixAll(issues);
        if (plan.edits.length === 0) break;
        text = applyEdits(text, plan.edits);
        fixed += plan.fixed.length;
      }
      if (text !== file.text) {
        try {
          await writeConfigFile(realFile, text, file.encoding);
        } catch (error) {
          // Reported, and the run goes on: the findings are those of the file as it still is.
          fixNotWritten = (error as NodeJS.ErrnoException).code ?? String(error);
          text = file.text;
          fixed = 0;
        }
      }
    }
  }
  const document = parseWebConfig(text);
  const { issues } = doValidation(document, settings);
  // The publish checks' findings after the file's own, in their order (how the app starts, then the folder); not fixable.
  const publishIssues = publish ? await checkPublishOutput(publish.folder, document, publish) : [];
  const superseded = supersededRules(publishIssues.map((issue) => issue.rule));
  const crossChecks = withSeverityOverrides(await project.webConfigIssues(path, document), settings.rules);
  const located = [
    ...[...issues, ...crossChecks].filter((issue) => !superseded.has(issue.rule)).sort(byPosition).map((issue) => ({ ...issue, fixable: issue.fixes?.some((candidate) => candidate.safe) === true })),
    ...publishIssues.map((issue) => ({ ...issue, fixable: false })),
  ];
  return { path, fixed, ...(fixSkipped !== undefined && { fixSkipped }), ...(fixNotWritten !== undefined && { fixNotWritten }), issues: locateIssues(text, located) };
}

/** A project file, launchSettings.json or applicationHost.config: its checks with their neighbours; never fixed in place. */
async function checkFileAroundWebConfig(path: string, kind: Exclude<ServedFileKind, 'webConfig'>, settings: ValidationSettings, project: ProjectChecks): Promise<CheckedFile> {
  const { text } = await readConfigFile(path, { markup: kind !== 'launchSettings' });
  const issues = withSeverityOverrides(await project.issues(path, text, kind), settings.rules);
  return { path, fixed: 0, issues: locateIssues(text, issues.map((issue) => ({ ...issue, fixable: false }))) };
}

function byPosition(a: Issue, b: Issue): number {
  return a.start - b.start || a.end - b.end;
}

/** Positions as the editor computes them (LSP's line breaks and UTF-16 columns), 1-based for people. */
function locateIssues(text: string, issues: readonly (Pick<Issue, 'rule' | 'severity' | 'message' | 'start' | 'end'> & { fixable: boolean })[]): LocatedIssue[] {
  const positions = TextDocument.create('file:///checked', 'xml', 0, text);
  const locate = (offset: number) => {
    const { line, character } = positions.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  };
  return issues.map((issue) => {
    const start = locate(issue.start);
    const end = locate(issue.end);
    return { rule: issue.rule, severity: issue.severity, message: issue.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, fixable: issue.fixable };
  });
}

function isInside(file: string, folder: string): boolean {
  const relative = nodePath.relative(folder, file);
  return relative !== '' && !relative.startsWith(`..${nodePath.sep}`) && relative !== '..' && !nodePath.isAbsolute(relative);
}
