// Turns the lines of an ANCM debug log (aspnetcore-debug.log) into entries, incrementally, as a tail reader delivers them.
//
// Format facts (CommonLib/debugutil.cpp in dotnet/aspnetcore's AspNetCoreModuleV2, and real logs):
// - .NET 6+: `[<yyyy-MM-ddTHH:mm:ss.fffZ>, PID: <n>] [<dll label>] <message>`; 2.2-5.0: `[<dll label>] <message>`.
//   The label is the writing dll (aspnetcorev2.dll, aspnetcorev2_inprocess.dll, aspnetcorev2_outofprocess.dll); any
//   `aspnetcore*.dll` is accepted.
//   No level is written: it comes from the message catalog (../ancm/debugLogCatalog), the failure messages of ANCM and the
//   host (../ancm/failureMessages), or, failing those, words (textLevel.ts).
// - A message can span lines: an Event Log echo runs from `Event Log: '` to its `End Event Log Message.` line
//   (CommonLib/EventLog.cpp), and a quoted value may hold line breaks (where.exe's output), so a line without the prefix
//   continues the previous entry.
// - Logs from CI and issues carry a wrapper before each line (lineWrapper.ts: `> `, a CI time stamp, a test logger's
//   `[2.9s] Category Information: iisexpress stdout: `); an unknown wrapper is accepted when it ends in `: `, `> `, `] ` or
//   `| ` right before the prefix. One known paste lost the opening `[` of the first line (`aspnetcorev2_inprocess.dll] ...`);
//   that form is accepted too.
// - Those streams also carry lines that are not ANCM's (IIS Express's own output, a test's `Request ended ... 500.30`, a
//   test logger's `[Warning]` block). A wrapped line without the prefix is an entry of its own, with the wrapping logger's
//   level when it is a warning or worse, else the level its words give; it continues the previous entry only while that
//   entry is still open (an Event Log echo before its end line, a quoted value whose quote is not closed yet). Lines
//   without a wrapper after it (a `{ headers }` dump, an HTML page) continue it.
//
// The level is decided once an entry is complete, from its whole message (values such as where.exe output hold newlines).
// `NAME::Method` call traces like FORWARDING_HANDLER::... that the catalog does not know are TRACE (ANCM logs those at TRACE).

import { findDebugLogMessage } from '../ancm/debugLogCatalog';
import { type ContinuationLines, IncrementalEntryParser, addContinuation, parseAllLines } from './entryParser';
import { NO_WRAPPER, type LineWrapper, readLineWrapper } from './lineWrapper';
import { isoTime } from './logTime';
import { levelFromText } from './textLevel';
import type { AncmLevel } from '../protocol/levels';
import type { LogEntry, LogLine } from './types';

export interface DebugLogParserOptions {
  /** Absolute path of the log, copied into every entry. */
  readonly file: string;
}

interface Decision {
  readonly level: AncmLevel;
  readonly levelFrom: LogEntry['levelFrom'];
}

interface Draft extends ContinuationLines {
  readonly offset: number;
  readonly time: string | undefined;
  readonly pid: number | undefined;
  readonly origin: string | undefined;
  /** Set for a line that is not ANCM's and for the rest of a cut entry; otherwise decided when the entry is complete. */
  readonly decided: Decision | undefined;
  readonly text: string;
  readonly message: string;
  /** An `Event Log: '...` echo whose end line has not come yet. */
  eventLogOpen: boolean;
  /** How many single quotes the message holds so far, counted lazily over `parityLines` of its lines. */
  quotes: number;
  parityLines: number;
}

const MAX_LABEL = 64;
const LABEL_STEM = 'aspnetcore';
/** The labels ANCM writes, by length: reused instead of a new string per line, and checked with one comparison. */
const KNOWN_LABELS = new Map(['aspnetcorev2.dll', 'aspnetcorev2_inprocess.dll', 'aspnetcorev2_outofprocess.dll'].map((label) => [label.length, label]));
const PID_MARK = ', PID: ';
const ISO_TIME_LENGTH = 24; // 2019-11-23T13:23:02.000Z
const EVENT_LOG_START = 'Event Log: ';
const EVENT_LOG_END = 'End Event Log';
/** The start of a `[time, PID: n]` stamp, whole or cut short (the last line of a pasted log). */
const STAMP_START = /^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)(?:,(?: PID:(?: (\d{1,10})(\] ?)?)?)?)?/;

const CALL_TRACE = /^[A-Z][A-Z0-9_]*::/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLabelCode(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 45;
}

/** An ANCM dll name (DECLARE_DEBUG_PRINT_OBJECT labels all start with `aspnetcore`), so `[hostpolicy.dll]` in hostfxr text is not one. */
function isLabel(text: string, start: number, end: number): boolean {
  if (end - start < LABEL_STEM.length + 4 || end - start > MAX_LABEL || !text.startsWith('.dll', end - 4)) return false;
  for (let index = 0; index < LABEL_STEM.length; index++) {
    if ((text.charCodeAt(start + index) | 0x20) !== LABEL_STEM.charCodeAt(index)) return false;
  }
  for (let index = start + LABEL_STEM.length; index < end - 4; index++) if (!isLabelCode(text.charCodeAt(index))) return false;
  return true;
}

/** Whether the text before a prefix found mid-line reads as a wrapper: nothing, or text ending in `: `, `>`, `] ` or `| `. */
function isWrapper(text: string, end: number): boolean {
  if (end === 0) return true;
  const last = text.charCodeAt(end - 1);
  const before = end >= 2 ? text.charCodeAt(end - 2) : 0;
  if (last === 32 && (before === 58 || before === 93 || before === 124)) return true; // `: `, `] `, `| `
  let index = end - 1;
  while (index >= 0 && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9)) index--;
  return index < 0 || text.charCodeAt(index) === 62; // `>`
}

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
}

/** Reads the prefix of one line into its fields; `read` returns where the message starts, or -1 without a prefix. */
class PrefixReader {
  time: string | undefined;
  pid: number | undefined;
  label = '';

  read(text: string): number {
    if (text.charCodeAt(0) === 91) {
      const start = this.readAtStart(text);
      if (start >= 0) return start;
    }
    return this.readWrapped(text);
  }

  /** The common case: `[time, PID: n] [dll] ` or `[dll] ` at the start of the line. */
  private readAtStart(text: string): number {
    if (!isDigit(text.charCodeAt(1))) {
      const labelClose = text.indexOf(']', 1);
      return labelClose > 0 && this.setLabel(text, 1, labelClose, undefined, undefined) ? messageStartAfter(text, labelClose) : -1;
    }
    const close = this.readStamp(text, 0);
    if (close < 0 || text.charCodeAt(close + 1) !== 32 || text.charCodeAt(close + 2) !== 91) return -1;
    const labelClose = text.indexOf(']', close + 3);
    return labelClose > 0 && this.setLabel(text, close + 3, labelClose, this.time, this.pid) ? messageStartAfter(text, labelClose) : -1;
  }

  /** A prefix after a wrapper, or one missing its opening `[`. */
  private readWrapped(text: string): number {
    const labelEnd = text.indexOf('.dll]');
    if (labelEnd < 0) return -1;
    const labelClose = labelEnd + 4;
    let labelStart = labelClose;
    while (labelStart > 0 && isLabelCode(text.charCodeAt(labelStart - 1))) labelStart--;
    if (!isLabel(text, labelStart, labelClose)) return -1;
    const open = labelStart - 1;
    if (text.charCodeAt(open) !== 91) {
      return isWrapper(text, labelStart) && this.setLabel(text, labelStart, labelClose, undefined, undefined) ? messageStartAfter(text, labelClose) : -1;
    }
    if (open >= 2 && text.charCodeAt(open - 1) === 32 && text.charCodeAt(open - 2) === 93) {
      const stampOpen = text.lastIndexOf('[', open - 2);
      if (stampOpen >= 0 && this.readStamp(text, stampOpen) === open - 2) {
        return isWrapper(text, stampOpen) && this.setLabel(text, labelStart, labelClose, this.time, this.pid) ? messageStartAfter(text, labelClose) : -1;
      }
    }
    return isWrapper(text, open) && this.setLabel(text, labelStart, labelClose, undefined, undefined) ? messageStartAfter(text, labelClose) : -1;
  }

  /** `[<ISO time>, PID: <digits>]` at `open`: sets time and pid and returns the index of `]`, or -1. */
  private readStamp(text: string, open: number): number {
    let mark = open + 1 + ISO_TIME_LENGTH;
    // `, PID: ` right after a 24-character time, checked by its punctuation before any slower search.
    if (text.charCodeAt(mark) !== 44 || text.charCodeAt(mark + 5) !== 58 || !text.startsWith(PID_MARK, mark)) {
      mark = text.indexOf(PID_MARK, open + 1);
      if (mark < 0 || mark - open > 33) return -1;
    }
    const timeStart = open + 1;
    if (mark - timeStart < 19 || text.charCodeAt(timeStart + 4) !== 45 || text.charCodeAt(timeStart + 7) !== 45 || text.charCodeAt(timeStart + 10) !== 84) return -1;
    let pid = 0;
    let index = mark + PID_MARK.length;
    for (; index < text.length && isDigit(text.charCodeAt(index)); index++) pid = pid * 10 + text.charCodeAt(index) - 48;
    if (index === mark + PID_MARK.length || index - mark - PID_MARK.length > 10 || text.charCodeAt(index) !== 93) return -1;
    this.time = text.slice(timeStart, mark);
    this.pid = pid;
    return index;
  }

  private setLabel(text: string, start: number, end: number, time: string | undefined, pid: number | undefined): boolean {
    const known = KNOWN_LABELS.get(end - start);
    if (known !== undefined && text.startsWith(known, start)) this.label = known;
    else if (isLabel(text, start, end)) this.label = text.slice(start, end);
    else return false;
    this.time = time;
    this.pid = pid;
    return true;
  }
}

function messageStartAfter(text: string, labelClose: number): number {
  return text.charCodeAt(labelClose + 1) === 32 ? labelClose + 2 : labelClose + 1;
}

function decisions(levelFrom: LogEntry['levelFrom']): Readonly<Record<AncmLevel, Decision>> {
  return { ERROR: { level: 'ERROR', levelFrom }, WARNING: { level: 'WARNING', levelFrom }, INFO: { level: 'INFO', levelFrom }, TRACE: { level: 'TRACE', levelFrom } };
}

// Shared results, so deciding a level allocates nothing.
const FROM_CATALOG = decisions('catalog');
const GUESSED = decisions('heuristic');
const FROM_LOGGER = decisions('logger');

function classify(message: string): Decision {
  const known = findDebugLogMessage(message);
  if (known) return FROM_CATALOG[known.level];
  const level = levelFromText(message);
  return GUESSED[level === 'INFO' && CALL_TRACE.test(message) ? 'TRACE' : level];
}

/** The level of a line a test logger or IIS Express put into the stream: the logger's, when it is a warning or worse. */
function foreignLineLevel(wrapper: LineWrapper, body: string): Decision {
  if (wrapper.level === 'ERROR' || wrapper.level === 'WARNING') return FROM_LOGGER[wrapper.level];
  return GUESSED[levelFromText(body)];
}

function countQuotes(text: string): number {
  let count = 0;
  for (let index = text.indexOf("'"); index >= 0; index = text.indexOf("'", index + 1)) count++;
  return count;
}

/** Incremental parser: push batches of lines, get the entries they complete; the last entry waits for more lines. */
export class DebugLogParser extends IncrementalEntryParser<Draft> {
  private readonly prefix = new PrefixReader();

  constructor(private readonly options: DebugLogParserOptions) {
    super();
  }

  /** Parses a whole log at once. */
  static parseAll(lines: readonly LogLine[], options: DebugLogParserOptions): LogEntry[] {
    return parseAllLines(new DebugLogParser(options), lines);
  }

  protected add(line: LogLine, done: LogEntry[]): void {
    const text = line.text;
    const wrapper = readLineWrapper(text);
    const body = wrapper === NO_WRAPPER ? text : text.slice(wrapper.bodyStart);
    const messageStart = this.prefix.read(body);
    const draft = this.draft;
    if (messageStart >= 0) {
      if (draft) done.push(this.finish(draft));
      const { time, pid, label } = this.prefix;
      this.start(line, time ?? wrapper.time, pid, label, undefined, body.slice(messageStart));
      return;
    }
    const cutStamp = body.charCodeAt(0) === 91 ? STAMP_START.exec(body) : null;
    if (cutStamp) {
      // A line cut inside its prefix (the end of a pasted log): what can be read of it.
      if (draft) done.push(this.finish(draft));
      const closed = cutStamp[3] !== undefined;
      this.start(line, isoTime(cutStamp[1]), closed ? +cutStamp[2] : undefined, undefined, undefined, closed ? body.slice(cutStamp[0].length) : body);
      return;
    }
    const wrapped = wrapper !== NO_WRAPPER;
    if (!draft || (wrapped && !this.stillOpen(draft))) {
      if (draft) done.push(this.finish(draft));
      // A blank line belongs to no entry; other text with nothing before it means the file starts mid-entry.
      else if (isBlank(body)) return;
      this.start(line, wrapper.time, undefined, undefined, wrapped ? foreignLineLevel(wrapper, body) : undefined, body);
      return;
    }
    if (draft.eventLogOpen && body.trimStart().startsWith(EVENT_LOG_END)) draft.eventLogOpen = false;
    if (addContinuation(draft, text, body)) return;
    // Cut an oversized entry; the rest keeps its time, pid, origin and level.
    const entry = this.finish(draft);
    done.push(entry);
    this.draft = { ...draft, decided: entry, offset: line.offset, text, message: body, more: undefined, moreBodies: undefined, chars: text.length, quotes: 0, parityLines: 0 };
  }

  private start(line: LogLine, time: string | undefined, pid: number | undefined, origin: string | undefined, decided: Decision | undefined, message: string): void {
    const text = line.text;
    this.draft = {
      offset: line.offset,
      time,
      pid,
      origin,
      decided,
      text,
      message,
      more: undefined,
      moreBodies: undefined,
      chars: text.length,
      eventLogOpen: origin !== undefined && message.startsWith(EVENT_LOG_START),
      quotes: 0,
      parityLines: 0,
    };
  }

  /** Whether an ANCM entry still waits for its end: an Event Log echo before its end line, or an unclosed quote. */
  private stillOpen(draft: Draft): boolean {
    if (draft.origin === undefined) return false;
    if (draft.eventLogOpen) return true;
    const lines = draft.moreBodies ? draft.moreBodies.length + 1 : 1;
    for (; draft.parityLines < lines; draft.parityLines++) {
      draft.quotes += countQuotes(draft.parityLines === 0 ? draft.message : draft.moreBodies![draft.parityLines - 1]);
    }
    return draft.quotes % 2 === 1;
  }

  protected finish(draft: Draft): LogEntry {
    let text = draft.text;
    let message = draft.message;
    const { more, moreBodies } = draft;
    if (more && moreBodies) {
      // Blank lines at the end belong to no message (ANCM ends some formats with "\n", giving an empty line).
      let count = more.length;
      while (count > 0 && isBlank(moreBodies[count - 1])) count--;
      if (count > 0) {
        text = `${text}\n${(count === more.length ? more : more.slice(0, count)).join('\n')}`;
        message = `${message}\n${(count === moreBodies.length ? moreBodies : moreBodies.slice(0, count)).join('\n')}`;
      }
    }
    // The whole message, not its first line: a value such as where.exe's output carries newlines before the format's end.
    const { level, levelFrom } = draft.decided ?? classify(message);
    return { source: 'debug', file: this.options.file, time: draft.time, pid: draft.pid, level, levelFrom, origin: draft.origin, text, message, offset: draft.offset };
  }
}
