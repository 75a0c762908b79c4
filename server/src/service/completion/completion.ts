// Completion: find what the cursor is on, then ask the provider for that place.

import { cursorContext } from '../parse/cursorContext';
import { getAttribute } from '../parse/xmlDocument';
import type { CompletionEntry } from '../types';
import { type WebConfigDocument, documentHostingModel, enclosingSection } from '../webConfig';
import { completeAttributeName } from './attributeNameCompletion';
import { completeElement } from './elementCompletion';
import { type CasingStyle, pickCasingStyle } from './hostingModelCasing';
import { completeValue } from './valueCompletion';

export function doComplete(document: WebConfigDocument, offset: number): CompletionEntry[] {
  const context = cursorContext(document.xml, offset);
  switch (context.kind) {
    case 'none':
      return [];
    case 'attributeName': {
      const { element } = context;
      return completeAttributeName({
        element,
        attribute: context.attribute,
        site: context,
        hostingModel: documentHostingModel(document, element),
        casing: casingOf(document, element),
      });
    }
    case 'attributeValue': {
      const { element } = context;
      return completeValue({
        text: document.text,
        element,
        attribute: context.attribute,
        offset,
        site: context,
        hostingModel: documentHostingModel(document, element),
        casing: casingOf(document, element),
      });
    }
    case 'elementName':
    case 'content': {
      const { parent } = context;
      return completeElement({
        document,
        parent,
        element: context.kind === 'elementName' ? context.element : undefined,
        afterBracket: context.kind === 'elementName',
        site: context,
        hostingModel: documentHostingModel(document, parent),
        casing: casingOf(document, parent),
      });
    }
  }
}

/** The hostingModel casing to keep: the enclosing section's value first, then the other sections'. */
function casingOf(document: WebConfigDocument, element: Parameters<typeof enclosingSection>[0]): CasingStyle {
  const own = enclosingSection(element);
  const sections = own ? [own, ...document.sections.filter((section) => section !== own)] : document.sections;
  return pickCasingStyle(sections.map((section) => getAttribute(section, 'hostingModel')?.value));
}
