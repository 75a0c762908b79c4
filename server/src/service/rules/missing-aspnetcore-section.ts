// A handler that maps ANCM with no <aspNetCore> section: ANCM then finds no processPath and fails
// every request with HTTP 500.0 ("Attribute 'processPath' is required.", AspNetCore/ShimOptions.cpp), unless a
// parent configuration supplies the section.

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import type { WebConfigDocument } from '../webConfig';
import type { Finding, Rule } from './types';
import { CONFIGURATION_LOAD_FAILURE_STATUS } from '../../ancm/configurationLoadFailure';

export const missingAspNetCoreSectionRule: Rule = {
  id: 'missing-aspnetcore-section',
  description: 'A handler maps the ASP.NET Core Module but the file has no <aspNetCore> section.',
  defaultSeverity: 'warning',
  requiresCompleteFile: true,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document: WebConfigDocument): Finding[] {
    if (document.sections.length > 0) return [];
    return document.handlers.map((handler) => ({
      message: `No <aspNetCore> section for this ANCM handler: unless a parent configuration provides one, ANCM has no processPath and every request gets ${CONFIGURATION_LOAD_FAILURE_STATUS}.`,
      start: handler.nameStart,
      end: handler.nameEnd,
    }));
  },
};
