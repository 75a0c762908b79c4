// stdoutLogFile is a file-name prefix, not a folder: ANCM appends `_<yyyyMMddHHmmss>_<pid>.log` to it, so a value
// ending in a path separator yields files named `_20240101120000_1234.log` in that folder
// (CommonLib/RedirectionOutput.cpp, OutOfProcessRequestHandler/serverprocess.cpp).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { findAttribute } from '../../ancm/lookup';
import { getAttribute } from '../parse/xmlDocument';
import { completeValue, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
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
          `${STDOUT_LOG_FILE} '${value}' ends in a folder, but it is a file-name prefix: the logs come out as ` +
          `'${value}_20240101120000_1234.log'. Add a name, e.g. '${value}stdout'.`,
        ...valueSpan(attribute),
        fixes: [valueFix(`Change to '${value}stdout'`, attribute, `${value}stdout`, true)],
      });
    }
    return findings;
  },
};
