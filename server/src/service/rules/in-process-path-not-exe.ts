// In-process, ANCM loads the app into the worker process and accepts only an .exe (or a path without an extension,
// to which it appends .exe): CommonLib/HostFxrResolver.cpp (HostFxrResolver::GetHostFxrParameters) throws
// "Process path '…' doesn't have '.exe' extension." for any other extension (.cmd, .bat, .ps1…). A .dll is
// process-path-dll's finding and a quoted path quoted-process-path's. Out-of-process, Windows starts such files.

import { findAttribute } from '../../ancm/lookup';
import { hostingModelOf } from '../webConfig';
import { extensionOf, processStarts } from './processStart';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const inProcessPathNotExeRule: Rule = {
  id: 'in-process-path-not-exe',
  description: 'An in-process processPath with an extension other than .exe: ANCM cannot start the app.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: findAttribute('processPath')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const start of processStarts(document)) {
      if (hostingModelOf(start.section) !== 'inprocess') continue;
      const path = start.path.trim();
      const extension = extensionOf(path);
      if (extension === '' || extension === '.exe' || extension === '.dll' || path.includes('"')) continue;
      findings.push({
        message:
          `processPath '${path}' is not an .exe: in-process ANCM fails with "Process path '${path}' doesn't have '.exe' extension." ` +
          `Use the app's .exe, or dotnet with the dll in arguments.`,
        ...valueSpan(start.processPath),
      });
    }
    return findings;
  },
};
