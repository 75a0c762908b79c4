// The typed values of every <aspNetCore> section: the walk the value rules share. Values still being
// typed (no closing quote yet) are left out.

import { findAttribute } from '../../ancm/lookup';
import type { AttributeSpec, AttributeValueType } from '../../ancm/types';
import type { XmlAttribute } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';
import { completeValue } from './fixes';

export interface SectionValue {
  readonly attribute: XmlAttribute;
  readonly value: string;
  readonly spec: AttributeSpec;
}

export function* sectionValuesOfType(document: WebConfigDocument, valueType: AttributeValueType): Generator<SectionValue> {
  for (const section of document.sections) {
    for (const attribute of section.attributes) {
      const spec = findAttribute(attribute.name);
      const value = completeValue(attribute);
      if (spec?.valueType === valueType && value !== undefined) yield { attribute, value, spec };
    }
  }
}
