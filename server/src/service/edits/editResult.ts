// What every edit function returns: the text edits to apply (possibly none, when the file already says
// what was asked), or the reason it cannot edit, worded for the user.

import type { TextEdit } from '../rules/types';

export interface Edits {
  readonly edits: readonly TextEdit[];
}

export interface Cannot {
  readonly cannot: string;
}

export type EditResult = Edits | Cannot;

export function cannot(reason: string): Cannot {
  return { cannot: reason };
}

export function isCannot(result: EditResult): result is Cannot {
  return 'cannot' in result;
}
