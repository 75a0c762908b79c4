// A debugFile handler setting naming a folder. CommonLib/debugutil.cpp (DebugInitializeFromConfig, SetDebugFile) joins
// the value to the site folder, creates the parent folders and opens the path itself as a file with CreateFileW
// (OPEN_ALWAYS), which fails on a folder: ANCM writes no debug log, silently. Reported when the value ends in a
// separator, or is the folder the stdoutLogFile prefix writes into (`.\logs` beside `.\logs\stdout`).

import { findHandlerSetting } from '../../ancm/lookup';
import { getAttribute, type XmlElement } from '../parse/xmlDocument';
import { resolveEntries } from './entriesInEffect';
import { completeValue, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const DEBUG_FILE = findHandlerSetting('debugFile')!;
const DEFAULT_NAME = 'aspnetcore-debug.log';

export const debugFileFolderRule: Rule = {
  id: 'debug-file-folder',
  description: 'A debugFile handler setting naming a folder: ANCM cannot open it as a file and writes no debug log.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: DEBUG_FILE.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const entry of resolveEntries(document, 'handlerSettings').inEffect) {
      if (findHandlerSetting(entry.name) !== DEBUG_FILE || !entry.value || !entry.valueAttribute) continue;
      const value = entry.value.trim();
      const endsInSeparator = value.endsWith('\\') || value.endsWith('/');
      if (!endsInSeparator && !isStdoutFolder(value, entry.section)) continue;
      const fileInFolder = endsInSeparator ? `${value}${DEFAULT_NAME}` : `${value}\\${DEFAULT_NAME}`;
      findings.push({
        message: `debugFile '${value}' names a folder: ANCM opens it as a file, the open fails and no debug log is written. Name a file in it, e.g. ${fileInFolder}.`,
        ...valueSpan(entry.valueAttribute),
        fixes: [valueFix(`Use ${fileInFolder}`, entry.valueAttribute, fileInFolder, false)],
      });
    }
    return findings;
  },
};

/** The value is the folder of the section's stdoutLogFile prefix (compared ignoring case and a leading `.\`). */
function isStdoutFolder(value: string, section: XmlElement): boolean {
  const stdout = getAttribute(section, 'stdoutLogFile');
  const prefix = stdout ? completeValue(stdout)?.trim() : undefined;
  if (!prefix) return false;
  const cut = Math.max(prefix.lastIndexOf('\\'), prefix.lastIndexOf('/'));
  if (cut <= 0) return false;
  return normalise(prefix.slice(0, cut)) === normalise(value);
}

function normalise(path: string): string {
  const lower = path.toLowerCase().replaceAll('/', '\\');
  return lower.startsWith('.\\') ? lower.slice(2) : lower;
}
