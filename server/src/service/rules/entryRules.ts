// The rules about handler settings and environment variables.

import type { Rule } from './types';

export const ENTRY_RULES: readonly Rule[] = [];
