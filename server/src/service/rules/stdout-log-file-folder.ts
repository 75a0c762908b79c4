// stdoutLogFile is a file-name prefix, not a folder: ANCM appends `_<yyyyMMddHHmmss>_<pid>.log` to it, so a value
// ending in a path separator yields files named `_20240101120000_1234.log` in that folder (REFERENCE.md §5.1, §5.2;
// CommonLib/RedirectionOutput.cpp, OutOfProcessRequestHandler/serverprocess.cpp).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { findAttribute } from '../../ancm/lookup';
import { getAttribute } from '../parse/xmlDocument';
import { completeValue, valueFix, valueSpan } from './ranges';
import type { Finding, Rule } from './types';

const STDOUT_LOG_FILE = 'stdoutLogFile';

export const stdoutLogFileFolder: Rule = {
  id: 'stdout-log-file-folder',
  description: 'A stdoutLogFile that ends in a path separator: the log files get no name before their timestamp.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findAttribute(STDOUT_LOG_FILE)?.docsUrl ?? ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      const attribute = getAttribute(section, STDOUT_LOG_FILE);
      const value = attribute && completeValue(attribute);
      if (!attribute || !value || !/[\\/]$/.test(value)) continue;
      findings.push({
        message:
          `ANCM treats ${STDOUT_LOG_FILE} as a file-name prefix and appends _<timestamp>_<pid>.log, so the logs come out as ` +
          `'${value}_20240101120000_1234.log'. End the value with a file name, e.g. '${value}stdout'.`,
        ...valueSpan(attribute),
        fixes: [valueFix(`Change to '${value}stdout'`, attribute, `${value}stdout`, true)],
      });
    }
    return findings;
  },
};
