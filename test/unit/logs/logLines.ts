// Lines as the tail reader delivers them, made from text for parser tests: decoded, without the line
// break, each with the byte offset of its start.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLine } from '../../../server/src/logs/types';

export const LOG_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'logs');

export function linesOf(text: string): LogLine[] {
  const lines: LogLine[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, offset });
    offset += Buffer.byteLength(raw) + 1;
  }
  if (lines.length > 0 && lines[lines.length - 1].text === '') lines.pop();
  return lines;
}

export function logFixture(name: string): { file: string; bytes: Buffer; lines: LogLine[] } {
  const file = join(LOG_FIXTURES, name);
  const bytes = readFileSync(file);
  return { file, bytes, lines: linesOf(bytes.toString('utf8')) };
}
