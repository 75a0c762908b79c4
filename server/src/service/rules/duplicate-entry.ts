// IIS has no key for these collections, so it keeps entries with the same name; ANCM then reads one of them,
// comparing names case-insensitively: the last environment variable (std::map insert_or_assign) and the first
// handler setting (find_element) (CommonLib/ConfigurationSection.cpp, CommonLib/config_utility.h).

import { COLLECTIONS_ANCM_READS } from '../../ancm/collections';
import { findCollection } from '../../ancm/lookup';
import { resolveEntries } from './entriesInEffect';
import { removeElementFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Rule } from './types';


export const duplicateEntryRule: Rule = {
  id: 'duplicate-entry',
  description: 'Two entries with the same name (ignoring case) in one collection: ANCM reads only one of them.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findCollection('environmentVariables')!.docsUrl,
  // A generator: a collection may hold a duplicate on every one of 300,000 entries, and the runner keeps only
  // the findings it reports (validation.ts, CappedIssues).
  *check(document) {
    // In an XDT transform same-named entries are usually separate instructions (Remove, then Insert).
    if (document.isTransform) return;
    for (const { name: collectionName } of COLLECTIONS_ANCM_READS) {
      for (const { entry, winner } of resolveEntries(document, collectionName).shadowed) {
        const lastWins = entry.collection.duplicatePolicy === 'lastWins';
        const sameValue = winner.value !== undefined && winner.value === entry.value;
        yield {
          message:
            `ANCM ignores this ${entry.collection.addElement}: the ${lastWins ? 'later' : 'earlier'} entry named '${winner.name}'` +
            `${winner.value === undefined ? '' : ` (value '${winner.value}')`} wins (in ${entry.collection.name} the ${lastWins ? 'last' : 'first'} one wins; names ignore case).`,
          ...valueSpan(entry.nameAttribute!),
          unnecessary: true,
          // Removing an exact copy changes nothing; otherwise the user may have meant the ignored value.
          fixes: removeElementFix(`Remove this ignored ${entry.collection.addElement}`, document.text, entry.element, sameValue),
        };
      }
    }
  },
};
