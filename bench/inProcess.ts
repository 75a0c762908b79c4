// Completion and hover latency when the service is called directly. The server parses once per document
// version, so most requests run on a cached model ("steady"); the first request after a keystroke also
// pays for the parse ("parse + completion").

import { getLanguageService } from '../server/src/service/languageService';
import type { Fixture } from './fixtures';
import type { Probe } from './probes';
import { type Summary, collectGarbage, summarizePasses, timeCall } from './stats';

export interface InProcessResult {
  readonly completion: Summary;
  readonly hover: Summary;
  readonly parseAndComplete: Summary;
}

export interface InProcessOptions {
  readonly warmUpRounds: number;
  /** The three measurements take turns pass by pass, so they share the machine's good and bad moments. */
  readonly passes: number;
  /** Rounds over every probe per pass for the steady figures; each call is one sample, so p99 sees outliers. */
  readonly roundsPerPass: number;
  readonly parsesPerPass: number;
}

export function benchInProcess(fixture: Fixture, probes: readonly Probe[], options: InProcessOptions): InProcessResult {
  const service = getLanguageService();
  const model = service.parseWebConfig(fixture.text);
  const complete = (probe: Probe) => service.doComplete(model, probe.offset);
  const hover = (probe: Probe) => service.doHover(model, probe.offset);
  const parseAndComplete = (probe: Probe) => service.doComplete(service.parseWebConfig(fixture.text), probe.offset);

  sampleEach(probes, options.warmUpRounds * probes.length, complete);
  sampleEach(probes, options.warmUpRounds * probes.length, hover);
  const passes = { completion: [] as number[][], hover: [] as number[][], parseAndComplete: [] as number[][] };
  for (let pass = 0; pass < options.passes; pass++) {
    collectGarbage();
    passes.completion.push(sampleEach(probes, options.roundsPerPass * probes.length, complete));
    passes.hover.push(sampleEach(probes, options.roundsPerPass * probes.length, hover));
    passes.parseAndComplete.push(sampleEach(probes, options.parsesPerPass, parseAndComplete));
  }
  return {
    completion: summarizePasses(passes.completion),
    hover: summarizePasses(passes.hover),
    parseAndComplete: summarizePasses(passes.parseAndComplete),
  };
}

/** `count` samples, cycling through the probes. */
function sampleEach(probes: readonly Probe[], count: number, run: (probe: Probe) => unknown): number[] {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const probe = probes[index % probes.length];
    samples.push(timeCall(() => run(probe)));
  }
  return samples;
}
