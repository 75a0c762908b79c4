// A processPath in quotes (`&quot;…&quot;`): IIS decodes the entity, so ANCM receives the quote characters.
// Out-of-process, OutOfProcessRequestHandler/serverprocess.cpp (SERVER_PROCESS::SetupCommandLine) wraps the path in
// quotes itself, giving `""C:\…\dotnet.exe"" …`, which CreateProcessW cannot start (HTTP 502.5); in-process,
// CommonLib/HostFxrResolver.cpp (HostFxrResolver::GetHostFxrParameters) sees the extension `.exe"` and throws
// "Process path '…' doesn't have '.exe' extension." (or, for `"dotnet"`, appends .exe and finds no such executable).
// A path with spaces needs no quotes.

import { findAttribute } from '../../ancm/lookup';
import { processStarts } from './processStart';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const quotedProcessPathRule: Rule = {
  id: 'quoted-process-path',
  description: 'A processPath wrapped in quotes (&quot;): ANCM cannot start the app.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: findAttribute('processPath')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const start of processStarts(document)) {
      const path = start.path.trim();
      if (!path.startsWith('"') && !path.endsWith('"')) continue;
      const unquoted = stripQuotes(path);
      findings.push({
        message:
          'processPath is wrapped in quotes, and ANCM adds its own: the program is not found (HTTP 502.5 out-of-process, ' +
          '"Executable was not found" in-process). Remove the quotes, even with spaces.',
        ...valueSpan(start.processPath),
        fixes: unquoted ? [valueFix(`Remove the quotes: processPath="${unquoted}"`, start.processPath, unquoted, true)] : [],
      });
    }
    return findings;
  },
};

/** The path without the quotes around it (a loop, not a regex: a long run of quotes stays linear). */
function stripQuotes(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '"') start++;
  while (end > start && path[end - 1] === '"') end--;
  return path.slice(start, end);
}
