// A value ANCM reads that holds a character the editor does not show: a bidi control (the "Trojan Source"
// embeddings, overrides and isolates), a zero-width space or joiner, U+FEFF, a soft hyphen, a control character.
// IIS hands attribute values to ANCM as written (CommonLib/WebConfigConfigurationSection.cpp reads them through IIS's
// admin manager, unchanged), so `processPath="dotnet<U+200B>"` names a program that does not exist and a
// reordered `arguments` runs another dll than the one the line seems to show. Covers every attribute of
// <aspNetCore> and its entries, and of the aspNetCore handler entry.

import { findAttribute } from '../../ancm/lookup';
import type { XmlElement } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';
import { codePointName, hasHiddenCharacter, showHiddenCharacters } from '../../protocol/hiddenCharacters';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const hiddenCharacterRule: Rule = {
  id: 'hidden-character',
  description: 'A value holding a character the editor does not show (bidi control, zero-width space, control character): ANCM reads it as written.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findAttribute('processPath')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const element of checkedElements(document)) {
      for (const attribute of element.attributes) {
        const value = attribute.value;
        if (value === undefined || !hasHiddenCharacter(value)) continue;
        const hidden = [...new Set(Array.from(value).filter(hasHiddenCharacter))];
        const cleaned = Array.from(value).filter((character) => !hasHiddenCharacter(character)).join('');
        findings.push({
          message:
            `${attribute.name} holds ${hidden.map(codePointName).join(', ')}, which the editor does not show: ANCM reads ` +
            `"${showHiddenCharacters(value)}". Remove ${hidden.length === 1 ? 'it' : 'them'} unless meant.`,
          ...valueSpan(attribute),
          // Not applied by fix-all: the character may be meant (a joiner inside a value's text).
          fixes: [{ ...valueFix('Remove the hidden characters', attribute, cleaned, false), preferred: false }],
        });
      }
    }
    return findings;
  },
};

/** The sections, everything in them, and the handler entries, one at a time (no array of a large file's elements). */
function* checkedElements(document: WebConfigDocument): Generator<XmlElement> {
  for (const section of document.sections) {
    const pending = [section];
    for (let element = pending.pop(); element; element = pending.pop()) {
      yield element;
      for (let index = element.children.length - 1; index >= 0; index--) pending.push(element.children[index]);
    }
  }
  yield* document.handlers;
}
