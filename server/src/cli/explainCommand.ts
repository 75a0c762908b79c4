// `ancm explain <code | FILE | ->`: what an ANCM failure means and how to fix it. A code is an error page's status, an
// ANCM Event Log id or an HRESULT; a file (or pasted text on standard input) is read with the log engine's parsers, its
// kind told by content as for `ancm logs FILE`, and each entry that shows a known cause is printed with it.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type CodeExplanation, type FailureCause, explainCode, explainLogEntry } from '../logs/explainLog';
import type { FollowedSource } from '../logs/siteLogFollower';
import { StartupVerdicts } from '../logs/startupVerdict';
import type { LogEntry } from '../logs/types';
import { type CommandContext, UsageError } from './commandContext';
import { jsonWithoutRawControls, visibleText } from './formats/visibleText';
import { readStdinLog } from './stdinLogs';

export const EXPLAIN_USAGE = `Usage: ancm explain CODE [options]
       ancm explain FILE [options]
       ancm explain - [options]

Says what an ANCM failure means and how to fix it. CODE is an error page's status (500.31, "HTTP Error
502.5", 503), an ANCM Event Log id (1034, "event 1034") or an HRESULT (0x8007023E, 8007023e,
-2147024322, or a Win32 error code such as 193). Given a log file, or - for standard input (pasted text),
it reads ANCM debug logs, app stdout logs and Windows Event Log records (Event Viewer text or event XML),
prints each entry it can explain with its causes, a startup verdict per worker process (as the ANCM Logs
panel shows it), then how to fix each cause.

Options:
  --format text|json   json: the code as one object; for a log, one object a line per explained entry
                       (time, pid, level, source, file, offset, eventId, message, causes), then one
                       {"verdict": {pid, outcome, summary, causes, steps, ...}} line per worker process
  -h, --help           show this help

Text output shows control characters from a log as escapes (\\r, \\x1b, \\u202e); --format json keeps
them exactly, as JSON escapes.

Exit codes: 0 something was explained, 1 nothing was (an unknown code, or no known failure in the log),
2 usage or I/O error (a file that does not exist).`;

/** Something that reads as a code rather than a file name: a number, a hex code, a status, an event. */
const LOOKS_LIKE_CODE = /^(?:0x[0-9a-f]+|-?\d+(?:\.\d+)?|[0-9a-f]{8}|HTTP\b.*|event\b.*)$/i;

interface ExplainOptions {
  readonly target: string;
  readonly json: boolean;
}

/** A negative decimal HRESULT (-2147024322) is a code, not an option. */
const NEGATIVE_NUMBER = /^-\d+$/;

function parseExplainArguments(args: readonly string[]): ExplainOptions | 'help' {
  const { values, positionals: named } = parseArgs({
    args: args.filter((arg) => !NEGATIVE_NUMBER.test(arg)),
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const positionals = [...named, ...args.filter((arg) => NEGATIVE_NUMBER.test(arg))];
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json (got "${values.format}")`);
  if (positionals.length === 0) throw new UsageError('give a code, a log file, or - for standard input');
  if (positionals.length > 1) throw new UsageError('give one code or one log file');
  return { target: positionals[0], json: values.format === 'json' };
}

export async function runExplain(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseExplainArguments(args);
  if (options === 'help') {
    context.out(EXPLAIN_USAGE);
    return 0;
  }
  const { target } = options;
  if (target === '-') return explainLog(context.stdin ?? [], '-', options, context);
  const code = explainCode(target);
  if (code) {
    printCode(code, options.json, context);
    return 0;
  }
  const file = path.resolve(context.cwd, target);
  const info = await stat(file).catch(() => undefined);
  if (!info) {
    if (LOOKS_LIKE_CODE.test(target.trim())) {
      context.error(`ancm: no explanation for ${visibleText(target)}: not a status, event id or HRESULT that ANCM Tools knows`);
      return 1;
    }
    return context.fail(`${visibleText(target)}: no such file, and not a code ANCM Tools knows`);
  }
  if (!info.isFile()) return context.fail(`${visibleText(target)}: not a regular file`);
  try {
    return await explainLog(createReadStream(file), file, options, context);
  } catch (error) {
    return context.fail(`${visibleText(file)}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

// --- a code ---------------------------------------------------------------------------------------------------------------

function printCode(code: CodeExplanation, json: boolean, context: CommandContext): void {
  if (json) {
    context.out(JSON.stringify({ kind: code.kind, code: code.code, name: code.name, meaning: code.meaning, source: code.source, causes: code.causes.map(causeAsJson) }));
    return;
  }
  context.out(`${code.kind === 'event' ? `Event ${code.code}` : code.code}  ${code.name}`);
  context.out(code.meaning);
  if (code.causes.length === 0) {
    context.out('');
    context.out('It reports no failure by itself: the message it carries tells.');
    return;
  }
  context.out('');
  context.out(code.causes.length === 1 ? 'Cause:' : 'Possible causes, most likely first:');
  for (const cause of code.causes) {
    context.out('');
    for (const line of describeCause(cause)) context.out(line);
  }
}

function describeCause(cause: FailureCause): string[] {
  const lines = [`${cause.id}: ${cause.meaning}`, '  Fix:', ...cause.fix.map((step) => `    - ${step}`)];
  if (cause.rules && cause.rules.length > 0) lines.push(`  web.config rules that find it: ${cause.rules.join(', ')}`);
  lines.push(`  Docs: ${cause.docs}`);
  return lines;
}

function causeAsJson(cause: FailureCause) {
  return { id: cause.id, meaning: cause.meaning, fix: cause.fix, docs: cause.docs, rules: cause.rules ?? [], sources: cause.sources };
}

// --- a log ----------------------------------------------------------------------------------------------------------------

async function explainLog(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, file: string, options: ExplainOptions, context: CommandContext): Promise<number> {
  const causesOf = new WeakMap<LogEntry, FailureCause[]>();
  const seen = new Map<string, FailureCause>();
  let explained = 0;
  const print = (source: FollowedSource, entry: LogEntry) => {
    const causes = causesOf.get(entry) ?? [];
    explained++;
    for (const cause of causes) if (!seen.has(cause.id)) seen.set(cause.id, cause);
    if (options.json) context.out(entryAsJson(source, file, entry, causes));
    else {
      context.out(entryHeadline(entry));
      for (const cause of causes) context.out(`        → ${cause.id}: ${cause.meaning}`);
    }
  };
  // The same verdicts the panel shows: what became of each worker process's start.
  const verdicts = new StartupVerdicts();
  const filter = (entry: LogEntry) => {
    const causes = explainLogEntry(entry);
    verdicts.add({ ...entry, causes: causes.map((cause) => cause.id) }, entry.file);
    if (causes.length === 0) return false;
    causesOf.set(entry, causes);
    return true;
  };
  await readStdinLog(input, { follow: false, tail: Number.MAX_SAFE_INTEGER, filter, ...(file !== '-' && { file }) }, print);
  if (explained === 0) {
    context.error(`ancm: no known ANCM failure in ${file === '-' ? 'the input' : visibleText(file)}`);
    return 1;
  }
  if (options.json) {
    // After the entries, one line per worker process: what became of its start, as the panel shows it.
    for (const verdict of verdicts.verdicts()) context.out(jsonWithoutRawControls(JSON.stringify({ verdict })));
  } else {
    const startups = verdicts.verdicts();
    if (startups.length > 0) {
      context.out('');
      context.out('Startup:');
      for (const verdict of startups) context.out(`  ${visibleText(verdict.summary)}`);
    }
    context.out('');
    context.out('How to fix:');
    // A trace of a failed call tells least: it goes last.
    const causes = [...seen.values()].sort((a, b) => Number(a.id === 'module-call-failed') - Number(b.id === 'module-call-failed'));
    for (const cause of causes) {
      context.out('');
      for (const line of describeCause(cause)) context.out(line);
    }
  }
  return 0;
}

const LEVEL_WIDTH = 'WARNING'.length;
const MAX_HEADLINE = 300;

/** An entry on one line: level, time, process and origin, then the first line of its message. */
function entryHeadline(entry: LogEntry): string {
  const from = entry.origin === undefined ? undefined : entry.eventId === undefined ? entry.origin : `${entry.origin} (${entry.eventId})`;
  const columns = [entry.time, entry.pid === undefined ? undefined : `PID ${entry.pid}`, from].filter((column) => column !== undefined);
  const message = entry.message || entry.text;
  const lineEnd = message.indexOf('\n');
  let first = lineEnd >= 0 ? message.slice(0, lineEnd) : message;
  if (first.length > MAX_HEADLINE) first = `${first.slice(0, MAX_HEADLINE)}…`;
  const line = columns.length > 0 ? `${columns.join('  ')}  ${first}` : first;
  return `${entry.level.padEnd(LEVEL_WIDTH)} ${visibleText(line)}`;
}

function entryAsJson(source: FollowedSource, file: string, entry: LogEntry, causes: readonly FailureCause[]): string {
  return jsonWithoutRawControls(
    JSON.stringify({
      time: entry.time ?? null,
      pid: entry.pid ?? null,
      level: entry.level,
      source: source.kind,
      file,
      offset: entry.offset,
      eventId: entry.eventId ?? null,
      origin: entry.origin ?? null,
      message: entry.message,
      causes: causes.map(causeAsJson),
    }),
  );
}
