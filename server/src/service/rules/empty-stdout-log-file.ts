// stdoutLogFile="" with stdoutLogEnabled="true". The value is a file-name prefix joined to the site folder:
// in-process, CommonLib/RedirectionOutput.cpp (FileRedirectionOutput::FileRedirectionOutput) builds
// `<site>\` + `_<timestamp>_<pid>.log`, so the logs land in the site root as `_20240101120000_4752.log`; out-of-process,
// OutOfProcessRequestHandler/serverprocess.cpp (SERVER_PROCESS::SetupStdHandles) resolves the empty path to the site
// folder the same way. Logging runs, but not where anyone looks. (An absent attribute uses the schema default.)

import { findAttribute } from '../../ancm/lookup';
import { getAttribute } from '../parse/xmlDocument';
import { attributeSpan } from '../xmlEdit/spans';
import { completeValue, valueFix } from './fixes';
import type { Finding, Rule } from './types';

const STDOUT_LOG_FILE = findAttribute('stdoutLogFile')!;

export const emptyStdoutLogFileRule: Rule = {
  id: 'empty-stdout-log-file',
  description: 'stdoutLogFile="" with stdout logging on: the logs land in the site root as _<timestamp>_<pid>.log.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: STDOUT_LOG_FILE.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      const enabled = getAttribute(section, 'stdoutLogEnabled');
      const file = getAttribute(section, STDOUT_LOG_FILE.name);
      if (!enabled || !file || completeValue(enabled)?.trim().toLowerCase() !== 'true' || completeValue(file)?.trim() !== '') continue;
      const placeholder = STDOUT_LOG_FILE.placeholder ?? '.\\logs\\stdout';
      findings.push({
        message: `stdoutLogFile is empty while stdout logging is on: the logs land in the site root as _<timestamp>_<pid>.log. Write a prefix such as ${placeholder}.`,
        ...attributeSpan(file),
        fixes: [valueFix(`Set stdoutLogFile="${placeholder}"`, file, placeholder, false)],
      });
    }
    return findings;
  },
};
