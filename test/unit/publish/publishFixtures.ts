// Publish folders made by the tests: tiny synthetic PE files written byte by byte (the layout of the PE/COFF spec and
// ECMA-335 II.25, as peFile.ts reads it), runtimeconfig.json and deps.json files, empty dlls. No .NET SDK needed.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const MACHINE = { x86: 0x14c, x64: 0x8664, arm64: 0xaa64, arm: 0x1c4 } as const;
export const CLR_FLAGS = { ilOnly: 0x1, requires32Bit: 0x2, prefers32Bit: 0x20000 } as const;

export interface PeSpec {
  readonly machine: number;
  /** PE32+ (64-bit optional header). */
  readonly pe32Plus?: boolean;
  /** The COR20 flags; undefined for a native image (no CLR header). */
  readonly clrFlags?: number;
  readonly dll?: boolean;
  /** Bytes appended after the image (a single-file bundle's payload, say). */
  readonly tail?: Uint8Array;
}

const PE_OFFSET = 0x80;
const SECTION_VA = 0x2000;
const SECTION_RAW = 0x200;
const CLR_RVA = SECTION_VA + 8;

/** A minimal PE image: MS-DOS header, PE signature, COFF header, optional header, one section, maybe a CLR header. */
export function buildPe(spec: PeSpec): Buffer {
  const bytes = Buffer.alloc(0x400);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(PE_OFFSET, 0x3c);
  bytes.write('PE\0\0', PE_OFFSET, 'latin1');
  const coff = PE_OFFSET + 4;
  const optionalSize = spec.pe32Plus ? 240 : 224;
  bytes.writeUInt16LE(spec.machine, coff);
  bytes.writeUInt16LE(1, coff + 2); // NumberOfSections
  bytes.writeUInt16LE(optionalSize, coff + 16);
  bytes.writeUInt16LE(0x0002 | (spec.dll ? 0x2000 : 0) | (spec.pe32Plus ? 0x0020 : 0x0100), coff + 18);
  const optional = coff + 20;
  bytes.writeUInt16LE(spec.pe32Plus ? 0x20b : 0x10b, optional);
  bytes.writeUInt32LE(16, optional + (spec.pe32Plus ? 108 : 92)); // NumberOfRvaAndSizes
  const clrEntry = optional + (spec.pe32Plus ? 112 : 96) + 14 * 8;
  if (spec.clrFlags !== undefined) {
    bytes.writeUInt32LE(CLR_RVA, clrEntry);
    bytes.writeUInt32LE(72, clrEntry + 4);
  }
  const section = optional + optionalSize;
  bytes.write('.text\0\0\0', section, 'latin1');
  bytes.writeUInt32LE(0x200, section + 8); // VirtualSize
  bytes.writeUInt32LE(SECTION_VA, section + 12);
  bytes.writeUInt32LE(0x200, section + 16); // SizeOfRawData
  bytes.writeUInt32LE(SECTION_RAW, section + 20); // PointerToRawData
  if (spec.clrFlags !== undefined) {
    const cor = SECTION_RAW + (CLR_RVA - SECTION_VA);
    bytes.writeUInt32LE(72, cor);
    bytes.writeUInt16LE(2, cor + 4);
    bytes.writeUInt16LE(5, cor + 6);
    bytes.writeUInt32LE(spec.clrFlags, cor + 16);
  }
  return spec.tail ? Buffer.concat([bytes, spec.tail]) : bytes;
}

export const PE = {
  anyCpuDll: () => buildPe({ machine: MACHINE.x86, clrFlags: CLR_FLAGS.ilOnly, dll: true }),
  x86Dll: () => buildPe({ machine: MACHINE.x86, clrFlags: CLR_FLAGS.ilOnly | CLR_FLAGS.requires32Bit, dll: true }),
  x64Dll: () => buildPe({ machine: MACHINE.x64, pe32Plus: true, clrFlags: CLR_FLAGS.ilOnly, dll: true }),
  arm64Dll: () => buildPe({ machine: MACHINE.arm64, pe32Plus: true, clrFlags: CLR_FLAGS.ilOnly, dll: true }),
  nativeX64Exe: () => buildPe({ machine: MACHINE.x64, pe32Plus: true }),
  nativeX86Exe: () => buildPe({ machine: MACHINE.x86 }),
  nativeX64Dll: () => buildPe({ machine: MACHINE.x64, pe32Plus: true, dll: true }),
  nativeX86Dll: () => buildPe({ machine: MACHINE.x86, dll: true }),
};

/** The apphost's bundle marker: an 8-byte header offset (zero unless bundled), then SHA-256(".net core bundle\n"). */
export function bundleMarker(headerOffset: number): Buffer {
  const offset = Buffer.alloc(8);
  offset.writeUInt32LE(headerOffset, 0);
  return Buffer.concat([offset, Buffer.from('8b1202b96a612038727b930214d7a03213f5b9e6efae3318ee3b2dce24b36aae', 'hex')]);
}

export interface FrameworkSpec {
  readonly name: string;
  readonly version: string;
  readonly rollForward?: string;
}

export function runtimeConfig(frameworks: readonly FrameworkSpec[], options: { selfContained?: boolean; rollForward?: string } = {}): string {
  const runtimeOptions: Record<string, unknown> = { tfm: 'net8.0' };
  if (options.selfContained) runtimeOptions.includedFrameworks = frameworks;
  else if (frameworks.length === 1) runtimeOptions.framework = frameworks[0];
  else runtimeOptions.frameworks = frameworks;
  if (options.rollForward) runtimeOptions.rollForward = options.rollForward;
  return JSON.stringify({ runtimeOptions }, null, 2);
}

export const ASPNETCORE_8: FrameworkSpec = { name: 'Microsoft.AspNetCore.App', version: '8.0.0' };
export const NETCORE_8: FrameworkSpec = { name: 'Microsoft.NETCore.App', version: '8.0.0' };

/** A deps.json whose target lists `runtime` (and `native`, `runtimeTargets`) assets per library. */
export function depsJson(app: string, libraries: readonly { name: string; type: string; runtime?: string[]; native?: string[]; runtimeTargets?: Record<string, { rid: string; assetType: string }> }[]): string {
  const target = '.NETCoreApp,Version=v8.0';
  const targetEntries: Record<string, unknown> = {};
  const libraryEntries: Record<string, unknown> = {};
  for (const library of [{ name: `${app}/1.0.0`, type: 'project', runtime: [`${app}.dll`] }, ...libraries]) {
    const entry: Record<string, unknown> = {};
    if (library.runtime) entry.runtime = Object.fromEntries(library.runtime.map((asset) => [asset, {}]));
    if ('native' in library && library.native) entry.native = Object.fromEntries(library.native.map((asset) => [asset, {}]));
    if ('runtimeTargets' in library && library.runtimeTargets) entry.runtimeTargets = library.runtimeTargets;
    targetEntries[library.name] = entry;
    libraryEntries[library.name] = { type: library.type, serviceable: library.type !== 'project' };
  }
  return JSON.stringify({ runtimeTarget: { name: target, signature: '' }, compilationOptions: {}, targets: { [target]: targetEntries }, libraries: libraryEntries }, null, 2);
}

/** Files by relative path (`/` separators): text, bytes, null for an empty file, undefined for no file (an override that removes one). */
export type FolderSpec = Record<string, string | Uint8Array | null | undefined>;

export const WEB_CONFIG = '<?xml version="1.0" encoding="utf-8"?>\n<configuration />\n';

/** A framework-dependent app `App`, AnyCPU, in-process, with one package. */
export function frameworkDependentApp(overrides: FolderSpec = {}): FolderSpec {
  return {
    'web.config': WEB_CONFIG,
    'App.runtimeconfig.json': runtimeConfig([ASPNETCORE_8]),
    'App.deps.json': depsJson('App', [{ name: 'Newtonsoft.Json/13.0.3', type: 'package', runtime: ['lib/net6.0/Newtonsoft.Json.dll'] }]),
    'App.dll': PE.anyCpuDll(),
    'App.exe': PE.nativeX64Exe(),
    'Newtonsoft.Json.dll': null,
    ...overrides,
  };
}

/** A self-contained win-x64 app `App`. */
export function selfContainedApp(overrides: FolderSpec = {}): FolderSpec {
  return {
    'web.config': WEB_CONFIG,
    'App.runtimeconfig.json': runtimeConfig([{ name: 'Microsoft.NETCore.App', version: '8.0.11' }, { name: 'Microsoft.AspNetCore.App', version: '8.0.11' }], { selfContained: true }),
    'App.deps.json': depsJson('App', [{ name: 'runtimepack.Microsoft.NETCore.App.Runtime.win-x64/8.0.11', type: 'runtimepack', runtime: ['System.Private.CoreLib.dll'], native: ['hostfxr.dll', 'coreclr.dll'] }]),
    'App.dll': PE.x64Dll(),
    'App.exe': PE.nativeX64Exe(),
    'hostfxr.dll': PE.nativeX64Dll(),
    'coreclr.dll': PE.nativeX64Dll(),
    'System.Private.CoreLib.dll': null,
    ...overrides,
  };
}

export interface TempFolder {
  readonly root: string;
  /** The publish folder inside root (root/site), so a test can put things beside it. */
  readonly site: string;
  remove(): void;
}

export function makeFolder(spec: FolderSpec): TempFolder {
  const root = mkdtempSync(path.join(tmpdir(), 'ancm-publish-'));
  const site = path.join(root, 'site');
  writeFolder(site, spec);
  return { root, site, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeFolder(folder: string, spec: FolderSpec): void {
  mkdirSync(folder, { recursive: true });
  for (const [relative, content] of Object.entries(spec)) {
    if (content === undefined) continue;
    const file = path.join(folder, ...relative.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content ?? '');
  }
}
