// A self-contained app's .exe handed to dotnet (`processPath="dotnet" arguments=".\App.exe"`). The dotnet host runs
// only a dll: in-process, CommonLib/HostFxrResolver.cpp (HostFxrResolver::GetHostFxrParameters) passes the .exe to
// hostfxr as the app and the load fails; out-of-process, OutOfProcessRequestHandler/serverprocess.cpp
// (SERVER_PROCESS::SetupCommandLine) runs `"dotnet" .\App.exe`, which exits at once (HTTP 502.5). ANCM starts an .exe
// itself when it is the processPath (standalone, or portable with the launcher next to its dll).

import { findAttribute } from '../../ancm/lookup';
import { argumentTokens, extensionOf, isDotnetHost, processStarts } from './processStart';
import { replaceValue } from '../xmlEdit/edits';
import { valuePartSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const dotnetRunsExeRule: Rule = {
  id: 'dotnet-runs-exe',
  description: 'processPath is dotnet and arguments start with the app\'s .exe: dotnet runs only a dll, so the app does not start.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: findAttribute('processPath')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const start of processStarts(document)) {
      const attribute = start.argumentsAttribute;
      if (!attribute || !start.arguments || !isDotnetHost(start.path)) continue;
      const first = argumentTokens(start.arguments)[0];
      const exe = first?.text.replace(/^"/, '').replace(/"$/, '');
      if (!first || !exe || extensionOf(exe) !== '.exe' || exe.toLowerCase().endsWith('dotnet.exe')) continue;
      const rest = start.arguments.slice(first.start + first.text.length).trim();
      findings.push({
        message: `dotnet runs only an app's dll, not ${exe}: the app does not start (out-of-process HTTP 502.5). Start the .exe itself: processPath="${exe}"${rest ? ` arguments="${rest}"` : ''}.`,
        ...valuePartSpan(attribute, first.start, first.start + first.text.length),
        fixes: [
          {
            title: `Use processPath="${exe}"`,
            edits: [replaceValue(start.processPath, exe), replaceValue(attribute, rest)],
            safe: rest === '',
          },
        ],
      });
    }
    return findings;
  },
};
