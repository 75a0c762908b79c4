// A processPath naming the app's .dll. In-process, CommonLib/HostFxrResolver.cpp (HostFxrResolver::GetHostFxrParameters)
// throws "Process path '…' doesn't have '.exe' extension." for any extension but .exe; out-of-process,
// OutOfProcessRequestHandler/serverprocess.cpp (SERVER_PROCESS::StartProcess) hands the path to CreateProcessW, which
// cannot run a dll, and the request gets HTTP 502.5. A framework-dependent app is started by the dotnet host.

import { findAttribute } from '../../ancm/lookup';
import type { XmlAttribute } from '../parse/xmlDocument';
import { extensionOf, processStarts } from './processStart';
import { insertAttributeAfter, replaceValue } from '../xmlEdit/edits';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';

export const processPathDllRule: Rule = {
  id: 'process-path-dll',
  description: 'A processPath naming the app\'s .dll, which is not a program: ANCM cannot start the app.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: findAttribute('processPath')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const start of processStarts(document)) {
      if (extensionOf(start.path) !== '.dll' || start.arguments === undefined) continue;
      const dll = start.path.trim();
      findings.push({
        message:
          `processPath '${dll}' is a dll, not a program: in-process ANCM fails ("doesn't have '.exe' extension"), out-of-process ` +
          'it cannot start (HTTP 502.5). Run it with dotnet.',
        ...valueSpan(start.processPath),
        fixes: [dotnetFix(start.processPath, start.argumentsAttribute, start.arguments, dll)],
      });
    }
    return findings;
  },
};

/** processPath="dotnet" with the dll first in arguments; safe when there were no arguments to keep in order. */
function dotnetFix(processPath: XmlAttribute, argumentsAttribute: XmlAttribute | undefined, args: string, dll: string): Fix {
  const dllArgument = /\s/.test(dll) ? `"${dll}"` : dll;
  const newArguments = args.trim() === '' ? dllArgument : `${dllArgument} ${args}`;
  const argumentsEdit = argumentsAttribute ? replaceValue(argumentsAttribute, newArguments) : insertAttributeAfter(processPath, 'arguments', newArguments);
  return {
    title: `Use processPath="dotnet" arguments="${newArguments}"`,
    edits: [replaceValue(processPath, 'dotnet'), argumentsEdit],
    safe: args.trim() === '',
  };
}
