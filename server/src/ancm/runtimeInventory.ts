// What a server has installed, read from the texts a user can paste or a caller can list, so framework resolution
// (frameworkResolution.ts) can answer "will it run there?" without the server at hand:
// (a) `dotnet --list-runtimes` (also the ".NET runtimes installed:" part of `dotnet --info`):
//     "Microsoft.AspNetCore.App 8.0.11 [C:\Program Files\dotnet\shared\Microsoft.AspNetCore.App]";
// (b) folder paths `<dotnet root>\shared\<name>\<version>` listed by the caller (this module touches no file system);
// (c) the "frameworks were found" block of a hostfxr error, in both wordings of
//     dotnet/runtime src/native/corehost/fxr/fx_resolver.messages.cpp (the .NET 6+ "Framework: 'NAME', version 'V' (x64)"
//     then "The following frameworks were found:" / "  6.0.25 at [path]", and the older "The framework 'NAME', version 'V'
//     was not found." then "  - The following frameworks were found:" / "      2.2.0 at [path]");
// (d) a plain list, "Microsoft.AspNetCore.App 8.0.11" a line (optionally followed by an architecture), from a setting or
//     a CLI option.
// Every reader takes any text: CRLF or LF, a BOM, lines it does not know (skipped). Each line is read once with anchored
// patterns without nested repetition, and over-long lines are skipped, so the time is linear in the text. Versions the
// host could not read are dropped, as the host skips such folders.

import { DEFAULT_ARCHITECTURE, normalizeArchitecture, type Architecture, type InstalledFramework } from './frameworkResolution';
import { parseFrameworkVersion } from './frameworkVersion';

export interface InventoryOptions {
  /** The architecture of an install whose path does not say (`C:\Program Files\dotnet`): default `x64`. */
  readonly defaultArchitecture?: Architecture;
}

const MAX_LINE = 4096;
const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,199}$/;
const ARCHITECTURES = new Set(['x64', 'x86', 'arm64', 'arm', 'amd64', 'x86_64', 'aarch64', 'win32', 'i386', 'i686', 'riscv64', 'loongarch64', 's390x', 'ppc64le', 'armv6']);

function lines(text: string): string[] {
  if (typeof text !== 'string') return [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

function segments(path: string): string[] {
  return path.split(/[\\/]+/).filter((segment) => segment.length > 0);
}

/**
 * The architecture of a dotnet install from its path: `Program Files (x86)` (or a folder named x86) -> x86, a folder
 * named arm64 -> arm64, a folder named x64 (the emulated x64 root on ARM64 Windows, `C:\Program Files\dotnet\x64`) ->
 * x64; otherwise the fallback (x64). The folder nearest the end of the path wins.
 */
export function architectureOfDotnetRoot(path: string, fallback: Architecture = DEFAULT_ARCHITECTURE): Architecture {
  if (typeof path !== 'string') return normalizeArchitecture(fallback);
  const parts = segments(path);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i].toLowerCase();
    if (part === 'program files (x86)' || part === 'x86') return 'x86';
    if (part === 'arm64') return 'arm64';
    if (part === 'x64') return 'x64';
  }
  return normalizeArchitecture(fallback);
}

class Collector {
  readonly found: InstalledFramework[] = [];
  private readonly seen = new Set<string>();

  add(name: string, version: string, architecture: Architecture, path?: string): void {
    if (!NAME.test(name) || !parseFrameworkVersion(version)) return;
    const arch = normalizeArchitecture(architecture);
    const key = `${name}\u0000${version}\u0000${arch}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push(path === undefined ? { name, version, architecture: arch } : { name, version, architecture: arch, path });
  }
}

// (a) `dotnet --list-runtimes`: NAME VERSION [PATH]
const LIST_RUNTIMES = /^[ \t]*([A-Za-z][A-Za-z0-9_.-]*)[ \t]+([0-9][0-9A-Za-z.+-]*)[ \t]+\[(.*)\][ \t]*$/;

function readListRuntimesLine(line: string, out: Collector, fallback: Architecture): boolean {
  const match = LIST_RUNTIMES.exec(line);
  if (!match) return false;
  out.add(match[1], match[2], architectureOfDotnetRoot(match[3], fallback), match[3]);
  return true;
}

/** Reads `dotnet --list-runtimes` output (or `dotnet --info`); the architecture comes from each runtime's path. */
export function readListRuntimes(text: string, options: InventoryOptions = {}): InstalledFramework[] {
  const out = new Collector();
  const fallback = options.defaultArchitecture ?? DEFAULT_ARCHITECTURE;
  for (const line of lines(text)) if (line.length <= MAX_LINE) readListRuntimesLine(line, out, fallback);
  return out.found;
}

// (b) <dotnet root>\shared\<name>\<version>
function readSharedFolder(path: string, out: Collector, fallback: Architecture): boolean {
  if (typeof path !== 'string' || path.length > MAX_LINE) return false;
  const parts = segments(path.trim());
  // The last "shared" with exactly a name and a version after it (a trailing separator is fine).
  const at = parts.length - 3;
  if (at < 0 || parts[at].toLowerCase() !== 'shared') return false;
  const name = parts[at + 1];
  const version = parts[at + 2];
  if (!NAME.test(name) || !parseFrameworkVersion(version)) return false;
  const separator = path.includes('\\') ? '\\' : '/';
  const frameworkFolder = path.trim().replace(/[\\/]+$/, '').slice(0, -version.length).replace(/[\\/]+$/, '');
  // The architecture comes from the dotnet root, the part before "shared".
  const root = parts.slice(0, at).join(separator);
  out.add(name, version, architectureOfDotnetRoot(root, fallback), frameworkFolder);
  return true;
}

/** Reads folder paths `<dotnet root>/shared/<name>/<version>`, as the caller listed them; other paths are skipped. */
export function readSharedFolders(paths: readonly string[], options: InventoryOptions = {}): InstalledFramework[] {
  const out = new Collector();
  const fallback = options.defaultArchitecture ?? DEFAULT_ARCHITECTURE;
  if (!Array.isArray(paths)) return out.found;
  for (const path of paths) readSharedFolder(path, out, fallback);
  return out.found;
}

// (c) hostfxr's missing-framework text.
const FRAMEWORK_HEADER = /^[ \t]*Framework: '([^'\r\n]{1,200})', version '([^'\r\n]{0,100})'(?: \(([A-Za-z0-9_]{1,16})\))?/;
const OLD_FRAMEWORK_HEADER = /The (?:specified )?framework '([^'\r\n]{1,200})', version '([^'\r\n]{0,100})'(?: \(([A-Za-z0-9_]{1,16})\))? was not found/;
const ARCHITECTURE_LINE = /^[ \t]*Architecture: ([A-Za-z0-9_]{1,16})[ \t]*$/;
const FOUND_HEADER = /frameworks were found/i;
const FOUND_LINE = /^[ \t]*([0-9][0-9A-Za-z.+-]*) at \[(.*)\][ \t]*$/;

interface FoundBlockState {
  name?: string;
  architecture?: Architecture;
  inList: boolean;
}

function lastSegment(path: string): string | undefined {
  const parts = segments(path);
  return parts.length > 0 ? parts[parts.length - 1] : undefined;
}

function readFoundBlockLine(line: string, state: FoundBlockState, out: Collector, fallback: Architecture): boolean {
  const header = FRAMEWORK_HEADER.exec(line) ?? OLD_FRAMEWORK_HEADER.exec(line);
  if (header) {
    state.name = header[1];
    state.architecture = header[3] ?? state.architecture;
    state.inList = false;
    return true;
  }
  const arch = ARCHITECTURE_LINE.exec(line);
  if (arch) {
    state.architecture = arch[1];
    return true;
  }
  if (FOUND_HEADER.test(line)) {
    state.inList = true;
    return true;
  }
  if (!state.inList) return false;
  const found = FOUND_LINE.exec(line);
  if (found) {
    // The list is of the framework the header names (its folder is shared\NAME); without a header, the path says.
    const name = state.name ?? lastSegment(found[2]) ?? '';
    // The header's architecture is the process's, and hostfxr lists only its own root: it wins over the path.
    const architecture = state.architecture ?? architectureOfDotnetRoot(found[2], fallback);
    out.add(name, found[1], architecture, found[2]);
    return true;
  }
  if (line.trim().length > 0) state.inList = false; // the list ended ("Learn more:", "You can resolve the problem ...")
  return false;
}

/**
 * Reads the "The following frameworks were found:" block(s) of a hostfxr error (a stdout log, an event, pasted text):
 * the framework is the one the error names, the architecture the one it prints, else the path's.
 */
export function readFoundFrameworks(text: string, options: InventoryOptions = {}): InstalledFramework[] {
  const out = new Collector();
  const fallback = options.defaultArchitecture ?? DEFAULT_ARCHITECTURE;
  const state: FoundBlockState = { inList: false };
  for (const line of lines(text)) if (line.length <= MAX_LINE) readFoundBlockLine(line, state, out, fallback);
  return out.found;
}

// (d) NAME VERSION [ARCH | (ARCH)], one a line; ',' and ';' also separate entries (a one-line setting).
const LIST_ENTRY = /^[ \t]*([A-Za-z][A-Za-z0-9_.-]*)[ \t]+([0-9][0-9A-Za-z.+-]*)(?:[ \t]+\(?([A-Za-z0-9_]{1,16})\)?)?[ \t]*$/;

function readListEntry(entry: string, out: Collector, fallback: Architecture): boolean {
  const match = LIST_ENTRY.exec(entry);
  if (!match) return false;
  const arch = match[3];
  if (arch !== undefined && !ARCHITECTURES.has(arch.toLowerCase())) return false;
  out.add(match[1], match[2], arch ?? fallback);
  return true;
}

/** Reads a plain list, "Microsoft.AspNetCore.App 8.0.11" (optionally "x86" or "(x86)" after it) a line. */
export function readRuntimeList(text: string, options: InventoryOptions = {}): InstalledFramework[] {
  const out = new Collector();
  const fallback = options.defaultArchitecture ?? DEFAULT_ARCHITECTURE;
  for (const line of lines(text)) {
    if (line.length > MAX_LINE) continue;
    for (const entry of line.split(/[,;]/)) readListEntry(entry, out, fallback);
  }
  return out.found;
}

/**
 * Reads any mix of the four forms in one pass (a file given to `--runtimes`, a pasted text): each line is tried as
 * `--list-runtimes` output, a shared folder path, a line of a hostfxr "frameworks were found" block, then a plain entry.
 */
export function readRuntimeInventory(text: string, options: InventoryOptions = {}): InstalledFramework[] {
  const out = new Collector();
  const fallback = options.defaultArchitecture ?? DEFAULT_ARCHITECTURE;
  const state: FoundBlockState = { inList: false };
  for (const line of lines(text)) {
    if (line.length > MAX_LINE) continue;
    if (readListRuntimesLine(line, out, fallback)) continue;
    if (readFoundBlockLine(line, state, out, fallback)) continue;
    if (readSharedFolder(line, out, fallback)) continue;
    for (const entry of line.split(/[,;]/)) readListEntry(entry, out, fallback);
  }
  return out.found;
}
