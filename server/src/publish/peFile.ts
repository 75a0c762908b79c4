// Reads the header of a Windows executable or dll (a PE image) byte by byte, to answer one question before anyone
// deploys: which processor architecture, and so which app pool bitness, does this file need? An app pool with
// "Enable 32-Bit Applications" = True runs a 32-bit w3wp.exe, which cannot load a 64-bit hostfxr.dll or an app dll
// built for x64 (HTTP 500.32), and the reverse.
//
// The layout, from the Microsoft PE/COFF specification ("PE Format", learn.microsoft.com/windows/win32/debug/pe-format):
//   MS-DOS stub: "MZ" at 0; e_lfanew, the file offset of the PE signature, a uint32 at 0x3C.
//   At e_lfanew: the signature "PE\0\0", then the 20-byte COFF file header:
//     +0 Machine (u16), +2 NumberOfSections (u16), +16 SizeOfOptionalHeader (u16), +18 Characteristics (u16).
//   Then the optional header: +0 Magic (u16): 0x10B PE32, 0x20B PE32+ (64-bit).
//     NumberOfRvaAndSizes at +92 (PE32) / +108 (PE32+); the data directories follow at +96 / +112, 8 bytes each
//     (VirtualAddress u32, Size u32). Directory 14 is the "CLR Runtime Header".
//   Then the section table, 40 bytes a section: +8 VirtualSize, +12 VirtualAddress, +16 SizeOfRawData,
//     +20 PointerToRawData; it maps an RVA (an address once loaded) to a file offset.
// The CLR header, ECMA-335 6th edition, partition II.25.3.3 ("CLI header"): +0 cb (u32, 72), +4 MajorRuntimeVersion,
//   +6 MinorRuntimeVersion (u16 each), +8 MetaData directory (8 bytes), +16 Flags (u32), and II.25.3.3.1 the flags:
//   COMIMAGE_FLAGS_ILONLY 0x1, COMIMAGE_FLAGS_32BITREQUIRED 0x2, COMIMAGE_FLAGS_32BITPREFERRED 0x20000 (the last from
//   CoreCLR's corhdr.h; ECMA lists it as reserved).
//
// What the flags mean for a managed file (the C# compiler's /platform): anycpu = PE32, i386, ILONLY;
// anycpu32bitpreferred = the same plus 32BITPREFERRED (only an .exe run by the .NET Framework honours it); x86 = PE32,
// i386, ILONLY + 32BITREQUIRED; x64 / arm64 = PE32+ with machine AMD64 / ARM64. A mixed-mode (C++/CLI) file is not
// ILONLY and needs its machine's architecture. A native file (apphost .exe, hostfxr.dll) needs its machine's.
//
// Every read is bounded by the file's real size and by caps: a header that claims offsets or sizes beyond the file is
// a reason, never an exception.

import type { FileHandle } from 'node:fs/promises';

/** What a processor architecture a process (and so an app pool) must have to load the file. */
export type PeArchitecture = 'any' | 'x86' | 'x64' | 'arm64' | 'arm';

export type PeMachine = 'x86' | 'x64' | 'arm64' | 'arm' | 'other';

export interface ClrHeaderFacts {
  readonly runtimeVersion: string;
  /** The COR20 Flags word. */
  readonly flags: number;
  /** COMIMAGE_FLAGS_ILONLY: pure IL, no native code. */
  readonly ilOnly: boolean;
  /** COMIMAGE_FLAGS_32BITREQUIRED: must run in a 32-bit process. */
  readonly requires32Bit: boolean;
  /** COMIMAGE_FLAGS_32BITPREFERRED: AnyCPU, 32-bit preferred (ignored by .NET Core when loading a dll). */
  readonly prefers32Bit: boolean;
}

export interface PeFacts {
  /** The COFF Machine field. */
  readonly machineCode: number;
  readonly machine: PeMachine;
  /** Optional header magic: PE32 (0x10B) or PE32+ (0x20B). */
  readonly format: 'PE32' | 'PE32+';
  /** COFF characteristics IMAGE_FILE_DLL (0x2000). */
  readonly isDll: boolean;
  /** The CLR header, for a managed (.NET) file; undefined for a native one. */
  readonly clr: ClrHeaderFacts | undefined;
  /** What the loading process must be: 'any' for IL-only AnyCPU; undefined for a machine this tool does not know. */
  readonly architecture: PeArchitecture | undefined;
}

export type PeReadResult = { readonly ok: true; readonly facts: PeFacts } | { readonly ok: false; readonly reason: string };

export const IMAGE_FILE_MACHINE_I386 = 0x014c;
export const IMAGE_FILE_MACHINE_AMD64 = 0x8664;
export const IMAGE_FILE_MACHINE_ARM64 = 0xaa64;
/** ARM Thumb-2 (ARMNT), what Windows on 32-bit ARM uses; 0x1c0 is plain ARM. */
export const IMAGE_FILE_MACHINE_ARMNT = 0x01c4;
export const IMAGE_FILE_MACHINE_ARM = 0x01c0;
export const PE32_MAGIC = 0x10b;
export const PE32_PLUS_MAGIC = 0x20b;
export const COMIMAGE_FLAGS_ILONLY = 0x1;
export const COMIMAGE_FLAGS_32BITREQUIRED = 0x2;
export const COMIMAGE_FLAGS_32BITPREFERRED = 0x20000;
const IMAGE_FILE_DLL = 0x2000;
const CLR_DIRECTORY_INDEX = 14;
const COFF_HEADER_SIZE = 20;
const SECTION_HEADER_SIZE = 40;
const COR20_HEADER_MIN = 24; // up to and including Flags and EntryPointToken

/** How far from the start the PE signature may be; real files have it within the first few hundred bytes. */
const MAX_PE_HEADER_OFFSET = 64 * 1024;
/** The PE/COFF spec: "the Windows loader limits the number of sections to 96". */
const MAX_SECTIONS = 96;
/** The head read from a file: the MS-DOS stub, the headers and the section table fit in it. */
export const PE_HEAD_BYTES = MAX_PE_HEADER_OFFSET + 4 + COFF_HEADER_SIZE + 0xffff + MAX_SECTIONS * SECTION_HEADER_SIZE;

interface Section {
  readonly virtualAddress: number;
  readonly virtualSize: number;
  readonly rawSize: number;
  readonly rawPointer: number;
}

interface Headers {
  readonly machineCode: number;
  readonly format: 'PE32' | 'PE32+';
  readonly isDll: boolean;
  /** Where the CLR header lies in the file; undefined for a native file. */
  readonly clrOffset: number | undefined;
}

type HeaderResult = { readonly ok: true; readonly headers: Headers } | { readonly ok: false; readonly reason: string };

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Little-endian reads that answer undefined past the end instead of throwing. */
function u16(bytes: Uint8Array, offset: number): number | undefined {
  return offset >= 0 && offset + 2 <= bytes.length ? bytes[offset] | (bytes[offset + 1] << 8) : undefined;
}

function u32(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 4 > bytes.length) return undefined;
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) + bytes[offset + 3] * 0x1000000;
}

/**
 * The headers, from `head` (the first bytes of the file, as many as PE_HEAD_BYTES or the whole file) and the file's
 * size: machine, format, and where the CLR header is when there is one.
 */
function parseHeaders(head: Uint8Array, fileSize: number): HeaderResult {
  if (head.length < 0x40) return fail('too short for an MS-DOS header (64 bytes)');
  if (head[0] !== 0x4d || head[1] !== 0x5a) return fail('no "MZ" signature: not a Windows executable or dll');
  const peOffset = u32(head, 0x3c)!;
  if (peOffset > MAX_PE_HEADER_OFFSET) return fail(`e_lfanew ${peOffset} is beyond ${MAX_PE_HEADER_OFFSET}: not a PE file`);
  if (peOffset + 4 + COFF_HEADER_SIZE > fileSize) return fail('truncated: the file ends before the PE header');
  if (u32(head, peOffset) !== 0x00004550) return fail('no "PE\\0\\0" signature at e_lfanew: an MS-DOS program or a damaged file');
  const coff = peOffset + 4;
  const machineCode = u16(head, coff)!;
  const sectionCount = u16(head, coff + 2)!;
  const optionalSize = u16(head, coff + 16)!;
  const characteristics = u16(head, coff + 18)!;
  const optional = coff + COFF_HEADER_SIZE;
  if (optionalSize < 2) return fail('no optional header: an object file, not an image');
  const magic = u16(head, optional);
  if (magic === undefined || optional + optionalSize > fileSize) return fail('truncated: the file ends inside the optional header');
  if (magic !== PE32_MAGIC && magic !== PE32_PLUS_MAGIC) return fail(`unknown optional header magic 0x${magic.toString(16)}`);
  const format = magic === PE32_MAGIC ? 'PE32' : 'PE32+';
  const headers = { machineCode, format, isDll: (characteristics & IMAGE_FILE_DLL) !== 0 } as const;

  const countOffset = optional + (format === 'PE32' ? 92 : 108);
  const directories = optional + (format === 'PE32' ? 96 : 112);
  const clrEntry = directories + CLR_DIRECTORY_INDEX * 8;
  const directoryCount = countOffset + 4 <= optional + optionalSize ? u32(head, countOffset) : undefined;
  if (directoryCount === undefined || directoryCount <= CLR_DIRECTORY_INDEX || clrEntry + 8 > optional + optionalSize) {
    return { ok: true, headers: { ...headers, clrOffset: undefined } };
  }
  const clrRva = u32(head, clrEntry)!;
  const clrSize = u32(head, clrEntry + 4)!;
  if (clrRva === 0 || clrSize === 0) return { ok: true, headers: { ...headers, clrOffset: undefined } };
  if (clrSize < COR20_HEADER_MIN) return fail(`the CLR header directory claims ${clrSize} bytes, less than a CLR header`);

  if (sectionCount > MAX_SECTIONS) return fail(`${sectionCount} sections, more than the loader's ${MAX_SECTIONS}`);
  const table = optional + optionalSize;
  if (table + sectionCount * SECTION_HEADER_SIZE > Math.min(fileSize, head.length)) return fail('truncated: the file ends inside the section table');
  const sections: Section[] = [];
  for (let index = 0; index < sectionCount; index++) {
    const at = table + index * SECTION_HEADER_SIZE;
    sections.push({ virtualSize: u32(head, at + 8)!, virtualAddress: u32(head, at + 12)!, rawSize: u32(head, at + 16)!, rawPointer: u32(head, at + 20)! });
  }
  const clrOffset = fileOffsetOf(sections, clrRva, COR20_HEADER_MIN);
  if (clrOffset === undefined) return fail('the CLR header\'s address lies in no section of the file');
  if (clrOffset + COR20_HEADER_MIN > fileSize) return fail('truncated: the file ends before the CLR header');
  return { ok: true, headers: { ...headers, clrOffset } };
}

/** The file offset of `length` bytes at `rva`, when one section's raw data holds them all. */
function fileOffsetOf(sections: readonly Section[], rva: number, length: number): number | undefined {
  for (const section of sections) {
    const extent = Math.max(section.virtualSize, section.rawSize);
    if (rva < section.virtualAddress || rva >= section.virtualAddress + extent) continue;
    const within = rva - section.virtualAddress;
    if (within + length > section.rawSize) return undefined;
    return section.rawPointer + within;
  }
  return undefined;
}

function machineOf(code: number): PeMachine {
  switch (code) {
    case IMAGE_FILE_MACHINE_I386: return 'x86';
    case IMAGE_FILE_MACHINE_AMD64: return 'x64';
    case IMAGE_FILE_MACHINE_ARM64: return 'arm64';
    case IMAGE_FILE_MACHINE_ARMNT:
    case IMAGE_FILE_MACHINE_ARM: return 'arm';
    default: return 'other';
  }
}

function parseClrHeader(bytes: Uint8Array): ClrHeaderFacts | string {
  const cb = u32(bytes, 0);
  const flags = u32(bytes, 16);
  if (cb === undefined || flags === undefined) return 'truncated CLR header';
  if (cb < COR20_HEADER_MIN) return `the CLR header says it is ${cb} bytes long`;
  return {
    runtimeVersion: `${u16(bytes, 4)}.${u16(bytes, 6)}`,
    flags,
    ilOnly: (flags & COMIMAGE_FLAGS_ILONLY) !== 0,
    requires32Bit: (flags & COMIMAGE_FLAGS_32BITREQUIRED) !== 0,
    prefers32Bit: (flags & COMIMAGE_FLAGS_32BITPREFERRED) !== 0,
  };
}

function factsOf(headers: Headers, clr: ClrHeaderFacts | undefined): PeFacts {
  const machine = machineOf(headers.machineCode);
  let architecture: PeArchitecture | undefined = machine === 'other' ? undefined : machine;
  // IL-only PE32 for i386 is AnyCPU unless it requires 32 bits; a PE32+ or non-i386 file keeps its machine.
  if (clr && clr.ilOnly && headers.format === 'PE32' && machine === 'x86' && !clr.requires32Bit) architecture = 'any';
  return { machineCode: headers.machineCode, machine, format: headers.format, isDll: headers.isDll, clr, architecture };
}

/** The PE facts of an image held whole in memory. Never throws. */
export function readPeBuffer(bytes: Uint8Array): PeReadResult {
  const parsed = parseHeaders(bytes, bytes.length);
  if (!parsed.ok) return parsed;
  const { headers } = parsed;
  if (headers.clrOffset === undefined) return { ok: true, facts: factsOf(headers, undefined) };
  const clr = parseClrHeader(bytes.subarray(headers.clrOffset, headers.clrOffset + 72));
  if (typeof clr === 'string') return fail(clr);
  return { ok: true, facts: factsOf(headers, clr) };
}

/**
 * The PE facts of an open file: at most two reads, the head (PE_HEAD_BYTES at most) and the CLR header (72 bytes),
 * both within the file's size. An I/O error is a reason too; never throws.
 */
export async function readPeFile(handle: FileHandle): Promise<PeReadResult> {
  try {
    const size = (await handle.stat()).size;
    const head = await readAt(handle, 0, Math.min(size, PE_HEAD_BYTES));
    const parsed = parseHeaders(head, size);
    if (!parsed.ok) return parsed;
    const { headers } = parsed;
    if (headers.clrOffset === undefined) return { ok: true, facts: factsOf(headers, undefined) };
    const clrBytes = await readAt(handle, headers.clrOffset, Math.min(72, size - headers.clrOffset));
    const clr = parseClrHeader(clrBytes);
    if (typeof clr === 'string') return fail(clr);
    return { ok: true, facts: factsOf(headers, clr) };
  } catch (error) {
    return fail(`not readable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(Math.max(0, length));
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** "x64", "x86 (32-bit required)", "any CPU (IL only)": for messages. */
export function describeArchitecture(facts: PeFacts): string {
  if (facts.architecture === 'any') return facts.clr?.prefers32Bit ? 'any CPU (IL only, 32-bit preferred)' : 'any CPU (IL only)';
  if (facts.architecture === undefined) return `machine 0x${facts.machineCode.toString(16)}`;
  if (facts.clr?.requires32Bit) return `${facts.architecture} (32-bit required)`;
  return facts.architecture;
}
