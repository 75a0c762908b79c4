// Turns the lines of an ANCM debug log (aspnetcore-debug.log) into entries, incrementally, as a tail reader delivers them.
//
// Format facts (REFERENCE §4, from CommonLib/debugutil.cpp and real logs in the corpus MANIFEST):
// - .NET 6+: `[<yyyy-MM-ddTHH:mm:ss.fffZ>, PID: <n>] [<dll label>] <message>`; 2.2-5.0: `[<dll label>] <message>`.
//   The label is the writing dll (aspnetcorev2.dll, aspnetcorev2_inprocess.dll, aspnetcorev2_outofprocess.dll); any
//   `aspnetcore*.dll` is accepted.
//   No level is written: it comes from the message catalog (../ancm/debugLogCatalog) or, failing that, a heuristic.
// - A message can span lines (Event Log blocks ending in `End Event Log Message.`, where.exe output, hostfxr errors), so a
//   line without the prefix continues the previous entry.
// - Logs pasted from CI or issues carry a wrapper before the prefix (`> `, `... iisexpress stdout: `,
//   `[7.792s] ...IISDeployer Information: `); a wrapper is accepted when it ends in `: ` or `>`. One known paste lost the
//   opening `[` of the first line (`aspnetcorev2_inprocess.dll] Exception ...`); that form is accepted too.
//
// The level is decided once an entry is complete, from its whole message (values such as where.exe output hold newlines).
// Level heuristic (levelFrom 'heuristic'), only for messages the catalog does not know, on the first 2048 characters:
// failure words (failed, error, exception, unable to, an HRESULT 0x8xxxxxxx) -> ERROR; `warning`, `could not`, `timed out`
// -> WARNING; `NAME::Method` call traces like FORWARDING_HANDLER::... -> TRACE (ANCM logs those at TRACE); otherwise INFO,
// the level of almost every other ANCM message.

import { findDebugLogMessage } from '../ancm/debugLogCatalog';
import { IncrementalEntryParser, parseAllLines } from './entryParser';
import type { AncmLevel, LogEntry, LogLine } from './types';

export interface DebugLogParserOptions {
  /** Absolute path of the log, copied into every entry. */
  readonly file: string;
}

interface Decision {
  readonly level: AncmLevel;
  readonly levelFrom: LogEntry['levelFrom'];
}

interface Draft {
  readonly offset: number;
  readonly time: string | undefined;
  readonly pid: number | undefined;
  readonly origin: string | undefined;
  /** Set for the rest of a cut entry, which keeps the level of its start; otherwise decided when the entry is complete. */
  readonly decided: Decision | undefined;
  readonly text: string;
  readonly message: string;
  /** Continuation lines, created only when there is one (most entries are a single line). */
  more: string[] | undefined;
  chars: number;
}

// An entry is cut beyond these sizes so that a file with no prefixes at all cannot build one unbounded string.
const MAX_ENTRY_LINES = 10_000;
const MAX_ENTRY_CHARS = 4 * 1024 * 1024;
// Only this much of a message is read to guess its level.
const MAX_CLASSIFIED = 2048;

const MAX_LABEL = 64;
const LABEL_STEM = 'aspnetcore';
/** The labels ANCM writes, by length: reused instead of a new string per line, and checked with one comparison. */
const KNOWN_LABELS = new Map(['aspnetcorev2.dll', 'aspnetcorev2_inprocess.dll', 'aspnetcorev2_outofprocess.dll'].map((label) => [label.length, label]));
const PID_MARK = ', PID: ';
const ISO_TIME_LENGTH = 24; // 2019-11-23T13:23:02.000Z

const ERROR_WORDS = /\bfail(?:s|ed|ure)?\b|\berror\b|exception|\bunable to\b|\b0x8[0-9a-f]{7}\b/i;
const WARNING_WORDS = /\bwarn(?:ing)?\b|\bcould not\b|\btimed? ?out\b/i;
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

function isWrapper(text: string, end: number): boolean {
  if (end === 0 || (end >= 2 && text.charCodeAt(end - 1) === 32 && text.charCodeAt(end - 2) === 58)) return true; // `: `
  let last = end - 1;
  while (last >= 0 && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 9)) last--;
  return last < 0 || text.charCodeAt(last) === 62; // `>`
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

function classify(message: string): Decision {
  const known = findDebugLogMessage(message);
  if (known) return FROM_CATALOG[known.level];
  const text = message.length > MAX_CLASSIFIED ? message.slice(0, MAX_CLASSIFIED) : message;
  if (ERROR_WORDS.test(text)) return GUESSED.ERROR;
  if (WARNING_WORDS.test(text)) return GUESSED.WARNING;
  if (CALL_TRACE.test(text)) return GUESSED.TRACE;
  return GUESSED.INFO;
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
    const messageStart = this.prefix.read(text);
    const draft = this.draft;
    if (messageStart >= 0) {
      if (draft) done.push(this.finish(draft));
      const { time, pid, label } = this.prefix;
      this.draft = { offset: line.offset, time, pid, origin: label, decided: undefined, text, message: text.slice(messageStart), more: undefined, chars: text.length };
      return;
    }
    if (!draft) {
      // A blank line belongs to no entry; other text with nothing before it means the file starts mid-entry.
      if (isBlank(text)) return;
      this.draft = { offset: line.offset, time: undefined, pid: undefined, origin: undefined, decided: undefined, text, message: text, more: undefined, chars: text.length };
      return;
    }
    const count = draft.more ? draft.more.length : 0;
    if (count + 1 < MAX_ENTRY_LINES && draft.chars + text.length < MAX_ENTRY_CHARS) {
      if (draft.more) draft.more.push(text);
      else draft.more = [text];
      draft.chars += text.length + 1;
      return;
    }
    // Cut an oversized entry; the rest keeps its time, pid, origin and level.
    const entry = this.finish(draft);
    done.push(entry);
    this.draft = { ...draft, decided: entry, offset: line.offset, text, message: text, more: undefined, chars: text.length };
  }

  protected finish(draft: Draft): LogEntry {
    let text = draft.text;
    let message = draft.message;
    const more = draft.more;
    if (more) {
      // Blank lines at the end belong to no message (ANCM ends some formats with "\n", giving an empty line).
      let count = more.length;
      while (count > 0 && isBlank(more[count - 1])) count--;
      if (count > 0) {
        const rest = (count === more.length ? more : more.slice(0, count)).join('\n');
        text = `${text}\n${rest}`;
        message = `${message}\n${rest}`;
      }
    }
    // The whole message, not its first line: a value such as where.exe's output carries newlines before the format's end.
    const { level, levelFrom } = draft.decided ?? classify(message);
    return { source: 'debug', file: this.options.file, time: draft.time, pid: draft.pid, level, levelFrom, origin: draft.origin, text, message, offset: draft.offset };
  }
}
