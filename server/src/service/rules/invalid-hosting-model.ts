// The schema types hostingModel as a plain string, so IIS accepts anything; ANCM compares it case-insensitively with
// inprocess/outofprocess (empty = out-of-process) and fails the configuration load on anything else, HTTP 500.0 and
// event 1034 (AspNetCore/ShimOptions.cpp; the event from AspNetCore/applicationinfo.cpp).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { findAttribute } from '../../ancm/lookup';
import type { HostingModel } from '../../ancm/types';
import { casingStyleOf, writeHostingModel } from '../completion/hostingModelCasing';
import { type XmlAttribute, getAttribute } from '../parse/xmlDocument';
import { type WebConfigDocument, hostingModelOf, moduleOf } from '../webConfig';
import { closestName } from './closestName';
import { completeValue, valueFix } from './fixes';
import { valueOrAttributeSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';
import { CONFIGURATION_LOAD_FAILURE_STATUS } from '../../ancm/configurationLoadFailure';

const HOSTING_MODEL = 'hostingModel';
const HOSTING_MODELS: readonly HostingModel[] = ['inprocess', 'outofprocess'];

export const invalidHostingModel: Rule = {
  id: 'invalid-hosting-model',
  description: `A hostingModel other than inprocess or outofprocess (any casing): ANCM fails to start the app with ${CONFIGURATION_LOAD_FAILURE_STATUS}.`,
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: findAttribute(HOSTING_MODEL)?.docsUrl ?? ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      // The attribute hostingModelOf reads; a repeated attribute is a well-formedness error, reported elsewhere.
      const attribute = getAttribute(section, HOSTING_MODEL);
      const value = attribute && completeValue(attribute);
      if (!attribute || value === undefined || hostingModelOf(section) !== undefined) continue;
      const ancmError = `${CONFIGURATION_LOAD_FAILURE_STATUS} ("Unknown hosting model '${value}'")`;
      const v1Only = onlyOutOfProcessModules(document);
      findings.push({
        message: v1Only
          ? `hostingModel '${value}' is not a value ANCM accepts: ANCM V1 never reads it (the app runs out-of-process), but V2 would fail with ${ancmError}.`
          : `hostingModel '${value}' is not a value ANCM accepts: the app fails to start with ${ancmError}. Use inprocess or outofprocess (any case).`,
        ...valueOrAttributeSpan(attribute),
        severity: v1Only ? 'warning' : undefined,
        fixes: hostingModelFixes(attribute, value),
      });
    }
    return findings;
  },
};

/**
 * Whether every ANCM handler in the file names a module that cannot host in-process: ANCM V1, which never reads
 * hostingModel (aspnet/IISIntegration src/AspNetCoreModuleV1/AspNetCore/Inc/aspnetcoreconfig.h has none). False
 * when the file maps no handler, since the module is then set elsewhere.
 */
export function onlyOutOfProcessModules(document: WebConfigDocument): boolean {
  return document.handlers.length > 0 && document.handlers.every((handler) => moduleOf(handler)?.supportsInProcess === false);
}

function hostingModelFixes(attribute: XmlAttribute, value: string): Fix[] {
  const style = casingStyleOf(value) ?? 'lower';
  const fix = (model: HostingModel, safe: boolean) => {
    const written = writeHostingModel(model, style);
    return valueFix(`Change to '${written}'`, attribute, written, safe);
  };
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  const exact = HOSTING_MODELS.find((model) => model === letters);
  if (exact) return [fix(exact, true)]; // `in-process`, ` InProcess `, `Out_Of_Process`
  if (letters.includes('proc')) {
    // `InProc`, `OutOfProc`, `outproc`: the first word decides.
    if (letters.startsWith('out')) return [fix('outofprocess', true)];
    if (letters.startsWith('in')) return [fix('inprocess', true)];
  }
  const closest = HOSTING_MODELS.find((model) => model === closestName(letters, HOSTING_MODELS));
  if (closest) return [fix(closest, false)];
  return HOSTING_MODELS.map((model) => fix(model, false));
}
