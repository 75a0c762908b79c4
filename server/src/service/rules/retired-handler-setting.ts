// Handler settings a newer ANCM no longer reads, from the table's retiredIn/replacedBy: ANCM 7 reads only
// enableShadowCopy and kept no fallback for experimentalEnableShadowCopy (REFERENCE §2.1; AspNetCore/ShimOptions.cpp,
// dotnet/aspnetcore#40961).

import { findCollection, findHandlerSetting } from '../../ancm/lookup';
import { resolveEntries } from './entriesInEffect';
import { removeElementFix, valueFix, valueSpan } from './ranges';
import type { Finding, Fix, Rule } from './types';

export const retiredHandlerSettingRule: Rule = {
  id: 'retired-handler-setting',
  description: 'A handler setting that current ANCM versions no longer read.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findCollection('handlerSettings')!.docsUrl,
  check(document) {
    const entries = resolveEntries(document, 'handlerSettings');
    const findings: Finding[] = [];
    for (const entry of entries.inEffect) {
      const spec = findHandlerSetting(entry.name);
      if (!spec?.retiredIn) continue;
      const replacement = spec.replacedBy;
      const attribute = entry.nameAttribute!;
      let fixes: Fix[] = [];
      let advice = '';
      if (replacement && entries.find(entry.collectionElement, replacement)) {
        advice = ` ${replacement} is already set, so this entry only matters on older ANCM versions.`;
        fixes = removeElementFix(`Remove ${spec.name}`, document.text, entry.element, false);
      } else if (replacement) {
        advice = ` Rename it to ${replacement}.`;
        fixes = [valueFix(`Rename to '${replacement}'`, attribute, replacement, true)];
      }
      findings.push({
        message: `ANCM stopped reading '${spec.name}' in ${spec.retiredIn}${replacement ? ` (it was replaced by '${replacement}', without a fallback)` : ''}, so current ANCM ignores it.${advice}`,
        ...valueSpan(attribute),
        deprecated: true,
        fixes,
      });
    }
    return findings;
  },
};
