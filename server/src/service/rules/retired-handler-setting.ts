// Handler settings a newer ANCM no longer reads, from the table's retiredIn/replacedBy: ANCM 7 reads only
// enableShadowCopy and kept no fallback for experimentalEnableShadowCopy (AspNetCore/ShimOptions.cpp,
// dotnet/aspnetcore#40961).

import { findCollection, findHandlerSetting } from '../../ancm/lookup';
import { resolveEntries } from './entriesInEffect';
import { removeElementFix, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';

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
        advice = ` ${replacement} is already set; this only matters to older ANCM.`;
        fixes = removeElementFix(`Remove ${spec.name}`, document.text, entry.element, false);
      } else if (replacement) {
        advice = ` Rename it to ${replacement}.`;
        fixes = [valueFix(`Rename to '${replacement}'`, attribute, replacement, true)];
      }
      findings.push({
        message: `'${spec.name}' is retired: ANCM ignores it since ${spec.retiredIn}${replacement ? ` (replaced by '${replacement}', no fallback)` : ''}.${advice}`,
        ...valueSpan(attribute),
        deprecated: true,
        fixes,
      });
    }
    return findings;
  },
};
