// ANCM looks handler settings up by name, case-insensitively (find_element / FindKeyValuePair in
// CommonLib/config_utility.h); a name it never asks for is silently ignored.

import { HANDLER_SETTINGS } from '../../ancm/handlerSettings';
import { findCollection, findHandlerSetting } from '../../ancm/lookup';
import { closestName } from './closestName';
import { resolveEntries } from './entriesInEffect';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Rule } from './types';

/** Names worth suggesting: the ones current ANCM reads (a retired name would only trade one warning for another). */
const CURRENT_NAMES = HANDLER_SETTINGS.filter((setting) => setting.retiredIn === undefined).map((setting) => setting.name);

export const unknownHandlerSettingRule: Rule = {
  id: 'unknown-handler-setting',
  description: 'A handler setting name ANCM does not read: the setting is ignored.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findCollection('handlerSettings')!.docsUrl,
  // A generator: every entry may name a different unknown setting, and the runner keeps only what it reports.
  *check(document) {
    for (const entry of resolveEntries(document, 'handlerSettings').inEffect) {
      const name = entry.name;
      if (findHandlerSetting(name)) continue;
      const suggestion = closestName(name, CURRENT_NAMES);
      const attribute = entry.nameAttribute!;
      yield {
        message: `ANCM does not read a handler setting named '${name}', so it ignores it.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        ...valueSpan(attribute),
        // Case-only differences are never reported (ANCM ignores case), so a rename is always a guess.
        fixes: suggestion ? [valueFix(`Rename to '${suggestion}'`, attribute, suggestion, false)] : [],
      };
    }
  },
};
