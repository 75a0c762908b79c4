// ANCM compares boolean handler settings with equals_ignore_case against one word: `trueOnly` settings are on
// only for "true", `notFalse` ones are on unless "false" (AspNetCore/ShimOptions.cpp,
// InProcessRequestHandler/InProcessOptions.cpp, RequestHandlerLib/requesthandler_config.cpp). `yes` or `1` do
// not mean what they seem.

import { appliesTo, findCollection, findHandlerSetting } from '../../ancm/lookup';
import { resolveEntries, sectionHostingModel } from './entriesInEffect';
import { valueFix } from './fixes';
import { valueOrAttributeSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const MEANS_TRUE = ['true', 'yes', 'y', '1', 'on', 'enable', 'enabled'];
const MEANS_FALSE = ['false', 'no', 'n', '0', 'off', 'disable', 'disabled'];

export const handlerSettingBooleanRule: Rule = {
  id: 'handler-setting-boolean',
  description: 'A boolean handler setting whose value is neither true nor false: ANCM reads it differently than it looks.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findCollection('handlerSettings')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const entry of resolveEntries(document, 'handlerSettings').inEffect) {
      const spec = findHandlerSetting(entry.name);
      if (!spec || (spec.valueSyntax !== 'trueOnly' && spec.valueSyntax !== 'notFalse')) continue;
      if (!appliesTo(spec.appliesTo, sectionHostingModel(document, entry.section))) continue;
      const value = entry.value;
      if (value === undefined || /^(true|false)$/i.test(value)) continue;
      const on = spec.valueSyntax === 'notFalse';
      const defaultOn = spec.defaultValue === 'true';
      // An empty value that reads as the default changes nothing (and is what a half-typed entry looks like).
      if (value === '' && on === defaultOn) continue;
      const reading = on ? "ANCM treats anything but 'false' as true" : "ANCM treats anything but 'true' as false";
      const effect = `${on === defaultOn ? 'leaves' : 'turns'} ${spec.name} ${on ? 'on' : 'off'}`;
      const meant = evidentBoolean(value);
      const attribute = entry.valueAttribute!;
      findings.push({
        message: `${reading}, so '${value}' ${effect}.${meant ? ` Write '${meant}'.` : " Write 'true' or 'false'."}`,
        ...valueOrAttributeSpan(attribute),
        fixes: meant ? [valueFix(`Change to '${meant}'`, attribute, meant, true)] : [],
      });
    }
    return findings;
  },
};

/** The boolean a yes/no-style word plainly stands for. */
function evidentBoolean(value: string): 'true' | 'false' | undefined {
  const word = value.trim().toLowerCase();
  if (MEANS_TRUE.includes(word)) return 'true';
  if (MEANS_FALSE.includes(word)) return 'false';
  return undefined;
}
