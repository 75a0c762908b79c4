// Some variables configure ANCM only from the IIS worker process environment (ANCM reads them when its dlls load
// or straight from the process), and ANCM replaces ASPNETCORE_APPL_PATH out-of-process; in <environmentVariables>
// they do not do what they say (CommonLib/debugutil.cpp, RequestHandlerLib/environmentvariablehelpers.h,
// OutOfProcessRequestHandler/serverprocess.cpp). Which ones is data: EnvironmentVariableSpec.ignoredInWebConfig.

import { findCollection, findEnvironmentVariable } from '../../ancm/lookup';
import { resolveEntries, sectionHostingModel } from './entriesInEffect';
import { removeElementFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const ignoredEnvironmentVariableRule: Rule = {
  id: 'ignored-environment-variable',
  description: 'An environment variable that ANCM does not take from web.config: setting it here does not configure ANCM.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findCollection('environmentVariables')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const entry of resolveEntries(document, 'environmentVariables').inEffect) {
      const spec = findEnvironmentVariable(entry.name);
      const ignored = spec?.ignoredInWebConfig;
      // Claimed only where the file settles the hosting model the variable is ignored under.
      if (!spec || !ignored || (ignored.appliesTo !== 'both' && ignored.appliesTo !== sectionHostingModel(document, entry.section))) continue;
      const what =
        ignored.reason === 'readFromWorkerProcessOnly'
          ? `${spec.name} here does not configure ANCM, which reads it only from the IIS worker process environment.`
          : `ANCM removes ${spec.name} from these variables and sets its own value${ignored.appliesTo === 'outofprocess' ? ' out-of-process' : ''}, so this value is discarded.`;
      findings.push({
        message: `${what} ${ignored.instead}`,
        ...valueSpan(entry.nameAttribute!),
        fixes: removeElementFix(`Remove ${spec.name}`, document.text, entry.element, false),
      });
    }
    return findings;
  },
};
