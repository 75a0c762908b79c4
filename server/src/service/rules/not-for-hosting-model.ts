// Some settings only mean something under one hosting model: ANCM's in-process handler never reads requestTimeout
// or rapidFailsPerMinute, and each handler reads only its own handler settings
// (InProcessRequestHandler/InProcessOptions.cpp, RequestHandlerLib/requesthandler_config.cpp). The tables' appliesTo
// says which model each one belongs to.

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { appliesTo, describeScope, findAttribute, findHandlerSetting } from '../../ancm/lookup';
import type { HostingModel } from '../../ancm/types';
import type { XmlElement } from '../parse/xmlDocument';
import { hostingModelOf } from '../webConfig';
import { collectionEntries } from './collectionEntries';
import { onlyOutOfProcessModules } from './invalid-hosting-model';
import { attributeSpan } from '../xmlEdit/spans';
import { completeValue, removeElementFix } from './fixes';
import { removeAttribute } from '../xmlEdit/edits';
import type { Finding, Rule } from './types';

export const notForHostingModel: Rule = {
  id: 'not-for-hosting-model',
  description: 'A setting that only applies to the other hosting model: ANCM ignores it.',
  defaultSeverity: 'warning',
  // In a transform, an absent hostingModel does not mean out-of-process: the base file decides.
  requiresCompleteFile: true,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    const v1Only = onlyOutOfProcessModules(document);
    for (const section of document.sections) {
      const model = effectiveHostingModel(section, v1Only);
      if (!model) continue;
      for (const attribute of section.attributes) {
        const spec = findAttribute(attribute.name);
        const value = completeValue(attribute);
        if (!spec || value === undefined || appliesTo(spec.appliesTo, model)) continue;
        // In-process there is exactly one app instance; processesPerApplication="1" says just that.
        if (spec.name === 'processesPerApplication' && !(Number(value) > 1)) continue;
        // Visual Studio's templates wrote forwardWindowsAuthToken into in-process configs for years; IIS
        // authenticates in-process apps itself, so the value is harmless there and not worth a warning.
        if (spec.name === 'forwardWindowsAuthToken') continue;
        findings.push({
          message: `ANCM ignores ${attribute.name} for ${describeModel(model)} apps (it is ${describeScope(spec.appliesTo)}).`,
          ...attributeSpan(attribute),
          unnecessary: true,
          fixes: [{ title: `Remove ${attribute.name}`, edits: [removeAttribute(document.text, attribute)], safe: false }],
        });
      }
    }
    for (const entry of collectionEntries(document, 'handlerSettings')) {
      const model = effectiveHostingModel(entry.section, v1Only);
      const name = entry.nameAttribute && completeValue(entry.nameAttribute);
      const spec = name === undefined ? undefined : findHandlerSetting(name);
      if (!model || !spec || appliesTo(spec.appliesTo, model)) continue;
      findings.push({
        message: `ANCM ignores the handler setting ${spec.name} for ${describeModel(model)} apps (it is ${describeScope(spec.appliesTo)}).`,
        start: entry.element.start,
        end: entry.element.end,
        unnecessary: true,
        fixes: removeElementFix(`Remove the ${spec.name} handler setting`, document.text, entry.element, false),
      });
    }
    return findings;
  },
};

function describeModel(model: HostingModel): string {
  return model === 'inprocess' ? 'in-process' : 'out-of-process';
}

/**
 * The hosting model the section really runs under, or undefined when that is unclear: an invalid hostingModel, or
 * in-process written for a file whose ANCM handlers all name ANCM V1, which never reads hostingModel (the handler
 * rules report that mismatch).
 */
function effectiveHostingModel(section: XmlElement, v1Only: boolean): HostingModel | undefined {
  const model = hostingModelOf(section);
  return model === 'inprocess' && v1Only ? undefined : model;
}
