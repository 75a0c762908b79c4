// GitHub Actions workflow commands, so findings show inline on the pull request
// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`). Each finding must stay one
// command: `%`, CR and LF are percent-encoded as the runner expects (and `:` and `,` in properties), so
// a web.config value cannot end the command and start its own (`::add-mask::`, `::error`); other control
// characters are shown escaped (visibleText.ts). A line feed in a message stays a line break in the annotation.

import * as path from 'node:path';
import type { Severity } from '../../service/languageService';
import type { CheckedFile } from '../checkFiles';
import { visibleText } from './visibleText';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function escapeData(value: string): string {
  return visibleText(value, { lineBreaks: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
