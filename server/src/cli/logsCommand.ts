// `ancm logs [site-folder|web.config | FILE... | -]`: prints a site's stdout and ANCM debug log entries, or those of
// log files handed over directly (their kind told by content), filtered by level and text, and follows new ones with
// --follow. The same engine feeds the VS Code panel.

import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { locateSiteLogs, parseWebConfig, type SiteLogs } from '../service/languageService';
import { type EntryFilterOptions, type EntryPredicate, FilterSyntaxError, createEntryFilter, parseLevel } from '../protocol/entryFilter';
import { hasCandidates, searchLogHistory } from '../logs/historySearch';
import { NotRegularFileError } from '../files/openFile';
import { type FollowedSource, SiteLogFollower } from '../logs/siteLogFollower';
import type { LogEntry } from '../logs/types';
import { type CommandContext, UsageError } from './commandContext';
import { formatEntryAsJson, formatEntryAsText, formatSourceHeader } from './formats/logEntryFormat';
import { visibleText } from './formats/visibleText';
import { describeFollowing, describeNoLogs, writesLogs } from './logsStatus';
import { readStdinLog } from './stdinLogs';

export const LOGS_USAGE = `Usage: ancm logs [site-folder|web.config] [options]
       ancm logs FILE... [options]
       ancm logs - [options]

Prints the entries of a site's stdout logs (the newest files) and its ANCM debug log, found from its
web.config (stdoutLogFile, the debugFile and debugLevel handler settings). Missing files are waited for.
Given log files (or - for standard input), reads those instead, whatever their names: ANCM debug logs,
app stdout logs (console, JSON, Serilog, NLog output) and Windows Event Log records (Event Viewer text,
event XML such as App Service's eventlog.xml), each recognised by its content.

Options:
  --level error|warning|info|trace   show this level and more severe ones (default trace: everything)
  --grep TEXT                        only entries containing TEXT (case-insensitive)
  --regex                            read --grep as a regular expression (RE2 syntax, linear time)
  --tail N                           entries to show from each file's history (default 1000)
  -f, --follow                       keep printing new entries until interrupted
  --format text|json                 json: one object a line (time, pid, level, text, message, source,
                                     file, offset, eventId, ...)
  -h, --help                         show this help

With --follow it says on stderr what it follows and which files it waits for. When web.config turns on
no log (stdoutLogEnabled is not "true" and there is no debug log) it says what to change, prints what
old stdout files hold, and ends with 0 without following. A closed output (| head) ends it with 0.
Text output shows control characters from a log as escapes: \\r and \\n for CR and LF, \\xHH for other
C0, DEL and C1 controls (\\x1b), \\uHHHH for bidi controls (\\u202e). --format json keeps them exactly,
as JSON escapes.

Exit codes: 0 done (or stopped), 2 usage or I/O error (a log file that does not exist, without --follow).`;

const HISTORY_PAGE_BYTES = 1024 * 1024;

/** What to read: a site (its folder or web.config), log files handed over directly, or standard input. */
type LogsTarget = { readonly site: string } | { readonly files: readonly string[] } | 'stdin';

interface LogsOptions {
  readonly target: LogsTarget;
  readonly filter: EntryPredicate;
  /** The filter as options, for searching a whole file's history. */
  readonly search: EntryFilterOptions;
  readonly tail: number;
  readonly follow: boolean;
  readonly json: boolean;
}

async function parseLogsArguments(args: readonly string[], cwd: string): Promise<LogsOptions | 'help'> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      level: { type: 'string', default: 'trace' },
      grep: { type: 'string', default: '' },
      regex: { type: 'boolean', default: false },
      tail: { type: 'string', default: '1000' },
      follow: { type: 'boolean', short: 'f', default: false },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const level = parseLevel(values.level);
  if (!level) throw new UsageError(`--level must be error, warning, info or trace (got "${values.level}")`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json (got "${values.format}")`);
  const tail = Number(values.tail);
  if (!Number.isInteger(tail) || tail < 0) throw new UsageError(`--tail takes a whole number, 0 or more (got "${values.tail}")`);
  const search: EntryFilterOptions = { level, text: values.grep, regex: values.regex };
  let filter: EntryPredicate;
  try {
    filter = createEntryFilter(search);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new UsageError(error.message);
    throw error;
  }
  return { target: await targetOf(positionals, cwd), filter, search, tail, follow: values.follow, json: values.format === 'json' };
}

const WEB_CONFIG_NAME = /^web(?:\..+)?\.config$/i;

/** A folder or a web.config is a site; anything else names log files; `-` is standard input. */
async function targetOf(positionals: readonly string[], cwd: string): Promise<LogsTarget> {
  if (positionals.length === 0) return { site: cwd };
  if (positionals.includes('-')) {
    if (positionals.length > 1) throw new UsageError('read standard input (-) alone, not with files');
    return 'stdin';
  }
  const paths = positionals.map((positional) => path.resolve(cwd, positional));
  const isSite = async (candidate: string) => WEB_CONFIG_NAME.test(path.basename(candidate)) || (await stat(candidate).catch(() => undefined))?.isDirectory() === true;
  const sites = await Promise.all(paths.map(isSite));
  if (!sites.some(Boolean)) return { files: paths };
  if (paths.length > 1) throw new UsageError('give one site folder or web.config, or log files, not both');
  return { site: paths[0] };
}

/** The web.config of a site folder (any letter case), or the file itself. */
async function findWebConfig(site: string): Promise<string> {
  const info = await stat(site).catch(() => undefined);
  if (!info) throw new UsageError(`${site}: no such file or folder`);
  if (info.isFile()) return site;
  const names = await readdir(site).catch(() => [] as string[]);
  const name = names.find((candidate) => candidate.toLowerCase() === 'web.config');
  if (!name) throw new UsageError(`${site}: no web.config in this folder`);
  return path.join(site, name);
}

export async function runLogs(args: readonly string[], context: CommandContext): Promise<number> {
  const options = await parseLogsArguments(args, context.cwd);
  if (options === 'help') {
    context.out(LOGS_USAGE);
    return 0;
  }
  let stopped = false;
  let lastSource: FollowedSource | undefined;
  const print = (source: FollowedSource, entry: LogEntry) => {
    if (stopped || !options.filter(entry)) return;
    if (options.json) {
      context.out(formatEntryAsJson(source, entry));
      return;
    }
    if (source.id !== lastSource?.id) context.out(formatSourceHeader(source, context.color));
    lastSource = source;
    context.out(formatEntryAsText(entry, context.color));
  };
  const target = options.target;
  if (target === 'stdin') {
    await readStdinLog(context.stdin ?? [], options, print);
    return 0;
  }
  let site: SiteLogs | undefined;
  let follow = options.follow;
  let unreadableFiles = 0;
  /** The files handed over that are regular files, or missing ones to wait for. */
  const readableFiles: string[] = [];
  if ('site' in target) {
    const webConfig = await findWebConfig(target.site);
    let text: string;
    try {
      text = await readFile(webConfig, 'utf8');
    } catch (error) {
      return context.fail(`${webConfig}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    site = locateSiteLogs(webConfig, parseWebConfig(text), context.env);
    if (!writesLogs(site)) for (const line of describeNoLogs(site)) context.error(line);
    // Nothing would ever be written to follow: what old stdout files hold is printed, then it ends.
    follow = options.follow && writesLogs(site);
  } else {
    for (const file of target.files) {
      const info = await stat(file).catch(() => undefined);
      if (!info && !follow) {
        context.error(`ancm: ${visibleText(file)}: no such file`);
        unreadableFiles++;
      } else if (info?.isDirectory()) throw new UsageError(`${file} is a folder: give a site folder alone`);
      else if (info && !info.isFile()) {
        // A FIFO or a device would block the read; it is left out, and the other files are read.
        context.error(`ancm: ${visibleText(file)}: not a regular file`);
        unreadableFiles++;
      } else readableFiles.push(file);
    }
  }
  // Ctrl+C or a closed output while the history is printed ends the command there.
  const stop = follow ? context.untilStopped().then(() => void (stopped = true)) : undefined;

  // A one-shot search reads every file whole, so nothing is read at start: the search finds it all.
  const searchWhole = !follow && hasCandidates(options.search);
  const follower = new SiteLogFollower(site, {
    watch: follow,
    readToEnd: !follow,
    ...(searchWhole && { initialTailBytes: 0 }),
    ...('files' in target && { extraFiles: readableFiles }),
  });
  // What the follower delivers while starting is the history. What it delivers while the history is
  // printed (a log being written, a new stdout file) waits, in arrival order, and is printed right after:
  // every entry comes out once, and none is lost between the history and following.
  const delivered = new Map<string, LogEntry[]>();
  let arrivedDuringHistory: [FollowedSource, LogEntry[]][] | undefined;
  let live = false;
  follower.onEntries((source, entries) => {
    if (live) for (const entry of entries) print(source, entry);
    else if (arrivedDuringHistory) arrivedDuringHistory.push([source, entries]);
    else appendTo(delivered, source.id, entries);
  });
  follower.onError((error) => context.error(`ancm: ${visibleText(error.message)}`));
  await follower.start();
  follower.flush();
  arrivedDuringHistory = [];
  // Oldest stdout file first, so the newest entries end up at the bottom of the terminal.
  for (const source of [...follower.sources].reverse()) {
    if (stopped) break;
    const entries = searchWhole ? await searchHistory(source, undefined, options) : await lastEntries(follower, source, delivered.get(source.id) ?? [], options);
    for (const entry of entries) print(source, entry);
  }
  if (!follow) {
    // A one-shot print shows the logs as they were when it started.
    await follower.stop();
    return unreadableFiles > 0 ? 2 : 0;
  }
  const status = await describeFollowing(site, follower.sources);
  for (const [source, entries] of arrivedDuringHistory) for (const entry of entries) print(source, entry);
  arrivedDuringHistory = undefined;
  live = true;
  if (!stopped) for (const line of status) context.error(line);
  await stop;
  await follower.stop();
  return 0;
}

function appendTo(lists: Map<string, LogEntry[]>, key: string, entries: readonly LogEntry[]): void {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  for (const entry of entries) list.push(entry);
}

/**
 * The last `tail` matching entries of a source, ending with what the follower delivered at start. When
 * those hold too few, a filter that gives something to look for (a text, errors or warnings) searches the
 * whole file; otherwise history is paged back.
 */
async function lastEntries(follower: SiteLogFollower, source: FollowedSource, delivered: LogEntry[], options: LogsOptions): Promise<LogEntry[]> {
  const matching = delivered.filter(options.filter);
  if (matching.length < options.tail && hasCandidates(options.search)) return delivered.length > 0 ? searchHistory(source, delivered[delivered.length - 1], options) : [];
  // Earlier pages, newest first, joined once at the end (prepending each page would copy all before it).
  const pages = [matching];
  let found = matching.length;
  let more = true;
  while (found < options.tail && more) {
    const page = await follower.readEarlier(source.id, HISTORY_PAGE_BYTES);
    more = page.more && page.entries.length > 0;
    const shown = page.entries.filter(options.filter);
    pages.push(shown);
    found += shown.length;
  }
  const all = pages.reverse().flat();
  return all.slice(Math.max(0, all.length - options.tail));
}

/**
 * The last `tail` matches of the whole file (fast: only the lines around each candidate are parsed). With `last`, the
 * last entry the follower delivered, the search ends there and takes that entry as delivered: the file may have grown
 * since the follower read it, and what it holds past that entry comes from the follower, once.
 */
async function searchHistory(source: FollowedSource, last: LogEntry | undefined, options: LogsOptions): Promise<LogEntry[]> {
  const found: LogEntry[] = [];
  const parser = { ...(source.pid !== undefined && { pid: source.pid }), ...(source.startTime !== undefined && { processStart: source.startTime }) };
  try {
    search: for await (const batch of searchLogHistory(source.file, { ...options.search, kind: source.kind, parser })) {
      for (const entry of batch) {
        if (last && entry.offset >= last.offset) break search;
        found.push(entry);
      }
      if (found.length > 2 * options.tail) found.splice(0, found.length - options.tail);
    }
  } catch (error) {
    // A FIFO swapped in for the log ends its own search, not the others; its reader reports it.
    if (!(error instanceof NotRegularFileError)) throw error;
  }
  if (last && options.filter(last)) found.push(last);
  return found.slice(Math.max(0, found.length - options.tail));
}
