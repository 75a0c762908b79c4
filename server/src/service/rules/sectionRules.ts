// The rules about the <aspNetCore> element, its attributes and its collections' shape.

import type { Rule } from './types';

export const SECTION_RULES: readonly Rule[] = [];
