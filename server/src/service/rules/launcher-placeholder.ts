// Visual Studio's launcher leftovers. %LAUNCHER_PATH% and %LAUNCHER_ARGS% are placeholders that Visual Studio / IIS
// Express fill in; IIS expands processPath and arguments (expanded="true"), so on a server where nothing defines them
// the text stays as written and ANCM cannot start the app. VSIISExeLauncher.exe with `-argFile IISExeLauncherArgs.txt`
// is Visual Studio's IIS debugging launcher, which reads its real command line from a file Visual Studio writes into
// bin\IISSupport. dotnet publish replaces all of them (dotnet/sdk WebConfigTransform.cs, RemoveLauncherArgs).
// In-process, CommonLib/HostFxrResolver.cpp (HostFxrResolver::GetHostFxrParameters) then fails with "Executable was not
// found at '…'"; out-of-process, OutOfProcessRequestHandler/serverprocess.cpp (SERVER_PROCESS::StartProcess) cannot start it.
//
// Worth knowing in a project's own web.config, which Visual Studio runs; an error in a published one. A file counts
// as published when its section sits in `<location path="." inheritInChildApplications="false">`, the wrapper
// dotnet publish writes around <system.webServer> (WebConfigTransform) and Visual Studio's project templates do not.

import { findAttribute } from '../../ancm/lookup';
import { getAttribute, type XmlElement } from '../parse/xmlDocument';
import { completeValue } from './fixes';
import { valuePartSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

/** The processPath Visual Studio writes; a file that still has it is not the deployed one. */
export const LAUNCHER_PATH = '%LAUNCHER_PATH%';
const LAUNCHER_ARGS = '%LAUNCHER_ARGS%';

interface Leftover {
  readonly attribute: string;
  readonly pattern: RegExp;
  readonly origin: string;
  readonly effect: string;
}

const LEFTOVERS: readonly Leftover[] = [
  { attribute: 'processPath', pattern: new RegExp(LAUNCHER_PATH, 'gi'), origin: 'is set only by Visual Studio and IIS Express', effect: 'IIS leaves it unexpanded and ANCM cannot start the process' },
  { attribute: 'processPath', pattern: /VSIISExeLauncher\.exe/gi, origin: 'is Visual Studio\'s IIS debugging launcher', effect: 'ANCM cannot start the app without bin\\IISSupport' },
  { attribute: 'arguments', pattern: new RegExp(LAUNCHER_ARGS, 'gi'), origin: 'is set only by Visual Studio and IIS Express', effect: 'the app receives the text as its arguments' },
  { attribute: 'arguments', pattern: /-argFile[ \t]+IISExeLauncherArgs\.txt/gi, origin: 'is read only by Visual Studio\'s IIS debugging launcher', effect: 'the app receives it as its arguments' },
];

export const launcherPlaceholderRule: Rule = {
  id: 'launcher-placeholder',
  description: 'A Visual Studio launcher leftover (%LAUNCHER_PATH%, VSIISExeLauncher.exe, -argFile IISExeLauncherArgs.txt): works under Visual Studio, not when deployed as-is.',
  defaultSeverity: 'information',
  requiresCompleteFile: false,
  docsUrl: findAttribute('processPath')!.docsUrl,
  check(document) {
    if (document.isTransform) return [];
    const findings: Finding[] = [];
    for (const section of document.sections) {
      const published = isPublishedLayout(section);
      for (const { attribute: name, pattern, origin, effect } of LEFTOVERS) {
        const attribute = getAttribute(section, name);
        const value = attribute ? completeValue(attribute) : undefined;
        if (!attribute || value === undefined) continue;
        for (const match of value.matchAll(pattern)) {
          findings.push({
            message: published
              ? `${match[0]} ${origin}, yet this file looks published: ${effect}. Publish the app again, which replaces it.`
              : `${match[0]} ${origin}; dotnet publish replaces it. Deployed as-is, ${effect}.`,
            ...valuePartSpan(attribute, match.index, match.index + match[0].length),
            ...(published ? { severity: 'error' as const } : {}),
          });
        }
      }
    }
    return findings;
  },
};

/** The section is inside `<location path="." inheritInChildApplications="false">`, as dotnet publish writes it. */
function isPublishedLayout(section: XmlElement): boolean {
  const location = section.parent?.parent;
  if (location?.name !== 'location') return false;
  const path = getAttribute(location, 'path')?.value?.trim();
  return (path === '.' || path === '') && getAttribute(location, 'inheritInChildApplications')?.value?.trim().toLowerCase() === 'false';
}
