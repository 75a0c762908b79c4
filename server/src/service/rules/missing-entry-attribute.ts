// IIS requires the attributes the schema marks required="true" on every collection entry, and rejects an empty one
// marked nonEmptyString: HTTP 500.19 (AspNetCoreModuleV2/AspNetCore/aspnetcore_schema_v2.xml, the collections' attributes). An empty environment variable or
// handler setting value is fine. IIS matches attribute names case-sensitively, so `Value=` does not supply `value`:
// the fix renames it, keeping what the user wrote, and only without one does it add an empty value.

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { ASPNETCORE_COLLECTIONS } from '../../ancm/collections';
import type { CollectionAttributeSpec } from '../../ancm/types';
import { type XmlElement, getAttribute } from '../parse/xmlDocument';
import { entryElements } from './collectionEntries';
import { attributeSpan, elementNameSpan } from '../xmlEdit/spans';
import { completeValue } from './fixes';
import { insertAttributeAfter, insertAttributesAfterName, renameAttribute } from '../xmlEdit/edits';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';

export const missingEntryAttribute: Rule = {
  id: 'missing-entry-attribute',
  description: 'A collection entry without a required attribute, or with an empty name or path: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: true,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  // A generator, handing over each entry's findings as they come: the runner keeps only what it reports.
  *check(document) {
    const findings: Finding[] = [];
    for (const collection of ASPNETCORE_COLLECTIONS) {
      for (const element of entryElements(document, collection.name)) {
        // Still being typed, or an XDT instruction (Remove, Locator) rather than an entry.
        const typing = element.startTagEnd === undefined || element.attributes.some((attribute) => completeValue(attribute) === undefined);
        if (typing || element.attributes.some((attribute) => attribute.name.startsWith('xdt:'))) continue;
        for (const spec of collection.attributes) {
          const attribute = getAttribute(element, spec.name);
          if (!attribute && spec.required) {
            const miscased = element.attributes.filter((candidate) => candidate.name !== spec.name && candidate.name.toLowerCase() === spec.name.toLowerCase());
            if (miscased.length > 0) {
              findings.push({
                message:
                  `<${element.name}> needs a ${spec.name} attribute, and '${miscased[0].name}' is not it (attribute names are case-sensitive): ` +
                  'IIS rejects the file (HTTP 500.19).',
                ...elementNameSpan(element),
                // With two wrongly cased candidates the user has to pick which value to keep.
                fixes: miscased.map((candidate) => ({
                  title: `Rename '${candidate.name}' to '${spec.name}', keeping its value`,
                  edits: [renameAttribute(candidate, spec.name)],
                  safe: miscased.length === 1,
                })),
              });
              continue;
            }
            findings.push({
              message: `<${element.name}> needs a ${spec.name} attribute${spec.nonEmpty ? '' : ' (it may be empty)'}: IIS rejects the file (HTTP 500.19).`,
              ...elementNameSpan(element),
              fixes: spec.nonEmpty ? [] : [addEmptyAttribute(element, spec)],
            });
          } else if (attribute?.value === '' && spec.nonEmpty) {
            findings.push({
              message: `The ${spec.name} of <${element.name}> must not be empty: IIS rejects the file (HTTP 500.19).`,
              ...attributeSpan(attribute),
            });
          }
        }
        yield* findings;
        findings.length = 0;
      }
    }
  },
};

/** Adds `value=""` after the last attribute: the only required attribute with a value that needs no guessing. */
function addEmptyAttribute(element: XmlElement, spec: CollectionAttributeSpec): Fix {
  const anchor = element.attributes.at(-1);
  return {
    title: `Add ${spec.name}=""`,
    edits: [anchor ? insertAttributeAfter(anchor, spec.name, '') : insertAttributesAfterName(element, [[spec.name, '']])],
    safe: false,
  };
}
