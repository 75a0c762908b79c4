// Two V8 heap heuristics that guess wrong for one kind of work each, switched off for its duration only.
//
// Pretenuring, in a validation pass. A pass allocates a finding (message, fixes) for every problem it meets, and
// keeps only the first thousand (the issue cap). V8 learns from those survivors that the findings' allocation sites
// make long-lived objects and then allocates every later finding straight into the old generation, which only a
// full collection frees: on a 20 MB web.config with a problem on each of 300,000 entries the server's peak varied
// from 280 to 480 MB between runs. Elsewhere the same guess pays: the model a keystroke re-scans is long-lived, and
// without it a keystroke near the top of a 1 MB file took half again as long (p99).
//
// Young-generation growth, in a full parse. V8 doubles the young generation (up to 16 MB a half) each time more has
// survived a scavenge than it holds. A full parse makes a whole model at once, all of it surviving, so opening a
// 1 MB web.config grew it from 1 to 8 MB a half: 12 MB of the server's RSS for objects bound for the old generation
// anyway. While typing, where a larger young generation saves work, it still grows.

import { setFlagsFromString } from 'node:v8';

/** V8's --semi-space-growth-factor when none is given. */
const DEFAULT_SEMI_SPACE_GROWTH_FACTOR = 2;

export function withoutPretenuring<T>(run: () => T): T {
  setFlagsFromString('--no-allocation-site-pretenuring');
  try {
    return run();
  } finally {
    setFlagsFromString('--allocation-site-pretenuring');
  }
}

export function withoutYoungGenerationGrowth<T>(run: () => T): T {
  setFlagsFromString('--semi-space-growth-factor=1');
  try {
    return run();
  } finally {
    setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_SEMI_SPACE_GROWTH_FACTOR}`);
  }
}
