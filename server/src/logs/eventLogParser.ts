// Turns Windows Event Log records, as users copy them out of Event Viewer or Azure App Service, into entries: one event,
// one entry, with its time, event id, provider (`origin`), level and, for ANCM's events, the worker's process id.
//
// The shapes met in issues and on servers:
// - Event Viewer's "Copy details as text": `Log Name:` / `Source:` / `Date:` / `Event ID:` / `Task Category:` / `Level:` /
//   ... / `Description:` and the message, optionally followed by `Event Xml:` and the same event as XML (still one entry).
//   A shorter variant writes `Level:` / `Event ID:` / `Source:` / `Event Details: <message>`.
// - The short form people type: a local time line `3/4/2020 2:31:54 AM`, `Source:` and `EventId:` in either order, then
//   the message.
// - Event XML: `<Event>...</Event>` (one or many, on one line or spread over lines, inside `<Events>` as in App Service's
//   LogFiles\eventlog.xml), or a fragment that starts inside one (`EventData>`). Levels: 1 critical, 2 error, 3 warning,
//   4 and 0 information, 5 verbose.
// - The EventLog logging provider's text (Microsoft.Extensions.Logging.EventLog): `Category: <category>` / `EventId: <id>` /
//   a blank line / the message. It writes no level.
// ANCM's events carry `Process Id: <n>.` in their data (CommonLib/EventLog.cpp appends it to every event).
// A record without a level field gets the level its text gives (textLevel.ts).

import { IncrementalEntryParser, MAX_ENTRY_CHARS, MAX_ENTRY_LINES, parseAllLines } from './entryParser';
import { isoTime, usDateTime } from './logTime';
import { levelFromText } from './textLevel';
import type { AncmLevel } from '../protocol/levels';
import type { LogEntry, LogLine } from './types';

export interface EventLogParserOptions {
  /** Absolute path of the file, copied into every entry. */
  readonly file: string;
}

type Phase = 'header' | 'body' | 'xml';

interface Draft {
  readonly offset: number;
  phase: Phase;
  /** Header fields by lower-case name (`source`, `event id`, `level`, `date`, `category`...). */
  readonly fields: Map<string, string>;
  time: string | undefined;
  readonly lines: string[];
  readonly bodyLines: string[];
  /** The XML of the record, when it has some (its own or after `Event Xml:`). */
  xml: string;
  chars: number;
}


/** Field names of the text forms; `Description` and `Event Details` start the message. */
const HEADER_FIELD = /^(Log Name|Source|Date|Event ID|EventId|Task Category|Level|Opcode|OpCode|Keywords|User|Computer|Category|Description|Event Details):(?:\s+(.*))?$/;
const MESSAGE_FIELDS = new Set(['description', 'event details']);
const TIME_LINE = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d:\d\d(?: ?[AP]M)?$/i;
// The start of an event's XML, or a fragment cut inside it.
const XML_START = /<Event[\s>]|^\s*(?:<\/?)?(?:EventData|System|Data)>|^\s*<Data[\s>]/;
const XML_END = '</Event>';

const TEXT_LEVELS: Readonly<Record<string, AncmLevel>> = {
  critical: 'ERROR',
  error: 'ERROR',
  warning: 'WARNING',
  information: 'INFO',
  verbose: 'TRACE',
};
const XML_LEVELS: readonly AncmLevel[] = ['INFO', 'ERROR', 'ERROR', 'WARNING', 'INFO', 'TRACE'];

const PROCESS_ID = /\bProcess Id: (\d{1,10})\./;

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

export class EventLogParser extends IncrementalEntryParser<Draft> {
  constructor(private readonly options: EventLogParserOptions) {
    super();
  }

  static parseAll(lines: readonly LogLine[], options: EventLogParserOptions): LogEntry[] {
    return parseAllLines(new EventLogParser(options), lines);
  }

  protected add(line: LogLine, done: LogEntry[]): void {
    const text = line.text;
    const draft = this.draft;
    if (draft?.phase === 'xml') {
      this.addXml(draft, line, done);
      return;
    }
    const trimmed = text.trim();
    if (XML_START.test(text)) {
      // An Event Viewer record's own XML follows its `Event Xml:` line.
      if (draft && draft.phase === 'body' && draft.bodyLines.at(-1)?.trim() === 'Event Xml:') {
        draft.bodyLines.pop();
        draft.phase = 'xml';
        this.addXml(draft, line, done);
        return;
      }
      // An event starts at its `<Event>`: what comes before it on the line (`<?xml ...?><Events>`) is no part of it.
      const eventStart = Math.max(0, text.search(/<Event[\s>]/));
      const start = eventStart === 0 ? line : { text: text.slice(eventStart), offset: line.offset + Buffer.byteLength(text.slice(0, eventStart)) };
      this.startRecord(start, 'xml', done);
      this.addXml(this.draft!, start, done);
      return;
    }
    if (TIME_LINE.test(trimmed)) {
      if (!draft || draft.phase !== 'header' || draft.time !== undefined || draft.fields.size > 0) this.startRecord(line, 'header', done);
      this.draft!.time = usDateTime(trimmed);
      this.draft!.lines.push(text);
      return;
    }
    const field = HEADER_FIELD.exec(trimmed);
    if (field) {
      const name = field[1].toLowerCase();
      const value = field[2] ?? '';
      // A field after the message, or one the record already has, starts the next record.
      if (!draft || draft.phase !== 'header' || draft.fields.has(name)) this.startRecord(line, 'header', done);
      const record = this.draft!;
      record.lines.push(text);
      record.chars += text.length + 1;
      if (MESSAGE_FIELDS.has(name)) {
        record.phase = 'body';
        if (value) record.bodyLines.push(value);
      } else {
        record.fields.set(name, value);
      }
      return;
    }
    if (!draft) {
      if (isBlank(text)) return;
      this.startRecord(line, 'body', done);
    } else if (draft.phase === 'header') {
      // The message starts after the fields (the EventLog provider puts a blank line between).
      draft.phase = 'body';
      if (isBlank(text)) {
        draft.lines.push(text);
        return;
      }
    }
    this.appendBody(this.draft!, line, text, done);
  }

  private appendBody(draft: Draft, line: LogLine, text: string, done: LogEntry[]): void {
    if (draft.lines.length >= MAX_ENTRY_LINES || draft.chars + text.length > MAX_ENTRY_CHARS) {
      this.startRecord(line, 'body', done);
      draft = this.draft!;
    }
    draft.lines.push(text);
    draft.bodyLines.push(text);
    draft.chars += text.length + 1;
  }

  /** XML lines: each `</Event>` ends a record; text after it on the same line starts the next one. */
  private addXml(draft: Draft, line: LogLine, done: LogEntry[]): void {
    let text = line.text;
    let offset = line.offset;
    let record = draft;
    for (;;) {
      const end = text.indexOf(XML_END);
      if (end < 0) {
        if (record.chars + text.length > MAX_ENTRY_CHARS || record.lines.length >= MAX_ENTRY_LINES) {
          // Not an event after all, or a runaway one: keep it as text.
          record.phase = 'body';
          this.appendBody(record, { text, offset }, text, done);
          return;
        }
        record.lines.push(text);
        record.xml += `${text}\n`;
        record.chars += text.length + 1;
        return;
      }
      const piece = text.slice(0, end + XML_END.length);
      record.lines.push(piece);
      record.xml += piece;
      done.push(this.finish(record));
      this.draft = undefined;
      const rest = text.slice(end + XML_END.length);
      const next = rest.search(/<Event[\s>]/);
      if (next < 0) {
        // Text after the event on its line (not another event) is no part of it, and is read as a line of its own
        // rather than dropped.
        if (!isBlank(rest) && !/^\s*<\/Events>\s*$/.test(rest)) this.add({ text: rest, offset: offset + Buffer.byteLength(piece) }, done);
        return;
      }
      offset += Buffer.byteLength(text.slice(0, end + XML_END.length + next));
      text = rest.slice(next);
      record = this.newRecord(offset, 'xml');
      this.draft = record;
    }
  }

  private startRecord(line: LogLine, phase: Phase, done: LogEntry[]): void {
    if (this.draft) done.push(this.finish(this.draft));
    this.draft = this.newRecord(line.offset, phase);
  }

  private newRecord(offset: number, phase: Phase): Draft {
    return { offset, phase, fields: new Map(), time: undefined, lines: [], bodyLines: [], xml: '', chars: 0 };
  }

  protected finish(draft: Draft): LogEntry {
    const xml = draft.xml ? readEventXml(draft.xml) : undefined;
    let bodyEnd = draft.bodyLines.length;
    while (bodyEnd > 0 && isBlank(draft.bodyLines[bodyEnd - 1])) bodyEnd--;
    let lineEnd = draft.lines.length;
    while (lineEnd > 0 && isBlank(draft.lines[lineEnd - 1])) lineEnd--;
    const described = draft.bodyLines.slice(0, bodyEnd).join('\n');
    const message = described || xml?.data.join('\n') || '';
    const fields = draft.fields;
    const levelField = fields.get('level')?.toLowerCase();
    const level = xml?.level ?? (levelField ? TEXT_LEVELS[levelField] : undefined);
    const eventIdText = fields.get('event id') ?? fields.get('eventid');
    const eventId = xml?.eventId ?? (eventIdText && /^\d+$/.test(eventIdText) ? +eventIdText : undefined);
    const pid = PROCESS_ID.exec(xml ? xml.data.join('\n') : message)?.[1];
    const dateField = fields.get('date');
    return {
      source: 'events',
      file: this.options.file,
      time: xml?.time ?? draft.time ?? (dateField ? usDateTime(dateField) ?? isoTime(dateField) : undefined),
      pid: pid === undefined ? undefined : +pid,
      level: level ?? levelFromText(message),
      levelFrom: level ? 'logger' : 'heuristic',
      // The EventLog logging provider names no source in its text, but the logger category, as a console logger does.
      origin: xml?.provider ?? fields.get('source') ?? fields.get('category'),
      text: draft.lines.slice(0, lineEnd).join('\n'),
      message,
      offset: draft.offset,
      ...(eventId !== undefined && { eventId }),
    };
  }
}

interface EventXml {
  readonly provider: string | undefined;
  readonly eventId: number | undefined;
  readonly level: AncmLevel | undefined;
  readonly time: string | undefined;
  readonly data: string[];
}

/** The fields of one event's XML, read leniently: a fragment gives what it holds. */
function readEventXml(xml: string): EventXml {
  const provider = /<Provider\b[^>]*?\bName\s*=\s*["']([^"']*)["']/.exec(xml)?.[1];
  const eventId = /<EventID\b[^>]*>\s*(\d+)\s*</.exec(xml)?.[1];
  const level = /<Level>\s*(\d)\s*</.exec(xml)?.[1];
  const time = /<TimeCreated\b[^>]*?\bSystemTime\s*=\s*["']([^"']*)["']/.exec(xml)?.[1];
  const data: string[] = [];
  for (const match of xml.matchAll(/<Data\b[^>]*>([^<]*)<\/Data>|<Data\b[^>]*>([^<]*)$/g)) {
    const value = unescapeXml(match[1] ?? match[2] ?? '').replace(/\n$/, '');
    if (value.trim()) data.push(value);
  }
  return {
    provider: provider === undefined ? undefined : unescapeXml(provider),
    eventId: eventId === undefined ? undefined : +eventId,
    level: level === undefined ? undefined : XML_LEVELS[+level],
    time: time === undefined ? undefined : isoTime(time),
    data,
  };
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g, (whole, hex: string, decimal: string, name: string) => {
    if (name) return XML_ENTITIES[name];
    const code = hex ? parseInt(hex, 16) : +decimal;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
