// processPath="dotnet" with no arguments. In-process, CommonLib/HostFxrResolver.cpp (HostFxrResolver::GetHostFxrParameters)
// throws "Application arguments are empty." when the processPath is the dotnet host (IsDotnetExecutable); out-of-process,
// OutOfProcessRequestHandler/serverprocess.cpp (SERVER_PROCESS::SetupCommandLine) runs `"dotnet" ` alone, which prints
// its help and exits, so the request gets HTTP 502.5. Blank arguments are no better: CommandLineToArgvW gives no app.

import { findAttribute } from '../../ancm/lookup';
import { isDotnetHost, processStarts } from './processStart';
import { attributeSpan, valueOrAttributeSpan } from '../xmlEdit/spans';
import { insertAttributeAfter } from '../xmlEdit/edits';
import { valueFix } from './fixes';
import type { Finding, Rule } from './types';

const ARGUMENTS = findAttribute('arguments')!;

export const dotnetWithoutArgumentsRule: Rule = {
  id: 'dotnet-without-arguments',
  description: 'processPath is dotnet but arguments do not name the app\'s dll: ANCM cannot start the app.',
  defaultSeverity: 'error',
  requiresCompleteFile: true,
  docsUrl: ARGUMENTS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const start of processStarts(document)) {
      if (!isDotnetHost(start.path) || start.arguments === undefined || start.arguments.trim() !== '') continue;
      const placeholder = ARGUMENTS.placeholder ?? '.\\MyApp.dll';
      const attribute = start.argumentsAttribute;
      findings.push({
        message:
          `processPath is dotnet, but ${attribute ? 'arguments is empty' : 'there are no arguments'}: in-process ANCM fails with "Application arguments are empty.", ` +
          `out-of-process dotnet exits (HTTP 502.5). Set arguments="${placeholder}".`,
        ...(attribute ? valueOrAttributeSpan(attribute) : attributeSpan(start.processPath)),
        fixes: [
          attribute
            ? valueFix(`Set arguments="${placeholder}"`, attribute, placeholder, false)
            : { title: `Add arguments="${placeholder}"`, edits: [insertAttributeAfter(start.processPath, 'arguments', placeholder)], safe: false },
        ],
      });
    }
    return findings;
  },
};
