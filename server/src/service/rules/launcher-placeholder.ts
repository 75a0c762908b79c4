// %LAUNCHER_PATH% and %LAUNCHER_ARGS% are placeholders that Visual Studio / IIS Express fill in; IIS expands
// processPath and arguments (expanded="true"), so on a server where nothing defines them the text stays as written
// and ANCM cannot start the app. dotnet publish replaces them (REFERENCE §7; dotnet/sdk WebConfigTransform.cs).

import { findAttribute } from '../../ancm/lookup';
import { getAttribute } from '../parse/xmlDocument';
import { completeValue, valuePartSpan } from './ranges';
import type { Finding, Rule } from './types';

/** The processPath Visual Studio writes; a file that still has it is not the deployed one. */
export const LAUNCHER_PATH = '%LAUNCHER_PATH%';
const LAUNCHER_ARGS = '%LAUNCHER_ARGS%';

const PLACEHOLDERS: readonly { readonly attribute: string; readonly placeholder: RegExp; readonly effect: string }[] = [
  { attribute: 'processPath', placeholder: new RegExp(LAUNCHER_PATH, 'gi'), effect: 'ANCM cannot start the process' },
  { attribute: 'arguments', placeholder: new RegExp(LAUNCHER_ARGS, 'gi'), effect: 'the app receives the placeholder text as its arguments' },
];

export const launcherPlaceholderRule: Rule = {
  id: 'launcher-placeholder',
  description: 'A Visual Studio launcher placeholder in processPath or arguments: works under Visual Studio, not when deployed as-is.',
  defaultSeverity: 'information',
  requiresCompleteFile: false,
  docsUrl: findAttribute('processPath')!.docsUrl,
  check(document) {
    if (document.isTransform) return [];
    const findings: Finding[] = [];
    for (const section of document.sections) {
      for (const { attribute: name, placeholder, effect } of PLACEHOLDERS) {
        const attribute = getAttribute(section, name);
        const value = attribute ? completeValue(attribute) : undefined;
        if (!attribute || value === undefined) continue;
        for (const match of value.matchAll(placeholder)) {
          findings.push({
            message: `${match[0]} is set only by Visual Studio and IIS Express, and dotnet publish replaces it. If this file is deployed as-is, nothing defines it, IIS leaves the text unexpanded and ${effect}.`,
            ...valuePartSpan(attribute, match.index, match.index + match[0].length),
          });
        }
      }
    }
    return findings;
  },
};
