// Every rule, in the order their findings are listed when two start at the same place.

import { ENTRY_RULES } from './entryRules';
import { SECTION_RULES } from './sectionRules';
import type { Rule } from './types';
import { DOCUMENT_RULES } from './documentRules';

export const ALL_RULES: readonly Rule[] = [...DOCUMENT_RULES, ...SECTION_RULES, ...ENTRY_RULES];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
