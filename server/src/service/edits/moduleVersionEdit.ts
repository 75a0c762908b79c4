// Switches ANCM V1 handler entries (modules="AspNetCoreModule") to V2. V1 never reads hostingModel and runs
// the app out-of-process whatever it says, so going in-process needs V2 (V1's aspnetcoreconfig.h in
// aspnet/IISIntegration src/AspNetCoreModuleV1 has no hostingModel). Every V1 entry in
// the file is switched: the handler and the section of one app sit side by side, and a file that mixes the
// two modules serves no purpose once V1 is gone.

import { ANCM_MODULES } from '../../ancm/modules';
import { type XmlElement, getAttribute } from '../parse/xmlDocument';
import type { TextEdit } from '../types';
import { type WebConfigDocument, moduleOf } from '../webConfig';
import type { EditResult } from '../types';
import { cannot } from './editResult';
import { replaceAttributeValue } from '../xmlEdit/edits';

export const V2_MODULE = ANCM_MODULES.find((module) => module.majorVersion === 2)!;

/** The handler entries that name a module without in-process support (V1). */
export function v1Handlers(document: WebConfigDocument): XmlElement[] {
  return document.handlers.filter((handler) => moduleOf(handler)?.supportsInProcess === false);
}

export function switchHandlersToV2(document: WebConfigDocument): EditResult {
  const handlers = v1Handlers(document);
  if (handlers.length === 0) return cannot('No handler entry uses the V1 module (AspNetCoreModule).');
  const edits: TextEdit[] = [];
  for (const handler of handlers) {
    const modules = getAttribute(handler, 'modules')!;
    if (!modules.valueClosed) return cannot('The modules attribute of the aspNetCore handler is not complete (it needs a quoted value).');
    edits.push(replaceAttributeValue(modules, V2_MODULE.name)!);
  }
  return { edits };
}
