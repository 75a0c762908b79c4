// The first bytes of a log as text, to tell its kind (detectLogFormat.ts). Only a regular file is opened
// (openLogFile.ts): a FIFO or a device named as a log would block the read.

import { type ByteOrderMark, detectByteOrderMark } from './lineDecoder';
import { openRegularFile } from '../files/openFile';

export const LOG_SAMPLE_BYTES = 64 * 1024;

/**
 * The decoded start of a file, or undefined when it is missing, unreadable, not a regular file, or (with `confineTo`)
 * really outside that folder.
 */
export async function readLogSample(file: string, maxBytes = LOG_SAMPLE_BYTES, confineTo?: string): Promise<string | undefined> {
  try {
    const handle = await openRegularFile(file, confineTo);
    try {
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return decodeSample(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** Text from the first bytes of a log: UTF-16 when a byte order mark says so, else UTF-8. */
export function decodeSample(bytes: Buffer): string {
  const mark: ByteOrderMark = detectByteOrderMark(bytes) ?? { encoding: 'utf8', length: 0 };
  const body = bytes.subarray(mark.length);
  // A sample cut in the middle of a UTF-16 code unit drops that half.
  const whole = body.subarray(0, body.length - (body.length % 2));
  if (mark.encoding === 'utf16le') return whole.toString('utf16le');
  if (mark.encoding === 'utf16be') return Buffer.from(whole).swap16().toString('utf16le');
  return body.toString('utf8');
}
