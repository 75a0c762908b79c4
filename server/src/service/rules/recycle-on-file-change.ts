// <recycleOnFileChange> is still in the schema for backward compatibility, but neither ANCM V2 nor V1 reads it:
// listing files there recycles nothing (the 1.x ASP.NET Core Module docs: "not used by the module";
// dotnet/AspNetCore.Docs#1965; the tables mark such collections readByAncm: false).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { findCollection } from '../../ancm/lookup';
import { elementNameSpan } from '../xmlEdit/spans';
import { removeElementFix } from './fixes';
import type { Finding, Rule } from './types';

export const recycleOnFileChange: Rule = {
  id: 'recycle-on-file-change',
  description: 'A <recycleOnFileChange> collection: valid schema, but ANCM never reads it.',
  defaultSeverity: 'information',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      if (section.startTagEnd === undefined) continue; // what follows an unclosed start tag is text being typed
      for (const child of section.children) {
        if (findCollection(child.name)?.readByAncm !== false) continue;
        findings.push({
          message:
            `ANCM never reads <${child.name}> (kept in the schema for old files): the files it lists recycle nothing. ` +
            'Changes to web.config and app_offline.htm already restart the app.',
          ...elementNameSpan(child),
          unnecessary: true,
          fixes: removeElementFix(`Remove <${child.name}>`, document.text, child, false),
        });
      }
    }
    return findings;
  },
};
