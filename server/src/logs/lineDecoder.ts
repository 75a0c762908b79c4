// Bytes → lines for a log file read in arbitrary chunks, with the byte offset of every line.
//
// Lines are split in the byte domain, before decoding: in UTF-8 the bytes 0x0A and 0x0D never occur
// inside a multi-byte sequence, and in UTF-16 the break is a whole aligned code unit. So a character
// split across two reads is simply held with the rest of its line until the break arrives, each line
// is decoded whole, and offsets are exact without re-encoding anything.
//
// Breaks: LF, and CR LF as one break. A lone CR is not a break and stays in the text (ANCM and the
// .NET console never end a line with a bare CR; a progress display may use one inside a line).
//
// Partial lines: `flushPartial()` delivers the bytes waiting for a break (the tail reader calls it
// after an idle time). The rest of that line, when it arrives, is delivered as its own line with its
// own offset: a continuation, never a repeat. A continuation that would be empty (the break came
// right after the flushed part) is not delivered. A flush keeps back an incomplete character and a
// trailing CR, so the continuation starts on a character and a CR LF split by the flush is still one
// break. A line longer than `maxLineBytes` is delivered in pieces the same way, so memory stays bounded.

import type { LogLine } from './types';

export type LogEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface ByteOrderMark {
  readonly encoding: LogEncoding;
  /** Bytes the mark takes at the start of the file; 0 when there is none (UTF-8). */
  readonly length: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** How many first bytes of a file `detectByteOrderMark` needs. */
export const BYTE_ORDER_MARK_MAX_BYTES = 3;

/**
 * The encoding named by the first bytes of a file (the first `BYTE_ORDER_MARK_MAX_BYTES`, or all of a
 * shorter file), or `undefined` while the file is too short to tell: a file holding the one byte 0xFF
 * may be the start of a UTF-16 mark. Without a mark the file is UTF-8, which is what ANCM writes.
 */
export function detectByteOrderMark(head: Uint8Array): ByteOrderMark | undefined {
  for (const [bom, encoding] of [[UTF8_BOM, 'utf8'], [UTF16LE_BOM, 'utf16le'], [UTF16BE_BOM, 'utf16be']] as const) {
    const available = Math.min(head.length, bom.length);
    if (!bom.slice(0, available).every((byte, index) => head[index] === byte)) continue;
    if (available === bom.length) return { encoding, length: bom.length };
    return undefined;
  }
  return { encoding: 'utf8', length: 0 };
}

/** Bytes per code unit: line breaks and offsets inside a line are aligned to it. */
export function codeUnitBytes(encoding: LogEncoding): number {
  return encoding === 'utf8' ? 1 : 2;
}

/** Where the line break (LF) that starts at or after `from` sits in `bytes`, or -1. `bytes[0]` is at an aligned offset. */
export function indexOfLineFeed(bytes: Uint8Array, from: number, encoding: LogEncoding): number {
  const buffer = asBuffer(bytes);
  if (encoding === 'utf8') return buffer.indexOf(0x0a, from);
  const pattern = encoding === 'utf16le' ? LF_UTF16LE : LF_UTF16BE;
  for (let position = buffer.indexOf(pattern, from); position !== -1; position = buffer.indexOf(pattern, position + 1)) {
    if (position % 2 === 0) return position;
  }
  return -1;
}

const LF_UTF16LE = Buffer.from([0x0a, 0x00]);
const LF_UTF16BE = Buffer.from([0x00, 0x0a]);

export class LineDecoder {
  private readonly unit: number;
  private readonly maxLineBytes: number;
  /** Bytes of the current line that have no break yet, in arrival order. Between calls: copies, never the caller's buffer. */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** File offset of the first pending byte. */
  private pendingOffset: number;
  /** UTF-16 only: the first byte of a code unit whose second byte has not arrived. */
  private oddByte: number | undefined;
  /** The pending bytes continue a line whose beginning was already delivered. */
  private continuing = false;

  constructor(
    readonly encoding: LogEncoding,
    /** File offset of the first byte that will be pushed (after the byte order mark; aligned to a code unit). */
    startOffset: number,
    maxLineBytes = 1024 * 1024,
  ) {
    this.unit = codeUnitBytes(encoding);
    this.pendingOffset = startOffset;
    // Whole code units, and room for a character and a CR that a cut keeps back.
    this.maxLineBytes = Math.max(8, maxLineBytes - (maxLineBytes % this.unit));
  }

  /** File offset just after the last byte pushed. */
  get nextOffset(): number {
    return this.pendingOffset + this.pendingLength + (this.oddByte === undefined ? 0 : 1);
  }

  /** File offset of the first byte still waiting for its line break, or `undefined` when none waits. */
  get partialOffset(): number | undefined {
    return this.pendingLength > 0 || this.oddByte !== undefined ? this.pendingOffset : undefined;
  }

  /** The complete lines these bytes finish, oldest first. The bytes follow the previous ones in the file. */
  push(bytes: Uint8Array): LogLine[] {
    let data = asBuffer(bytes);
    if (this.oddByte !== undefined) {
      data = Buffer.concat([Buffer.of(this.oddByte), data]);
      this.oddByte = undefined;
    }
    const lines: LogLine[] = [];
    let lineStart = 0;
    for (let lineFeed = indexOfLineFeed(data, 0, this.encoding); lineFeed !== -1; lineFeed = indexOfLineFeed(data, lineStart, this.encoding)) {
      this.take(data.subarray(lineStart, lineFeed), lines);
      const line = this.completeLine();
      if (line) lines.push(line);
      this.pendingOffset += this.unit;
      lineStart = lineFeed + this.unit;
    }
    let rest = data.subarray(lineStart);
    if (rest.length % this.unit !== 0) {
      this.oddByte = rest[rest.length - 1];
      rest = rest.subarray(0, rest.length - 1);
    }
    this.take(Buffer.from(rest), lines);
    return lines;
  }

  /**
   * Delivers the bytes waiting for a line break, except an incomplete last character and a trailing CR,
   * which stay to begin the continuation. `undefined` when nothing can be delivered yet.
   */
  flushPartial(): LogLine | undefined {
    return this.deliverPending(this.pendingLength);
  }

  /** Delivers everything still waiting, as at the end of a file that will not grow any more (deleted, replaced, a range's end). */
  finish(): LogLine | undefined {
    if (this.oddByte !== undefined) {
      this.pending.push(Buffer.of(this.oddByte));
      this.pendingLength++;
      this.oddByte = undefined;
    }
    if (this.pendingLength > 0) return this.completeLine();
    this.continuing = false;
    return undefined;
  }

  /** Adds bytes to the current line; cuts it into pieces at `maxLineBytes`, whatever the read sizes. */
  private take(bytes: Buffer, lines: LogLine[]): void {
    if (bytes.length === 0) return;
    this.pending.push(bytes);
    this.pendingLength += bytes.length;
    while (this.pendingLength >= this.maxLineBytes) {
      const piece = this.deliverPending(this.maxLineBytes);
      if (!piece) break;
      lines.push(piece);
    }
  }

  /** Delivers up to `limit` pending bytes as a partial line, keeping back what must wait (see `flushPartial`). */
  private deliverPending(limit: number): LogLine | undefined {
    if (this.pendingLength === 0) return undefined;
    const bytes = this.joinPending();
    const cut = limit - heldBackBytes(bytes.subarray(0, limit), this.encoding);
    if (cut <= 0) return undefined;
    const line: LogLine = { text: decode(bytes.subarray(0, cut), this.encoding), offset: this.pendingOffset };
    // A copy: the rest may be a view of the caller's read buffer.
    this.pending = cut < bytes.length ? [Buffer.from(bytes.subarray(cut))] : [];
    this.pendingLength = bytes.length - cut;
    this.pendingOffset += cut;
    this.continuing = true;
    return line;
  }

  /** The pending bytes as a finished line (its break already excluded); advances past them. */
  private completeLine(): LogLine | undefined {
    const bytes = this.joinPending();
    const offset = this.pendingOffset;
    const wasContinuing = this.continuing;
    this.pending = [];
    this.pendingLength = 0;
    this.pendingOffset += bytes.length;
    this.continuing = false;
    const text = decode(withoutTrailingCarriageReturn(bytes, this.encoding), this.encoding);
    // A flushed partial line already showed everything before the break: an empty rest is no new line.
    if (wasContinuing && text.length === 0) return undefined;
    return { text, offset };
  }

  private joinPending(): Buffer {
    if (this.pending.length !== 1) this.pending = [Buffer.concat(this.pending, this.pendingLength)];
    return this.pending[0] ?? Buffer.alloc(0);
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decode(bytes: Buffer, encoding: LogEncoding): string {
  if (encoding !== 'utf16be') return bytes.toString(encoding);
  // swap16 needs whole code units; a lone last byte (a file cut mid-unit) decodes to nothing, as in UTF-16 LE.
  return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
}

function isCarriageReturnAt(bytes: Buffer, index: number, encoding: LogEncoding): boolean {
  if (encoding === 'utf8') return bytes[index] === 0x0d;
  const [low, high] = encoding === 'utf16le' ? [bytes[index], bytes[index + 1]] : [bytes[index + 1], bytes[index]];
  return low === 0x0d && high === 0x00;
}

function withoutTrailingCarriageReturn(bytes: Buffer, encoding: LogEncoding): Buffer {
  const unit = codeUnitBytes(encoding);
  const last = bytes.length - unit;
  return last >= 0 && isCarriageReturnAt(bytes, last, encoding) ? bytes.subarray(0, last) : bytes;
}

/** How many bytes at the end of a partial line must wait: an incomplete character, or a CR that may be half of CR LF. */
function heldBackBytes(bytes: Buffer, encoding: LogEncoding): number {
  const unit = codeUnitBytes(encoding);
  if (bytes.length >= unit && isCarriageReturnAt(bytes, bytes.length - unit, encoding)) return unit;
  return encoding === 'utf8' ? incompleteUtf8Tail(bytes) : incompleteUtf16Tail(bytes, encoding);
}

/** Bytes of a UTF-8 sequence begun at the end of `bytes` but not finished. */
function incompleteUtf8Tail(bytes: Buffer): number {
  // A sequence is at most 4 bytes: look back for its lead byte over at most 3 continuation bytes.
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** A high surrogate at the end waits for its low half. */
function incompleteUtf16Tail(bytes: Buffer, encoding: LogEncoding): number {
  if (bytes.length < 2) return 0;
  const unit = encoding === 'utf16le' ? bytes.readUInt16LE(bytes.length - 2) : bytes.readUInt16BE(bytes.length - 2);
  return unit >= 0xd800 && unit <= 0xdbff ? 2 : 0;
}
