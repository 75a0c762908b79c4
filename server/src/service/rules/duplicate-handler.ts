// IIS keys the <handlers> collection by name: adding a name that is already in the collection is a configuration
// error, HTTP 500.19 ("Cannot add duplicate collection entry of type 'add' with unique key attribute 'name'",
// IIS configuration reference, https://learn.microsoft.com/iis/configuration/system.webserver/handlers/add: name is
// "the unique name of the handler mapping"). Entries count from the last <clear/>, and <remove name> takes one out, so the SDK's
// `<remove name="aspNetCore" />` before `<add name="aspNetCore" …>` is fine. Each <location path> is its own
// configuration path; names are compared exactly, as the common case is an exact copy.

import { HANDLER_ENTRY_DOCS } from '../../ancm/modules';
import { getAttribute, type XmlElement } from '../parse/xmlDocument';
import { isHandlerEntry, type WebConfigDocument } from '../webConfig';
import { systemWebServerElements } from './misplaced-collection';
import { removeElementFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const duplicateHandlerRule: Rule = {
  id: 'duplicate-handler',
  description: 'A second aspNetCore handler entry with the same name: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: HANDLER_ENTRY_DOCS.docsUrl,
  check(document) {
    if (document.isTransform) return [];
    const findings: Finding[] = [];
    const entriesByScope = new Map<string, Map<string, XmlElement>>();
    for (const systemWebServer of systemWebServerElements(document)) {
      const scope = scopeOf(systemWebServer);
      let entries = entriesByScope.get(scope);
      if (!entries) entriesByScope.set(scope, (entries = new Map()));
      for (const handlers of systemWebServer.children.filter((child) => child.name === 'handlers')) {
        for (const entry of handlers.children) {
          const name = getAttribute(entry, 'name')?.value;
          if (entry.name === 'clear') entries.clear();
          else if (entry.name === 'remove' && name !== undefined) entries.delete(name);
          else if (entry.name === 'add' && name !== undefined) {
            const first = entries.get(name);
            if (!first) {
              entries.set(name, entry);
              continue;
            }
            if (!isHandlerEntry(first) && !isHandlerEntry(entry)) continue;
            findings.push(duplicateFinding(document, entry, first, name));
          }
        }
      }
    }
    return findings;
  },
};

function duplicateFinding(document: WebConfigDocument, entry: XmlElement, first: XmlElement, name: string): Finding {
  const line = document.text.slice(0, first.start).split(/\r\n|\r|\n/).length; // a lone CR ends a line too (XML 1.0, 2.11)
  const identical = document.text.slice(entry.start, entry.end) === document.text.slice(first.start, first.end);
  return {
    message: `A handler named '${name}' is already added on line ${line}: handler names must be unique, so IIS rejects the file (HTTP 500.19). Keep one entry.`,
    ...valueSpan(getAttribute(entry, 'name')!),
    fixes: removeElementFix('Remove this duplicate handler entry', document.text, entry, identical),
  };
}

/** The configuration path a <system.webServer> applies to: the file's level, or its <location path>. */
function scopeOf(systemWebServer: XmlElement): string {
  const location = systemWebServer.parent;
  if (location?.name !== 'location') return '';
  return `location:${(getAttribute(location, 'path')?.value?.trim() || '.').toLowerCase()}`;
}
