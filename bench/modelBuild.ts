// Model build and a full diagnostics pass: our tolerant parse (`parseWebConfig`), and parse plus every
// rule, against fast-xml-parser's `XMLParser.parse` of the same text. The two alternate round by round, and which goes first alternates too, so that a burst of
// load on the shared machine lands on both rather than on one.

import { XMLParser } from 'fast-xml-parser';
import { getLanguageService } from '../server/src/service/languageService';
import type { Fixture } from './fixtures';
import { type Summary, batchSize, collectGarbage, summarize, timeBatch } from './stats';

export interface ModelBuildResult {
  readonly ours: Summary;
  readonly fastXmlParser: Summary;
  /** A full diagnostics pass as the server runs it after an edit: parse, then every rule. */
  readonly diagnostics: Summary;
}

export interface ModelBuildOptions {
  readonly rounds: number;
  /** Each sample is the mean of a batch lasting about this long (small inputs parse in microseconds). */
  readonly batchMs: number;
}

export function benchModelBuild(fixture: Fixture, options: ModelBuildOptions): ModelBuildResult {
  const service = getLanguageService();
  // Attributes on: our model keeps every attribute, so the baseline must build them too.
  const parser = new XMLParser({ ignoreAttributes: false });
  const contenders = [
    () => service.parseWebConfig(fixture.text),
    () => parser.parse(fixture.text),
    () => service.doValidation(service.parseWebConfig(fixture.text)),
  ] as const;
  const batches = contenders.map((run) => warmUp(run, options.batchMs));
  const samples: [number[], number[], number[]] = [[], [], []];
  collectGarbage();
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const which of order) samples[which].push(timeBatch(contenders[which], batches[which]));
  }
  return { ours: summarize(samples[0]), fastXmlParser: summarize(samples[1]), diagnostics: summarize(samples[2]) };
}

/** Runs the parser until the JIT has settled, then sizes its batch. */
function warmUp(run: () => unknown, batchMs: number): number {
  const deadline = performance.now() + Math.max(200, batchMs * 5);
  while (performance.now() < deadline) run();
  return batchSize(run, batchMs);
}
