// GitHub Actions workflow commands, so findings show inline on the pull request
// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).

import * as path from 'node:path';
import type { Severity } from '../../service/rules/types';
import type { CheckedFile } from '../checkFiles';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGitHubAnnotations(file: CheckedFile, cwd: string): string[] {
  const shown = path.relative(cwd, file.path).split(path.sep).join('/');
  return file.issues.map((issue) => {
    const properties = [
      `file=${escapeProperty(shown)}`,
      `line=${issue.line}`,
      `col=${issue.column}`,
      `endLine=${issue.endLine}`,
      `endColumn=${issue.endColumn}`,
      `title=${escapeProperty(`ancm(${issue.rule})`)}`,
    ].join(',');
    return `::${COMMAND[issue.severity]} ${properties}::${escapeData(issue.message)}`;
  });
}
