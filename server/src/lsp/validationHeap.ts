// A validation pass allocates a finding (message, fixes) for every problem it meets, and keeps only the first
// thousand (the issue cap). V8 learns from those survivors that the findings' allocation sites make long-lived
// objects and then allocates every later finding straight into the old generation, which only a full collection
// frees: on a 20 MB web.config with a problem on each of 300,000 entries the server's peak varied from 280 to 480 MB
// between runs. Turned off for the pass only, since elsewhere the same guess pays: the model a keystroke re-scans is
// long-lived, and without it a keystroke near the top of a 1 MB file took half again as long (p99).

import { setFlagsFromString } from 'node:v8';

export function withoutPretenuring<T>(run: () => T): T {
  setFlagsFromString('--no-allocation-site-pretenuring');
  try {
    return run();
  } finally {
    setFlagsFromString('--allocation-site-pretenuring');
  }
}
