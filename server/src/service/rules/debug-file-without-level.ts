// A debugFile with no debugLevel: ANCM opens (creates) the file but its debug flags stay 0, and every write
// checks the flags first, so the file stays empty (CommonLib/debugutil.cpp).

import { findHandlerSetting } from '../../ancm/lookup';
import { resolveEntries } from './entriesInEffect';
import { insertAfterElementFix } from './fixes';
import { escapeAttributeValue } from '../xmlEdit/edits';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const DEBUG_FILE = findHandlerSetting('debugFile')!;
const DEBUG_LEVEL = findHandlerSetting('debugLevel')!;
const SUGGESTED_LEVEL = DEBUG_LEVEL.values![0];

export const debugFileWithoutLevelRule: Rule = {
  id: 'debug-file-without-level',
  description: 'A debugFile handler setting without debugLevel: ANCM creates the file but writes nothing to it.',
  defaultSeverity: 'warning',
  requiresCompleteFile: true,
  docsUrl: DEBUG_FILE.docsUrl,
  check(document) {
    const entries = resolveEntries(document, 'handlerSettings');
    const findings: Finding[] = [];
    for (const entry of entries.inEffect) {
      if (findHandlerSetting(entry.name) !== DEBUG_FILE) continue;
      if (!entry.value || entries.find(entry.collectionElement, DEBUG_LEVEL.name)) continue;
      const markup = `<${entry.collection.addElement} name="${DEBUG_LEVEL.name}" value="${escapeAttributeValue(SUGGESTED_LEVEL, '"')}" />`;
      findings.push({
        message: `debugFile '${entry.value}' has no debugLevel: ANCM creates the file but writes nothing to it. Add a debugLevel handler setting, e.g. '${SUGGESTED_LEVEL}'.`,
        ...valueSpan(entry.nameAttribute!),
        fixes: insertAfterElementFix(`Add debugLevel '${SUGGESTED_LEVEL}'`, document.text, entry.element, markup, false),
      });
    }
    return findings;
  },
};
