// Reading and writing a web.config exactly: the encoding IIS accepts (UTF-8 with or without a BOM,
// UTF-16 with a BOM) is detected and kept, so a fix changes only the bytes of its own edits. The files around it
// (project files, launchSettings.json) are read the same way.

import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './writeFileAtomically';

export type ConfigEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export interface ConfigFile {
  readonly text: string;
  readonly encoding: ConfigEncoding;
  /** False when the bytes were not valid in their encoding: writing the text back would change them. */
  readonly exact: boolean;
}

export class ConfigFileError extends Error {}

/** `markup`: the file must look like XML (web.config, project files); false for JSON (launchSettings.json). */
export async function readConfigFile(path: string, { markup = true } = {}): Promise<ConfigFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigFileError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a folder` : `${path}: cannot read (${code ?? String(error)})`);
  }
  const file = decode(bytes);
  if (markup ? !looksLikeXml(file.text) : file.text.includes('\u0000')) throw new ConfigFileError(`${path}: not ${markup ? 'an XML' : 'a text'} file`);
  return file;
}

function decode(bytes: Buffer): ConfigFile {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'utf16be');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3), 'utf8-bom');
  return decodeWith('utf-8', bytes, 'utf8');
}

function decodeWith(label: string, bytes: Uint8Array, encoding: ConfigEncoding): ConfigFile {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), encoding, exact: true };
  } catch {
    return { text: new TextDecoder(label, { ignoreBOM: true }).decode(bytes), encoding, exact: false };
  }
}

/**
 * Text with markup in it. Stray text before the declaration is still XML to report on (a typo IIS
 * rejects with 500.19); a file with no markup at all, or with NUL bytes, is something else.
 */
function looksLikeXml(text: string): boolean {
  return text.includes('<') && !text.includes('\u0000');
}

/** `path` is the real file (symlinks resolved); a failed write leaves it as it was. */
export async function writeConfigFile(path: string, text: string, encoding: ConfigEncoding): Promise<void> {
  await writeFileAtomically(path, encode(text, encoding));
}

function encode(text: string, encoding: ConfigEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const littleEndian = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), littleEndian.swap16()]);
    }
  }
}
