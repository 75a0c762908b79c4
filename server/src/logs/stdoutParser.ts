// Turns the lines of an app's stdout log (stdout_<yyyyMMddHHmmss>_<pid>.log) into entries, incrementally.
//
// Format facts:
// - ANCM in-process on .NET 6+ prefixes every chunk it reads from the app's stdout pipe with `<yyyy-MM-ddTHH:mm:ss.fffZ>: `
//   (CommonLib/RedirectionOutput.cpp AggregateRedirectionOutput::Append). A chunk holds any number of lines and may end
//   mid-line, so the prefix is recognised where it usually lands, at a line start; its time stands for the lines that
//   follow until the next one.
//   A prefix landing mid-line is left in the text.
// - Microsoft.Extensions.Logging console formatters:
//   simple: `info: Category[EventId]` then the message on lines indented by 6 spaces (single-line mode keeps it on the header
//   line); levels trce, dbug, info, warn, fail, crit.
//   json: one object per line with LogLevel, Category, Message, optional Timestamp and Exception (Indented=true spreads it
//   over lines: the entry is read as JSON once complete).
//   systemd: `<priority>Category[EventId] message`, syslog priorities 2 crit, 3 err, 4 warning, 6 info, 7 debug.
// - Serilog's default console template `[HH:mm:ss LVL] message` (VRB DBG INF WRN ERR FTL), the exception on the lines after.
// - NLog's default layout `yyyy-MM-dd HH:mm:ss.ffff|LEVEL|Logger|message` (local time, no zone).
// - The runtime's `Unhandled exception. System.X: ...` (`Unhandled Exception:` before .NET Core 3.0) block: frames indented
//   by 3 spaces, ` ---> ` inner exceptions, `--- End of ... ---` separators. One ERROR entry, levelFrom 'heuristic' as no
//   logger named its level.
// - Anything else (2.x hosting's `Hosting environment: Production`, plain Console.WriteLine) is an entry per line.
//
// Continuation: an indented line, a blank line, a line starting with `---`, the closing `}` of an indented JSON record, or
// (after a logger's entry) a namespace-qualified exception header such as `System.InvalidOperationException: ...`
// continues the current entry. Inside an exception (a plain line naming `Some.Namespace.XException:`, or a stack flattened
// onto one line), the exception's message lines (`Parameter name: ...`, hard-wrapped text) continue it until the first
// `   at ` frame, and a hard-wrapped word (a line starting in lower case after one ending in a letter) continues it after. Two console entries glued onto
// one line (`... as default key. dbug: Category[0]`, a pasting accident) are split. Blank lines at the end of an entry are
// dropped. Lines may carry a wrapper (lineWrapper.ts), which is not part of the message.
// Levels: trce/dbug -> TRACE, info -> INFO, warn -> WARNING, fail/crit -> ERROR, and the same for the other formats
// (levelFrom 'logger'). Plain text gets the level its words give once the entry is whole (textLevel.ts: ANCM's and the
// host's failure messages, then failure and warning words; levelFrom 'heuristic').
// Entries of a file named `stdout_<yyyyMMddHHmmss>_<pid>.log` carry that PID and start time.

import { type ContinuationLines, IncrementalEntryParser, addContinuation, parseAllLines } from './entryParser';
import { LOG_LEVEL_NAMES, type LineWrapper, NO_WRAPPER, readLineWrapper } from './lineWrapper';
import { isoTime } from './logTime';
import { levelFromText } from './textLevel';
import type { AncmLevel } from '../protocol/levels';
import type { LogEntry, LogLine } from './types';

export interface StdoutParserOptions {
  /** Absolute path of the log, copied into every entry. */
  readonly file: string;
  /** The worker process that wrote the file (from its name `stdout_<yyyyMMddHHmmss>_<pid>.log`), copied into every entry. */
  readonly pid?: number;
  /** That process's start time from the file name (ISO, UTC). */
  readonly processStart?: string;
}

type Kind = 'mel' | 'json' | 'systemd' | 'serilog' | 'nlog' | 'unhandled' | 'plain';

interface Draft extends ContinuationLines {
  kind: Kind;
  level: AncmLevel;
  time: string | undefined;
  origin: string | undefined;
  /** The message text on the first line (empty when it starts on the next line). */
  message: string;
  readonly offset: number;
  readonly chunkTime: string | undefined;
  readonly text: string;
  readonly body: string;
  /** Inside an exception: its message lines, then its stack frames. */
  exception: 'none' | 'message' | 'frames';
}

/** What `parseHead` found at the start of an entry. */
interface Head {
  kind: Kind;
  level: AncmLevel;
  time: string | undefined;
  origin: string | undefined;
  message: string;
}


const CHUNK_PREFIX_LENGTH = 26; // `2021-07-28T19:23:44.076Z: `
const MEL_INDENT = '      ';

const MEL_LEVELS: Readonly<Record<string, AncmLevel>> = { trce: 'TRACE', dbug: 'TRACE', info: 'INFO', warn: 'WARNING', fail: 'ERROR', crit: 'ERROR' };
const SERILOG_LEVELS: Readonly<Record<string, AncmLevel>> = { VRB: 'TRACE', DBG: 'TRACE', INF: 'INFO', WRN: 'WARNING', ERR: 'ERROR', FTL: 'ERROR' };
const NLOG_LEVELS: Readonly<Record<string, AncmLevel>> = { TRACE: 'TRACE', DEBUG: 'TRACE', INFO: 'INFO', WARN: 'WARNING', ERROR: 'ERROR', FATAL: 'ERROR' };
// syslog priorities 0-7 as the systemd formatter writes them.
const SYSTEMD_LEVELS: readonly AncmLevel[] = ['ERROR', 'ERROR', 'ERROR', 'ERROR', 'WARNING', 'INFO', 'INFO', 'TRACE'];

const EXCEPTION_HEADER = /^(?:[A-Za-z_]\w*\.)+\w*(?:Exception|Error)(?: \(0x[0-9A-Fa-f]+\))?:/;
// An exception named in a plain line (`Unhandled exception. System.X: `, `Application startup exception: System.X (0x80131904): `),
// or a stack flattened onto one line (` at Namespace.Type.Method(`).
const EXCEPTION_IN_TEXT = /(?:^|[\s:.])(?:[A-Za-z_]\w*\.)+\w*Exception\b(?: \(0x[0-9A-Fa-f]+\))?(?::|$)| at (?:[A-Za-z_][\w`]*\.)+[\w`<>]+\(/;
const FRAME = '   at ';
const MEL_HEADER = /^(?:trce|dbug|info|warn|fail|crit): /;
const GLUED_MEL_HEADER = / (?:trce|dbug|info|warn|fail|crit): [A-Za-z_][\w.`]*\[\d+\]$/;
// Hosting's own lines (2.x wrote them with Console.WriteLine): never part of an exception before them.
const LIFETIME_MESSAGE = /^(?:Hosting environment|Content root path|Now listening on|Application started|Application is shutting down)\b/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
}

function hasChunkPrefix(text: string): boolean {
  return (
    text.charCodeAt(24) === 58 && // ':'
    text.charCodeAt(25) === 32 &&
    text.charCodeAt(23) === 90 && // 'Z'
    text.charCodeAt(10) === 84 && // 'T'
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    isDigit(text.charCodeAt(0))
  );
}

// A top-level string field of a JSON record, found by skipping what comes before it (nested objects one level deep).
const CUT_JSON_FIELDS = ['LogLevel', 'Category', 'Message', 'Timestamp'].map((name) => [name, new RegExp(`^\\{(?:[^{}]|\\{[^{}]*\\})*?"${name}":("(?:[^"\\\\]|\\\\.)*")`)] as const);

/** The fields of a JSON record cut short (the end of a pasted log): the top-level strings that came before the cut. */
function readCutJson(text: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const [name, pattern] of CUT_JSON_FIELDS) {
    const match = pattern.exec(text);
    if (!match) continue;
    try {
      fields[name] = JSON.parse(match[1]) as string;
    } catch {
      // An escape cut in half: the field is lost with the rest.
    }
  }
  return fields.LogLevel ? fields : undefined;
}

function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

/** Recognises the first line of an entry and fills its fields; each `read...` returns false when the line is not that format. */
class HeadReader implements Head {
  kind: Kind = 'plain';
  level: AncmLevel = 'INFO';
  time: string | undefined;
  origin: string | undefined;
  message = '';

  /** Picks the format by the first character; plain text when none fits. */
  read(body: string): void {
    let found = false;
    switch (body.charCodeAt(0)) {
      case 116: // t
      case 100: // d
      case 105: // i
      case 119: // w
      case 102: // f
      case 99: // c
        found = this.readMel(body);
        break;
      case 60: // <
        found = this.readSystemd(body);
        break;
      case 91: // [
        found = this.readSerilog(body);
        break;
      case 123: // {
        found = this.readJson(body);
        break;
      case 85: // U
        found = this.readUnhandled(body);
        break;
      default:
        found = isDigit(body.charCodeAt(0)) && this.readNlog(body);
    }
    if (!found) this.set('plain', levelFromText(body), undefined, undefined, body);
  }

  /** A JSON console-formatter record, from one line or several (never throws). */
  readJson(text: string): boolean {
    if (!text.includes('"LogLevel"')) return false;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      record = readCutJson(text);
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
    const fields = record as Record<string, unknown>;
    const level = LOG_LEVEL_NAMES[stringField(fields, 'LogLevel') ?? ''];
    if (!level) return false;
    const message = stringField(fields, 'Message') ?? '';
    const exception = stringField(fields, 'Exception');
    this.set('json', level, stringField(fields, 'Timestamp'), stringField(fields, 'Category'), exception ? `${message}\n${exception}` : message);
    return true;
  }

  private readMel(body: string): boolean {
    if (body.charCodeAt(4) !== 58 || body.charCodeAt(5) !== 32) return false;
    const level = MEL_LEVELS[body.slice(0, 4)];
    if (!level) return false;
    this.setWithCategory('mel', level, body, 6);
    return true;
  }

  private readSystemd(body: string): boolean {
    const priority = body.charCodeAt(1) - 48;
    if (!(priority >= 0 && priority <= 7) || body.charCodeAt(2) !== 62) return false;
    this.setWithCategory('systemd', SYSTEMD_LEVELS[priority], body, 3);
    return true;
  }

  private readSerilog(body: string): boolean {
    if (body.charCodeAt(3) !== 58 || body.charCodeAt(6) !== 58 || body.charCodeAt(9) !== 32 || body.charCodeAt(13) !== 93) return false;
    const level = SERILOG_LEVELS[body.slice(10, 13)];
    if (!level) return false;
    this.set('serilog', level, undefined, undefined, body.slice(body.charCodeAt(14) === 32 ? 15 : 14));
    return true;
  }

  private readNlog(body: string): boolean {
    if (body.charCodeAt(4) !== 45 || body.charCodeAt(7) !== 45 || body.charCodeAt(10) !== 32 || body.charCodeAt(13) !== 58) return false;
    const levelStart = body.indexOf('|', 19) + 1;
    if (levelStart === 0 || levelStart > 32) return false;
    const levelEnd = body.indexOf('|', levelStart);
    const level = levelEnd < 0 ? undefined : NLOG_LEVELS[body.slice(levelStart, levelEnd)];
    if (!level) return false;
    const loggerEnd = body.indexOf('|', levelEnd + 1);
    const time = `${body.slice(0, 10)}T${body.slice(11, levelStart - 1)}`;
    if (loggerEnd < 0) this.set('nlog', level, time, undefined, body.slice(levelEnd + 1));
    else this.set('nlog', level, time, body.slice(levelEnd + 1, loggerEnd), body.slice(loggerEnd + 1));
    return true;
  }

  private readUnhandled(body: string): boolean {
    if (!body.startsWith('Unhandled exception. ') && !body.startsWith('Unhandled Exception: ')) return false;
    this.set('unhandled', 'ERROR', undefined, undefined, body);
    return true;
  }

  /** `Category[EventId] rest` from `from` (simple and systemd formats): the category, and the text after `]` as message. */
  private setWithCategory(kind: Kind, level: AncmLevel, text: string, from: number): void {
    const open = text.indexOf('[', from);
    const close = open < 0 ? -1 : text.indexOf(']', open);
    if (open <= from || close < 0 || text.lastIndexOf(' ', open) >= from) this.set(kind, level, undefined, undefined, text.slice(from).trim());
    else this.set(kind, level, undefined, text.slice(from, open), text.slice(close + 1).trim());
  }

  private set(kind: Kind, level: AncmLevel, time: string | undefined, origin: string | undefined, message: string): void {
    this.kind = kind;
    this.level = level;
    this.time = time;
    this.origin = origin;
    this.message = message;
  }
}

/** Incremental parser: push batches of lines, get the entries they complete; the last entry waits for more lines. */
export class StdoutParser extends IncrementalEntryParser<Draft> {
  /** Time of the last .NET 6+ chunk prefix seen. */
  private chunkTime: string | undefined;
  private readonly head = new HeadReader();

  constructor(private readonly options: StdoutParserOptions) {
    super();
  }

  /** Parses a whole log at once. */
  static parseAll(lines: readonly LogLine[], options: StdoutParserOptions): LogEntry[] {
    return parseAllLines(new StdoutParser(options), lines);
  }

  protected add(line: LogLine, done: LogEntry[]): void {
    const text = line.text;
    const wrapper = readLineWrapper(text);
    let body = wrapper === NO_WRAPPER ? text : text.slice(wrapper.bodyStart);
    if (body.length >= CHUNK_PREFIX_LENGTH && hasChunkPrefix(body)) {
      this.chunkTime = body.slice(0, 24);
      body = body.slice(CHUNK_PREFIX_LENGTH);
    }
    const draft = this.draft;
    if (draft && this.continues(draft, body)) {
      const glued = draft.kind === 'mel' ? gluedHeaderStart(body) : -1;
      if (glued > 0) {
        // Two console entries on one physical line: the message goes on, the second header starts an entry.
        this.append(draft, text.slice(0, text.length - body.length + glued - 1), body.slice(0, glued - 1), line.offset, done);
        done.push(this.finish(this.draft!));
        const headOffset = line.offset + Buffer.byteLength(text.slice(0, text.length - body.length + glued));
        this.begin({ text: text.slice(text.length - body.length + glued), offset: headOffset }, body.slice(glued), wrapper);
        return;
      }
      this.append(draft, text, body, line.offset, done);
      return;
    }
    if (draft) done.push(this.finish(draft));
    else if (isBlank(body)) return; // a blank line with no entry to belong to
    this.begin(line, body, wrapper);
  }

  private begin(line: LogLine, body: string, wrapper: LineWrapper): void {
    const head = this.head;
    head.read(body);
    this.draft = {
      kind: head.kind,
      level: head.level,
      time: head.time ?? wrapper.time,
      origin: head.origin,
      message: head.message,
      offset: line.offset,
      chunkTime: this.chunkTime,
      text: line.text,
      body,
      more: undefined,
      moreBodies: undefined,
      chars: line.text.length,
      exception: (head.kind === 'plain' || head.kind === 'unhandled') && EXCEPTION_IN_TEXT.test(body) ? 'message' : 'none',
    };
  }

  private append(draft: Draft, text: string, body: string, offset: number, done: LogEntry[]): void {
    if (body.startsWith(FRAME)) draft.exception = 'frames';
    else if (draft.exception === 'none' && EXCEPTION_HEADER.test(body)) draft.exception = 'message';
    if (addContinuation(draft, text, body)) return;
    // Cut an oversized entry; the rest keeps its level, time and origin.
    done.push(this.finish(draft));
    this.draft = { ...draft, offset, message: body, text, body, more: undefined, moreBodies: undefined, chars: text.length };
  }

  /**
   * Whether a line continues the entry: an indented line, a blank line, a `---` separator, the closing `}` of an indented
   * JSON record, an exception header after a logger's entry; and inside an exception, its message lines (`Parameter name:`,
   * hard-wrapped text) until the stack starts, and a word cut by a hard wrap after it.
   */
  private continues(draft: Draft, body: string): boolean {
    const first = body.charCodeAt(0);
    if (first === 32 || first === 9 || body.length === 0) return true;
    if (first === 45 && body.startsWith('---')) return true;
    if (first === 13 && isBlank(body)) return true;
    // The closing brace of an indented JSON record.
    if (first === 125 && draft.kind === 'plain' && draft.body.trim() === '{') return true;
    // A logger writes the exception after its message, starting with the exception type at column 0.
    if (draft.kind !== 'plain' && first >= 65 && first <= 122 && EXCEPTION_HEADER.test(body)) return true;
    if (draft.exception === 'none') return false;
    if (first >= 97 && first <= 122 && endsInLetter(lastBody(draft)) && !MEL_HEADER.test(body)) return true;
    if (draft.exception !== 'message') return false;
    this.head.read(body);
    return this.head.kind === 'plain' && !LIFETIME_MESSAGE.test(body);
  }

  protected finish(draft: Draft): LogEntry {
    const { more, moreBodies } = draft;
    let count = more ? more.length : 0;
    while (count > 0 && moreBodies && isBlank(moreBodies[count - 1])) count--;
    const text = more && count > 0 ? `${draft.text}\n${more.slice(0, count).join('\n')}` : draft.text;
    let head: Head = draft;
    let message = moreBodies && count > 0 ? messageOf(draft, moreBodies, count) : draft.message;
    // An indented JSON record spans lines: read it as JSON once it is complete.
    if (draft.kind === 'plain' && moreBodies && count > 0 && draft.body.trim() === '{' && this.head.readJson(`${draft.body}\n${moreBodies.slice(0, count).join('\n')}`)) {
      head = this.head;
      message = head.message;
    }
    // Plain text is levelled once whole: an exception's type may only show on a later line.
    const level = head.kind === 'plain' && count > 0 ? levelFromText(message) : head.level;
    const { pid, processStart } = this.options;
    return {
      source: 'stdout',
      file: this.options.file,
      time: head.time === undefined ? draft.chunkTime : isoTime(head.time) ?? head.time,
      pid,
      level,
      levelFrom: head.kind === 'plain' || head.kind === 'unhandled' ? 'heuristic' : 'logger',
      origin: head.origin,
      text,
      message,
      offset: draft.offset,
      ...(processStart !== undefined && { processStart }),
    };
  }
}

/** The line the entry ends with so far, without its wrapper. */
function lastBody(draft: Draft): string {
  return draft.moreBodies && draft.moreBodies.length > 0 ? draft.moreBodies[draft.moreBodies.length - 1] : draft.body;
}

/** A line cut in the middle of a word (a hard wrap) ends in a letter; a frame ends in `)` or a line number. */
function endsInLetter(text: string): boolean {
  const last = text.charCodeAt(text.length - 1) | 0x20;
  return last >= 97 && last <= 122;
}

/** Where a console-formatter header glued to the end of a message line starts (`... key. dbug: Category[0]`), or -1. */
function gluedHeaderStart(body: string): number {
  if (body.charCodeAt(body.length - 1) !== 93 || !body.startsWith(MEL_INDENT)) return -1;
  const match = GLUED_MEL_HEADER.exec(body);
  return match ? match.index + 1 : -1;
}

function messageOf(draft: Draft, bodies: readonly string[], count: number): string {
  const lines = draft.message.length > 0 ? [draft.message] : [];
  for (let index = 0; index < count; index++) {
    const body = bodies[index];
    // The simple console formatter indents every message line by 6 spaces; the message is what follows.
    lines.push(draft.kind === 'mel' && body.startsWith(MEL_INDENT) ? body.slice(MEL_INDENT.length) : body);
  }
  return lines.join('\n');
}
