// A startup verdict per worker process: from a site's entries across the stdout files, the ANCM debug log and Event Log
// text, grouped by process id, the steps of the start (hostfxr resolved → request handler loaded → CLR started →
// listening, or failed) and one line that says how it went:
//   PID 4752 did not start: framework Microsoft.AspNetCore.App 8.0.0 not found (found 6.0.25) → install the .NET 8 Hosting Bundle (x64)
//   PID 4752 started in 1.8 s (startupTimeLimit 120 s)
// Pure: entries go in (with the causes explainLog.ts found in them), verdicts come out. It keeps a few facts per process,
// never the entries, so the language server can feed it a session's entries for as long as the session runs.
//
// The steps are ANCM's own debug-log messages (ancm/debugLogCatalog.ts; a test checks each prefix is the start of a
// catalog format) and the app's Microsoft.Hosting.Lifetime lines ("Now listening on:", "Application started.").

import { findAttribute } from '../ancm/lookup';
import { findFailureCause } from '../ancm/failureCauses';
import { MissingFrameworkReader, describeMissingFramework, missingFrameworkFix } from '../ancm/hostfxrMessages';
import type { LogSource } from '../protocol/levels';
import type { StartupStep, StartupStepKind, StartupVerdict } from '../protocol/logs';
import { explainLogEntryIds } from './explainLog';
import type { LogEntry } from './types';

/** What the verdicts read of an entry (a LogEntry or a LogEntryMessage fits, with its causes). */
export interface VerdictEntry {
  readonly source?: LogSource;
  readonly time?: string | undefined;
  readonly pid?: number | undefined;
  readonly message: string;
  readonly text: string;
  /** stdout files: the worker's start time from the file name (ISO). */
  readonly processStart?: string | undefined;
  readonly eventId?: number | undefined;
  readonly origin?: string | undefined;
  /** The failure causes the entry shows (explainLog.ts ids); found here when absent. */
  readonly causes?: readonly string[] | undefined;
}

/** The start of a message that marks a step, and the step. */
export const STARTUP_STEP_MESSAGES: readonly (readonly [string, StartupStepKind, string])[] = [
  // CommonLib/HostFxrResolver.cpp, HostFxrResolutionResult.cpp
  ["hostfxr.dll located at '", 'hostfxr', 'hostfxr resolved'],
  ["hostfxr.dll found app local at '", 'hostfxr', 'hostfxr resolved (app local)'],
  ["hostFxrDllpath '", 'hostfxr', 'hostfxr resolved'],
  ['Parsed hostfxr options: ', 'hostfxr', 'hostfxr resolved'],
  // AspNetCore/HandlerResolver.cpp, applicationinfo.cpp
  ['Loading request handler:  ', 'handler', 'request handler loaded'],
  ['Creating handler application', 'handler', 'request handler loaded'],
  // InProcessRequestHandler/inprocessapplication.cpp
  ['Starting in-process worker thread', 'clr', 'CLR started'],
  ['In-process callbacks set', 'clr', 'CLR started'],
];

/** Event texts (in the debug log's `Event Log: '…'` lines and in events) that say the app is up. */
const STARTED_EVENT = /^(?:Event Log: ')?Application '[^'\r\n]{0,400}' (?:started successfully|started the coreclr in-process successfully|started process '\d+' successfully and process '\d+' is listening on port '(\d+)')/;
/** The app's own lines (Microsoft.Hosting.Lifetime). */
const NOW_LISTENING = 'Now listening on: ';
const APPLICATION_STARTED = 'Application started.';
/** The header ANCM writes when a process opens its debug log names the process (older logs have no PID prefix). */
const HEADER_PID = /^Initializing logs for '[^'\r\n]{0,500}'\. Process Id: (\d{1,10})\./;

/** Causes that say a start failed without saying why: a more telling one in the same process goes first. */
const GENERIC_CAUSES: ReadonlySet<string> = new Set([
  'module-call-failed',
  'in-process-start-failed',
  'in-process-handler-not-found',
  'process-start-failed',
  'host-failed',
  'clr-exception',
  'worker-process-crashed',
  'rapid-fail-protection',
]);

/** Processes kept; the oldest go first. */
const MAX_PROCESSES = 50;
const MAX_CAUSES = 20;
const MAX_STEP_TEXT = 160;

const STARTUP_TIME_LIMIT_DEFAULT = Number(findAttribute('startupTimeLimit')?.defaultValue ?? '120');

/** web.config's startupTimeLimit as ANCM reads it (seconds), its default when absent or not a number. */
export function startupTimeLimitOf(value: string | undefined): number {
  const seconds = value === undefined ? Number.NaN : Number(value.trim());
  return Number.isFinite(seconds) && seconds >= 0 && value!.trim() !== '' ? seconds : STARTUP_TIME_LIMIT_DEFAULT;
}

export interface StartupVerdictOptions {
  /** Seconds (web.config's startupTimeLimit); the summary of a healthy start says its time against it. */
  readonly startupTimeLimit?: number;
}

interface Step extends StartupStep {
  readonly seq: number;
}

class ProcessStart {
  readonly steps = new Map<StartupStepKind, Step>();
  readonly causes: string[] = [];
  readonly framework = new MissingFrameworkReader();
  /** Earliest known start: the stdout file name's time, the debug log header's time. */
  startTime: string | undefined;
  /** The first entry's time, when nothing better is known. */
  firstTime: string | undefined;
  lastSeq = 0;

  constructor(readonly pid: number | undefined) {}
}

export class StartupVerdicts {
  private readonly processes = new Map<string, ProcessStart>();
  /** Per source, the process its last entry with a PID (or a debug-log header) named: entries without one belong to it. */
  private readonly lastPid = new Map<string, number>();
  private seq = 0;

  constructor(private readonly options: StartupVerdictOptions = {}) {}

  /** Reads one entry; `sourceKey` tells files apart (entries without a PID follow their file's last header). */
  add(entry: VerdictEntry, sourceKey = ''): void {
    const seq = ++this.seq;
    const message = entry.message || entry.text;
    const header = HEADER_PID.exec(message);
    const pid = entry.pid ?? (header ? Number(header[1]) : this.lastPid.get(sourceKey));
    if (pid !== undefined) this.lastPid.set(sourceKey, pid);
    const key = pid === undefined ? '' : String(pid);
    let process = this.processes.get(key);
    if (!process) {
      if (this.processes.size >= MAX_PROCESSES) this.processes.delete(this.processes.keys().next().value!);
      process = new ProcessStart(pid);
      this.processes.set(key, process);
    }
    process.lastSeq = seq;
    if (entry.time !== undefined) process.firstTime ??= entry.time;
    if (entry.processStart !== undefined) process.startTime = earlier(process.startTime, entry.processStart);
    if (header && entry.time !== undefined) process.startTime = earlier(process.startTime, entry.time);
    process.framework.read(entry.text);

    const step = stepOf(message);
    if (step) {
      const seen = process.steps.get(step.kind);
      if (!seen) process.steps.set(step.kind, { ...step, seq, ...(entry.time !== undefined && { time: entry.time }) });
      // A stdout line has no time: ANCM's line for the same step (its event) gives one.
      else if (seen.time === undefined && entry.time !== undefined) process.steps.set(step.kind, { ...seen, time: entry.time });
    }
    const causes = entry.causes ?? explainLogEntryIds(entry);
    if (causes.length > 0) {
      for (const cause of causes) if (!process.causes.includes(cause) && process.causes.length < MAX_CAUSES) process.causes.push(cause);
      if (!process.steps.has('failed')) process.steps.set('failed', { kind: 'failed', text: firstLine(message), seq, ...(entry.time !== undefined && { time: entry.time }) });
    }
  }

  /** A verdict per process that showed a step or a failure, in the order the processes were first seen. */
  verdicts(): StartupVerdict[] {
    const verdicts: StartupVerdict[] = [];
    for (const process of this.processes.values()) {
      const verdict = this.verdictOf(process);
      if (verdict) verdicts.push(verdict);
    }
    return verdicts;
  }

  private verdictOf(process: ProcessStart): StartupVerdict | undefined {
    if (process.steps.size === 0) return undefined;
    const who = process.pid === undefined ? 'The worker process' : `PID ${process.pid}`;
    const steps = [...process.steps.values()].sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...step }) => step);
    const listening = process.steps.get('listening');
    const failed = process.steps.get('failed');
    const startTime = process.startTime ?? process.firstTime;
    const limit = this.options.startupTimeLimit;
    const common = {
      ...(process.pid !== undefined && { pid: process.pid }),
      causes: orderCauses(process.causes, process.framework.result !== undefined),
      steps,
      ...(startTime !== undefined && { startTime }),
      ...(limit !== undefined && { startupTimeLimit: limit }),
    };
    const seconds = listening?.time !== undefined && startTime !== undefined ? secondsBetween(startTime, listening.time) : undefined;
    const failedFirst = failed !== undefined && (listening === undefined || happenedBefore(failed, listening));
    if (failed && failedFirst) {
      return { ...common, outcome: 'failed', summary: `${who} did not start: ${this.problem(process, common.causes)}` };
    }
    if (listening) {
      const took = seconds === undefined ? '' : ` in ${formatSeconds(seconds)}`;
      const against = limit === undefined ? '' : seconds !== undefined && seconds > limit ? ` (over its startupTimeLimit of ${limit} s)` : ` (startupTimeLimit ${limit} s)`;
      const later = failed ? `; later: ${this.problem(process, common.causes)}` : '';
      return { ...common, outcome: 'started', summary: `${who} started${took}${against}${later}`, ...(seconds !== undefined && { startupSeconds: seconds }) };
    }
    const last = steps.at(-1)!;
    const limitText = limit === undefined ? '' : ` (startupTimeLimit ${limit} s)`;
    return { ...common, outcome: 'starting', summary: `${who} is starting: ${last.text}, not listening yet${limitText}` };
  }

  /** `framework ... not found (found ...) -> install ...`, else the cause's meaning and its first fix. */
  private problem(process: ProcessStart, causes: readonly string[]): string {
    const framework = process.framework.result;
    if (framework && (causes.length === 0 || causes[0] === 'framework-not-found' || causes.includes('framework-not-found'))) {
      return `${describeMissingFramework(framework)} → ${missingFrameworkFix(framework)}`;
    }
    const cause = causes.length > 0 ? findFailureCause(causes[0]) : undefined;
    if (!cause) return 'a failure the log shows (see the entries of this process)';
    const fix = cause.fix[0];
    return `${sentence(cause.meaning)}${fix ? ` → ${sentence(fix)}` : ''}`;
  }
}

/** Verdicts over a whole log (the command line, a log opened in the editor): each entry explained here. */
export function startupVerdictsOf(entries: Iterable<LogEntry & { readonly causes?: readonly string[] }>, options: StartupVerdictOptions = {}): StartupVerdict[] {
  const verdicts = new StartupVerdicts(options);
  for (const entry of entries) verdicts.add(entry, entry.file);
  return verdicts.verdicts();
}

function stepOf(message: string): Omit<StartupStep, 'time'> | undefined {
  for (const [prefix, kind, text] of STARTUP_STEP_MESSAGES) if (message.startsWith(prefix)) return { kind, text };
  if (message.startsWith(NOW_LISTENING)) return { kind: 'listening', text: `listening on ${firstLine(message.slice(NOW_LISTENING.length)).trim()}` };
  if (message.startsWith(APPLICATION_STARTED)) return { kind: 'listening', text: 'application started' };
  const event = STARTED_EVENT.exec(message);
  if (event) return { kind: 'listening', text: event[1] !== undefined ? `listening on port ${event[1]}` : 'application started' };
  return undefined;
}

/** A telling cause first: the missing framework when the host's text named it, else the first cause that is not generic. */
function orderCauses(causes: readonly string[], frameworkNamed: boolean): string[] {
  const first =
    frameworkNamed && causes.includes('framework-not-found')
      ? 'framework-not-found'
      : (causes.find((cause) => !GENERIC_CAUSES.has(cause)) ?? causes.find((cause) => cause !== 'module-call-failed'));
  return first === undefined ? [...causes] : [first, ...causes.filter((cause) => cause !== first)];
}

function happenedBefore(a: Step, b: Step): boolean {
  if (a.time !== undefined && b.time !== undefined && a.time !== b.time) return Date.parse(a.time) < Date.parse(b.time);
  return a.seq < b.seq;
}

function earlier(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  const timeA = Date.parse(a);
  const timeB = Date.parse(b);
  return Number.isFinite(timeB) && (!Number.isFinite(timeA) || timeB < timeA) ? b : a;
}

function secondsBetween(from: string, to: string): number | undefined {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return undefined;
  return (end - start) / 1000;
}

function formatSeconds(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds)} s`;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  const line = (end >= 0 ? text.slice(0, end) : text).replace(/\r$/, '');
  return line.length > MAX_STEP_TEXT ? `${line.slice(0, MAX_STEP_TEXT - 1)}…` : line;
}

/** A table sentence inside a line: no final period; a capital that only starts the sentence goes lower case. */
function sentence(text: string): string {
  const trimmed = text.replace(/\.\s*$/, '');
  return /^[A-Z][a-z ]/.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}
