// Looks up why something failed: a code a user types (`explainCode`) or a log entry (`explainEntry`), against the keys of
// failureKeys.ts and the causes of failureCauses.ts.
//
// Matching is linear in the text: catalog messages through debugLogCatalog.ts (anchored literal pieces), phrases with
// indexOf (a phrase of several pieces remembers where each later piece was last found, so no position is searched twice),
// and one pass over the characters for HRESULTs (8 hex digits, with or without 0x; or a negative decimal) and for the
// status codes after "HTTP Error " / "HTTP status ". No regular expression runs on the log text.

import { DEBUG_LOG_MESSAGES, EVENT_LOG_MESSAGES, findDebugLogMessage, type DebugLogMessage } from './debugLogCatalog';
import { type FailureCause, findFailureCause } from './failureCauses';
import { ANCM_EVENT_KEYS, type AncmEventKey, CATALOG_KEYS, HRESULT_KEYS, type HresultKey, PHRASE_KEYS, STATUS_CODE_KEYS, type StatusCodeKey } from './failureKeys';
import { literalPieces } from './failureMessages';

/** Whether a catalog message reports a failure by its own level: an ERROR or WARNING line, an error or warning event. */
export function isFailureLevel(message: DebugLogMessage): boolean {
  return message.eventType ? message.eventType !== 'information' : message.level === 'ERROR' || message.level === 'WARNING';
}

function buildCatalogCauses(): Map<DebugLogMessage, readonly string[]> {
  const byMessage = new Map<DebugLogMessage, string[]>();
  for (const [piece, causes] of CATALOG_KEYS) {
    const found = [...DEBUG_LOG_MESSAGES, ...EVENT_LOG_MESSAGES].filter((message) => message.format.includes(piece));
    if (found.length === 0) throw new Error(`failureKeys.ts: no catalog message holds "${piece}"`);
    for (const message of found) {
      const list = byMessage.get(message) ?? [];
      for (const cause of causes) if (!list.includes(cause)) list.push(cause);
      byMessage.set(message, list);
    }
  }
  return byMessage;
}

let catalogCausesBuilt: ReadonlyMap<DebugLogMessage, readonly string[]> | undefined;

/** The causes of each catalog message that has some; built at the first lookup, so a server that never reads a log pays nothing at start. */
export function catalogCauses(): ReadonlyMap<DebugLogMessage, readonly string[]> {
  catalogCausesBuilt ??= buildCatalogCauses();
  return catalogCausesBuilt;
}

const STATUS_BY_CODE = new Map(STATUS_CODE_KEYS.map((key) => [key.code, key]));
const HRESULT_BY_CODE = new Map(HRESULT_KEYS.map((key) => [key.code, key]));
const EVENT_BY_ID = new Map(ANCM_EVENT_KEYS.map((key) => [key.id, key]));

// --- explainCode --------------------------------------------------------------------------------------------------------

export interface CodeExplanation {
  readonly kind: 'status' | 'hresult' | 'event';
  /** The code as written in ANCM's texts: `500.31`, `0x8007023E`, `1034`. */
  readonly code: string;
  /** The error page title, the HRESULT's name, or the event's symbolic name. */
  readonly name: string;
  readonly meaning: string;
  /** Most likely first. */
  readonly causes: readonly FailureCause[];
  readonly source: string;
}

function causesOf(ids: readonly string[]): FailureCause[] {
  return ids.map((id) => {
    const cause = findFailureCause(id);
    if (!cause) throw new Error(`failureKeys.ts: unknown cause "${id}"`);
    return cause;
  });
}

export function formatHresult(code: number): string {
  return `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

function statusExplanation(key: StatusCodeKey): CodeExplanation {
  return { kind: 'status', code: key.code, name: `HTTP Error ${key.code}`, meaning: key.title, causes: causesOf(key.causes), source: key.source };
}

function hresultExplanation(key: HresultKey): CodeExplanation {
  return { kind: 'hresult', code: formatHresult(key.code), name: key.name, meaning: key.meaning, causes: causesOf(key.causes), source: key.source };
}

function eventExplanation(key: AncmEventKey): CodeExplanation {
  return { kind: 'event', code: String(key.id), name: key.symbol, meaning: key.meaning, causes: causesOf(key.causes), source: 'CommonLib/aspnetcore_msg.mc, CommonLib/resources.h' };
}

/** The status key for `500`, `500.31` or `503`: a status without substatus is its `.0` row unless it has its own. */
function findStatus(status: string, substatus: string | undefined): StatusCodeKey | undefined {
  if (substatus !== undefined) return STATUS_BY_CODE.get(`${status}.${Number(substatus)}`);
  return STATUS_BY_CODE.get(status) ?? STATUS_BY_CODE.get(`${status}.0`);
}

const STATUS_INPUT = /^(?:HTTP(?:\s+(?:Error|status))?\s*:?\s*)?([45]\d\d)(?:\.(\d{1,2}))?(?:\s*[-\u2013:].*)?$/i;
const EVENT_INPUT = /^(?:event(?:\s*id)?\s*:?\s*)?(\d{4})$/i;
const HEX_INPUT = /^(?:0x([0-9a-f]{1,8})|([0-9a-f]{8}))$/i;
const DECIMAL_INPUT = /^(-?\d{1,10})$/;

/**
 * What a code means: an error page's status (`500.31`, `HTTP Error 500.31`, `502.5`, `503`), an ANCM event id (`1034`,
 * `event 1034`), or an HRESULT (`0x8007023E`, `8007023e`, `-2147024338`; a small number is a Win32 error code, as in
 * "LastError: 193"). Undefined when the code is not one the tables know.
 */
export function explainCode(input: string): CodeExplanation | undefined {
  const text = input.trim();
  if (text.length === 0 || text.length > 200) return undefined;
  const status = STATUS_INPUT.exec(text);
  if (status) {
    const key = findStatus(status[1], status[2]);
    return key && statusExplanation(key);
  }
  const event = EVENT_INPUT.exec(text);
  if (event && EVENT_BY_ID.has(Number(event[1]))) return eventExplanation(EVENT_BY_ID.get(Number(event[1]))!);
  const hex = HEX_INPUT.exec(text);
  if (hex) {
    const key = HRESULT_BY_CODE.get(parseInt(hex[1] ?? hex[2], 16) >>> 0);
    return key && hresultExplanation(key);
  }
  const decimal = DECIMAL_INPUT.exec(text);
  if (decimal) {
    const value = Number(decimal[1]);
    if (value < -0x80000000 || value > 0xffffffff) return undefined;
    // A Win32 error code (as in "LastError: 193") is looked up as HRESULT_FROM_WIN32.
    const code = value >= 0 && value <= 0xffff ? (0x80070000 | value) >>> 0 : value >>> 0;
    const key = HRESULT_BY_CODE.get(code);
    return key && hresultExplanation(key);
  }
  return undefined;
}

// --- explainEntry -------------------------------------------------------------------------------------------------------

/** What explainEntry reads of a log entry (a LogEntry fits). */
export interface ExplainableEntry {
  /** The message without the format's prefix: matched against ANCM's catalog. */
  readonly message: string;
  /** The whole entry, continuation lines included: searched for phrases and codes. */
  readonly text: string;
  readonly eventId?: number;
  /** The Event Log provider, for an event: its event id counts only for ANCM's provider. */
  readonly origin?: string;
}

interface Phrase {
  readonly parts: readonly string[];
  readonly causes: readonly string[];
  readonly atStart: boolean;
}

/** An Event Log template's longest literal piece, without the quotes and spaces around its values. */
function longestLiteral(format: string): string {
  return literalPieces(format)
    .map((piece) => piece.replace(/^[\s'.,:]+|[\s'(]+$/g, ''))
    .reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

// An event's text turns up inside other formats (Event Viewer's text, event XML, a 1020 event quoting a 1000 one), so
// each event template with causes is also searched for by its longest literal piece.
const MIN_TEMPLATE_PIECE = 20;

let phrasesBuilt: readonly Phrase[] | undefined;

function phrases(): readonly Phrase[] {
  phrasesBuilt ??= [
    ...PHRASE_KEYS.map((key) => ({ parts: typeof key.text === 'string' ? [key.text] : key.text, causes: key.causes, atStart: key.atStart === true })),
    ...[...catalogCauses()]
      .filter(([message]) => message.eventType !== undefined && longestLiteral(message.format).length >= MIN_TEMPLATE_PIECE)
      .map(([message, causes]) => ({ parts: [longestLiteral(message.format)], causes, atStart: false })),
  ];
  return phrasesBuilt;
}

const ANCM_PROVIDER = 'AspNetCore Module';
const EVENT_LOG_PREFIX = "Event Log: '";
/** Beyond this many characters an entry is not searched: ANCM's texts and the host's messages come first. */
const MAX_SEARCHED = 32 * 1024;
/** The most characters between two pieces of one phrase. */
const MAX_GAP = 300;

function hasPhrase(text: string, phrase: Phrase): boolean {
  const [first, ...rest] = phrase.parts;
  if (phrase.atStart) return text.startsWith(first) && (rest.length === 0 || followsFrom(text, first.length, rest, []));
  // The next occurrence of each later piece, reused while it lies ahead: every search moves forward.
  const next: number[] = rest.map(() => -1);
  for (let from = 0; ; ) {
    const start = text.indexOf(first, from);
    if (start < 0) return false;
    if (rest.length === 0 || followsFrom(text, start + first.length, rest, next)) return true;
    if (next.some((position) => position === Number.POSITIVE_INFINITY)) return false;
    from = start + 1;
  }
}

/** Whether `pieces` follow `position` in order, each within MAX_GAP characters on the same line. */
function followsFrom(text: string, position: number, pieces: readonly string[], next: number[]): boolean {
  for (let index = 0; index < pieces.length; index++) {
    let found = next[index];
    if (found === undefined || found < position) {
      found = text.indexOf(pieces[index], position);
      if (found < 0) found = Number.POSITIVE_INFINITY;
      next[index] = found;
    }
    if (found === Number.POSITIVE_INFINITY || found - position > MAX_GAP) return false;
    for (let at = position; at < found; at++) if (text.charCodeAt(at) === 10) return false;
    position = found + pieces[index].length;
  }
  return true;
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Calls `visit` with each code that looks like an HRESULT: 8 hex digits (after 0x or standing alone) or a negative decimal. */
export function scanHresults(text: string, visit: (code: number) => void): void {
  const length = text.length;
  let index = 0;
  while (index < length) {
    if (!isHexDigit(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    let digitsOnly = true;
    while (index < length && isHexDigit(text.charCodeAt(index))) {
      const code = text.charCodeAt(index);
      if (code > 57) digitsOnly = false;
      index++;
    }
    const runLength = index - start;
    if (index < length && isWordCharacter(text.charCodeAt(index))) continue;
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    if (runLength === 8) {
      // 0x prefix, or a boundary: "HR=8007023e", "ErrorCode = '0x80004005 : 80008081".
      const prefixed = (before === 120 || before === 88) && start >= 2 && text.charCodeAt(start - 2) === 48 && (start < 3 || !isWordCharacter(text.charCodeAt(start - 3)));
      if (prefixed || !isWordCharacter(before)) visit(parseInt(text.slice(start, index), 16) >>> 0);
    } else if (digitsOnly && (runLength === 9 || runLength === 10) && before === 45 && (start < 2 || !isWordCharacter(text.charCodeAt(start - 2)))) {
      // A negative decimal HRESULT, as in "exit code = '-2147450743'" or "ErrorCode = -2147024893".
      const value = -Number(text.slice(start, index));
      if (value >= -0x80000000) visit(value >>> 0);
    }
  }
}

const STATUS_PREFIXES = ['HTTP Error ', 'HTTP status ', 'HTTP Status '];

function scanStatusCodes(text: string, visit: (key: StatusCodeKey) => void): void {
  for (const prefix of STATUS_PREFIXES) {
    for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + prefix.length)) {
      const start = at + prefix.length;
      let end = start;
      while (end < text.length && end - start < 3 && isDigit(text.charCodeAt(end))) end++;
      if (end - start !== 3) continue;
      let substatus: string | undefined;
      if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
        let subEnd = end + 1;
        while (subEnd < text.length && subEnd - end <= 2 && isDigit(text.charCodeAt(subEnd))) subEnd++;
        substatus = text.slice(end + 1, subEnd);
      }
      const key = findStatus(text.slice(start, end), substatus);
      if (key) visit(key);
    }
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The ids of the causes an entry shows, most specific first: ANCM's messages and the host's texts, then the HRESULTs, the
 * event id and the status codes it carries. Where a code alone has several possible causes only its first is taken.
 * Empty when nothing in the entry is known.
 */
export function explainEntry(entry: ExplainableEntry): readonly string[] {
  const found: string[] = [];
  const add = (ids: readonly string[]) => {
    for (const id of ids) if (!found.includes(id)) found.push(id);
  };
  const text = entry.text.length > MAX_SEARCHED ? entry.text.slice(0, MAX_SEARCHED) : entry.text;
  const message = entry.message || text;

  for (const phrase of phrases()) if (hasPhrase(phrase.atStart ? message : text, phrase)) add(phrase.causes);
  const catalog = findDebugLogMessage(message) ?? (message.startsWith(EVENT_LOG_PREFIX) ? undefined : findDebugLogMessage(EVENT_LOG_PREFIX + message));
  const causesOfMessage = catalog && catalogCauses().get(catalog);
  if (causesOfMessage) add(causesOfMessage);
  scanHresults(text, (code) => {
    const key = HRESULT_BY_CODE.get(code);
    if (key && key.causes.length > 0) add([key.causes[0]]);
  });
  if (entry.eventId !== undefined && entry.origin?.includes(ANCM_PROVIDER)) {
    const key = EVENT_BY_ID.get(entry.eventId);
    if (key && key.causes.length > 0) add([key.causes[0]]);
  }
  scanStatusCodes(text, (key) => add([key.causes[0]]));
  // A trace of a failed call is the least telling cause: it goes last.
  const trace = found.indexOf('module-call-failed');
  if (trace >= 0 && trace < found.length - 1) found.push(...found.splice(trace, 1));
  return found;
}
