// Turns measurements into report rows: each figure with the baseline measured in the same run, their
// ratio, and the target where it sets one.

import type { ModelBuildResult } from './modelBuild';
import type { InProcessResult } from './inProcess';
import type { Summary } from './stats';
import type { ServerMemory, StdioFileResult } from './stdioBench';

export interface ResultRow {
  readonly figure: string;
  readonly unit: 'ms' | 'MB' | 'count';
  /** The median for timings; the single reading for memory. */
  readonly value: number;
  readonly p99: number | undefined;
  readonly baseline: { readonly name: string; readonly value: number };
  /** value / baseline. */
  readonly ratio: number;
  readonly target: { readonly text: string; readonly pass: boolean } | undefined;
}

/** The targets. */
const MODEL_BUILD_MAX_RATIO = 0.5;
const DIAGNOSTICS_MAX_RATIO = 1;
const IN_PROCESS_P99_MAX_MS = 2;
const SERVER_RSS_MAX_MB = 80;

/** Which input the target is about: the 40-line file for latency, the 1 MB file for build time and memory. */
export interface TargetInputs {
  readonly typical: string;
  readonly large: string;
}

const FAST_XML_PARSER = 'fast-xml-parser parse';

export function modelBuildRows(fileName: string, result: ModelBuildResult, inputs: TargetInputs): ResultRow[] {
  const ratioTarget = (measured: Summary, maxRatio: number) => {
    const ratio = measured.median / result.fastXmlParser.median;
    return fileName === inputs.large ? { text: `ratio <= ${maxRatio}x`, pass: ratio <= maxRatio } : undefined;
  };
  return [
    timingRow(`model build, ${fileName}`, result.ours, result.fastXmlParser, ratioTarget(result.ours, MODEL_BUILD_MAX_RATIO)),
    timingRow(`diagnostics pass, ${fileName}`, result.diagnostics, result.fastXmlParser, ratioTarget(result.diagnostics, DIAGNOSTICS_MAX_RATIO)),
  ];
}

export function inProcessRows(fileName: string, result: InProcessResult, parseBaseline: Summary, inputs: TargetInputs): ResultRow[] {
  const p99Target = (summary: Summary) =>
    fileName === inputs.typical ? { text: `p99 < ${IN_PROCESS_P99_MAX_MS} ms`, pass: summary.p99 < IN_PROCESS_P99_MAX_MS } : undefined;
  return [
    timingRow(`completion, ${fileName}, in process`, result.completion, parseBaseline, p99Target(result.completion)),
    timingRow(`hover, ${fileName}, in process`, result.hover, parseBaseline, p99Target(result.hover)),
    timingRow(`parse + completion, ${fileName}, in process`, result.parseAndComplete, parseBaseline, undefined),
  ];
}

export function stdioRows(fileName: string, result: StdioFileResult, parseBaseline: Summary): ResultRow[] {
  return [
    timingRow(`completion, ${fileName}, stdio`, result.completion, parseBaseline, undefined),
    timingRow(`hover, ${fileName}, stdio`, result.hover, parseBaseline, undefined),
    timingRow(`didChange + completion, ${fileName}, stdio`, result.editAndComplete, parseBaseline, undefined),
  ];
}

export function memoryRows(memory: ServerMemory, inputs: TargetInputs): ResultRow[] {
  const idle = { name: 'idle server RSS', value: memory.idleMb };
  const growth = memory.largeOpenMb - memory.idleMb;
  return [
    memoryRow(`server RSS, ${inputs.large} open and validated`, memory.largeOpenMb, idle, { text: `< ${SERVER_RSS_MAX_MB} MB`, pass: memory.largeOpenMb < SERVER_RSS_MAX_MB }),
    memoryRow(`server RSS growth, ${inputs.large} open and validated`, growth, idle, undefined),
    memoryRow('server peak RSS, after all edits', memory.peakMb, idle, undefined),
  ];
}

function timingRow(figure: string, measured: Summary, baseline: Summary, target: ResultRow['target']): ResultRow {
  return {
    figure,
    unit: 'ms',
    value: measured.median,
    p99: measured.p99,
    baseline: { name: FAST_XML_PARSER, value: baseline.median },
    ratio: measured.median / baseline.median,
    target,
  };
}

function memoryRow(figure: string, value: number, baseline: ResultRow['baseline'], target: ResultRow['target']): ResultRow {
  return { figure, unit: 'MB', value, p99: undefined, baseline, ratio: value / baseline.value, target };
}
