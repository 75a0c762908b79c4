// How ANCM reads processPath and arguments, for the rules about the start of the app. In-process,
// CommonLib/HostFxrResolver.cpp (HostFxrResolver::GetHostFxrParameters) appends `.exe` to a processPath without
// an extension, rejects any other extension, and treats a path ending in dotnet.exe (any case) as the dotnet host
// (IsDotnetExecutable). Out-of-process, OutOfProcessRequestHandler/serverprocess.cpp (SERVER_PROCESS::SetupCommandLine)
// runs `"<processPath>" <arguments>` with CreateProcessW.

import { type XmlAttribute, type XmlElement, getAttribute } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';
import { completeValue } from './fixes';
import { CONFIG_SOURCE } from './unknown-attribute';

export interface ProcessStart {
  readonly section: XmlElement;
  readonly processPath: XmlAttribute;
  /** The complete processPath value. */
  readonly path: string;
  readonly argumentsAttribute: XmlAttribute | undefined;
  /** The complete arguments value; '' when the attribute is absent (the schema default); undefined while it is typed. */
  readonly arguments: string | undefined;
}

/** Each section whose processPath is complete and not empty (an empty one is missing-process-path's). */
export function* processStarts(document: WebConfigDocument): Generator<ProcessStart> {
  for (const section of document.sections) {
    if (getAttribute(section, CONFIG_SOURCE)) continue;
    const processPath = getAttribute(section, 'processPath');
    const path = processPath ? completeValue(processPath) : undefined;
    if (!processPath || !path) continue;
    const argumentsAttribute = getAttribute(section, 'arguments');
    const args = argumentsAttribute ? completeValue(argumentsAttribute) : '';
    yield { section, processPath, path, argumentsAttribute, arguments: args };
  }
}

/** The last path segment (after `\` or `/`). */
export function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
}

/**
 * The extension as std::filesystem::path::extension gives it: from the file name's last dot, lower-cased;
 * '' when there is none, or for a name that is only a leading dot (`.config`), `.` or `..`.
 */
export function extensionOf(path: string): string {
  const name = fileNameOf(path);
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name === '..') return '';
  return name.slice(dot).toLowerCase();
}

/** IsDotnetExecutable after GetHostFxrParameters has appended `.exe` to a path without an extension. */
export function isDotnetHost(path: string): boolean {
  const withExtension = extensionOf(path) === '' ? `${path}.exe` : path;
  return withExtension.toLowerCase().endsWith('dotnet.exe');
}

/** The arguments split on spaces and tabs, with each token's offset into the value. */
export function argumentTokens(args: string): { readonly text: string; readonly start: number }[] {
  const tokens: { text: string; start: number }[] = [];
  let start = -1;
  for (let index = 0; index <= args.length; index++) {
    const blank = index === args.length || args[index] === ' ' || args[index] === '\t';
    if (blank && start >= 0) {
      tokens.push({ text: args.slice(start, index), start });
      start = -1;
    } else if (!blank && start < 0) {
      start = index;
    }
  }
  return tokens;
}
