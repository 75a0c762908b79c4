// arguments starting with a space or tab. In-process with the dotnet host, CommonLib/HostFxrResolver.cpp
// (HostFxrResolver::AppendArguments) splits the value with CommandLineToArgvW, which returns an empty first argument
// for a command line that starts with whitespace, so dotnet is handed '' instead of the app's dll and the app does not
// start. With the app's own .exe the app receives an extra empty argument; out-of-process,
// OutOfProcessRequestHandler/serverprocess.cpp (SERVER_PROCESS::SetupCommandLine) writes `"<processPath>" <arguments>`
// and the extra space does no harm. Removing the leading whitespace never changes what the user meant.

import { findAttribute } from '../../ancm/lookup';
import { hostingModelOf } from '../webConfig';
import { isDotnetHost, processStarts } from './processStart';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const argumentsLeadingSpaceRule: Rule = {
  id: 'arguments-leading-space',
  description: 'arguments starting with whitespace: in-process, dotnet receives an empty argument instead of the app\'s dll.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: findAttribute('arguments')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const start of processStarts(document)) {
      const args = start.arguments;
      const attribute = start.argumentsAttribute;
      if (!attribute || !args || args.trim() === '' || !/^[ \t\r\n]/.test(args)) continue;
      const inProcess = hostingModelOf(start.section) === 'inprocess';
      const dotnet = isDotnetHost(start.path);
      const consequence = !inProcess
        ? { severity: 'information' as const, text: 'harmless out-of-process, but in-process ANCM would split off an empty first argument.' }
        : dotnet
          ? { severity: 'error' as const, text: 'in-process, CommandLineToArgvW makes the first argument empty, so dotnet gets \'\' instead of the app\'s dll and the app does not start.' }
          : { severity: 'warning' as const, text: 'in-process, CommandLineToArgvW makes the first argument empty, so the app receives an extra empty argument.' };
      findings.push({
        message: `arguments starts with whitespace: ${consequence.text}`,
        ...valueSpan(attribute),
        severity: consequence.severity,
        fixes: [valueFix('Remove the leading whitespace', attribute, args.replace(/^[ \t\r\n]+/, ''), true)],
      });
    }
    return findings;
  },
};
