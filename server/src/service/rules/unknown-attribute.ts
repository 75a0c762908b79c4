// IIS validates web.config against the installed schema before ANCM runs: an attribute the schema does not
// declare (names are case-sensitive) is a configuration error, HTTP 500.19 (AspNetCore/aspnetcore_schema_v2.xml).
// The general attributes IIS allows on every section element are not in the ANCM schema but are valid.

import { ASPNETCORE_ATTRIBUTES, ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { findCollection } from '../../ancm/lookup';
import type { XmlAttribute, XmlElement } from '../parse/xmlDocument';
import { closestName } from './closestName';
import { nameSpan } from '../xmlEdit/spans';
import { renameAttribute } from '../xmlEdit/edits';
import type { Finding, Rule } from './types';

export const CONFIG_SOURCE = 'configSource';

/**
 * Attributes the IIS configuration system accepts on any section element and its children, whatever the
 * section's schema says ("General Attributes Inherited by IIS Configuration", learn.microsoft.com aa347540).
 */
export const IIS_GENERAL_ATTRIBUTES: readonly string[] = [
  CONFIG_SOURCE,
  'lockAttributes',
  'lockAllAttributesExcept',
  'lockElements',
  'lockAllElementsExcept',
  'lockItem',
];

const SECTION_ATTRIBUTES = [...ASPNETCORE_ATTRIBUTES.map((attribute) => attribute.name), ...IIS_GENERAL_ATTRIBUTES];

export const unknownAttribute: Rule = {
  id: 'unknown-attribute',
  description: 'An attribute the aspNetCore schema does not declare: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  // A generator, handing over each element's findings as they come: the runner keeps only what it reports.
  *check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      checkElement(section, SECTION_ATTRIBUTES, findings);
      for (const child of section.children) {
        const collection = findCollection(child.name);
        if (!collection) continue; // unknown-element reports it
        checkElement(child, IIS_GENERAL_ATTRIBUTES, findings);
        const entryAttributes = [...collection.attributes.map((attribute) => attribute.name), ...IIS_GENERAL_ATTRIBUTES];
        for (const entry of child.children) {
          if (entry.name === collection.addElement) {
            checkElement(entry, entryAttributes, findings);
          } else if (entry.name === collection.clearElement) {
            checkElement(entry, IIS_GENERAL_ATTRIBUTES, findings);
          }
          yield* findings;
          findings.length = 0;
        }
      }
      yield* findings;
      findings.length = 0;
    }
  },
};

/** Namespace declarations, XDT instructions and any other prefixed attribute belong to other XML vocabularies. */
function isForeignAttribute(attribute: XmlAttribute): boolean {
  return attribute.name === 'xmlns' || attribute.name.includes(':');
}

function checkElement(element: XmlElement, known: readonly string[], findings: Finding[]): void {
  const present = new Set(element.attributes.map((attribute) => attribute.name));
  for (const attribute of element.attributes) {
    if (isForeignAttribute(attribute) || known.includes(attribute.name)) continue;
    const suggestion = closestName(attribute.name, known);
    const alreadyPresent = suggestion !== undefined && present.has(suggestion);
    const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
    findings.push({
      message: `<${element.name}> has no attribute '${attribute.name}' (names are case-sensitive): IIS rejects the file (HTTP 500.19).${hint}`,
      ...nameSpan(attribute),
      fixes:
        suggestion === undefined || alreadyPresent
          ? []
          : [
              {
                title: `Rename to '${suggestion}'`,
                edits: [renameAttribute(attribute, suggestion)],
                safe: suggestion.toLowerCase() === attribute.name.toLowerCase(),
              },
            ],
    });
  }
}
