// Building and reading the commands' edit results (service/types.ts EditResult).

import type { Cannot, EditResult } from '../types';

export function cannot(reason: string): Cannot {
  return { cannot: reason };
}

export function isCannot(result: EditResult): result is Cannot {
  return 'cannot' in result;
}
