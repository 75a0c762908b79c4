// The PE reader against synthetic images written byte by byte: machine, format, CLR flags, and the architecture the
// app pool must have; garbage and truncated input give a reason, never an exception.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { describeArchitecture, type PeReadResult, readPeBuffer, readPeFile } from '../../../server/src/publish/peFile';
import { randomSource } from '../../seededRandom';
import { buildPe, CLR_FLAGS, MACHINE, PE } from './publishFixtures';

function facts(result: PeReadResult) {
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.facts;
}

describe('readPeBuffer', () => {
  it('reads an x86 IL-only dll that requires 32 bits as x86', () => {
    const pe = facts(readPeBuffer(PE.x86Dll()));
    assert.equal(pe.machine, 'x86');
    assert.equal(pe.format, 'PE32');
    assert.equal(pe.isDll, true);
    assert.equal(pe.clr?.ilOnly, true);
    assert.equal(pe.clr?.requires32Bit, true);
    assert.equal(pe.clr?.runtimeVersion, '2.5');
    assert.equal(pe.architecture, 'x86');
    assert.equal(describeArchitecture(pe), 'x86 (32-bit required)');
  });

  it('reads an AnyCPU IL-only dll as any CPU', () => {
    const pe = facts(readPeBuffer(PE.anyCpuDll()));
    assert.equal(pe.architecture, 'any');
    assert.equal(pe.clr?.requires32Bit, false);
    assert.equal(describeArchitecture(pe), 'any CPU (IL only)');
  });

  it('reads AnyCPU with 32-bit preferred as any CPU, and says so', () => {
    const pe = facts(readPeBuffer(buildPe({ machine: MACHINE.x86, clrFlags: CLR_FLAGS.ilOnly | CLR_FLAGS.prefers32Bit })));
    assert.equal(pe.architecture, 'any');
    assert.equal(pe.clr?.prefers32Bit, true);
    assert.match(describeArchitecture(pe), /32-bit preferred/);
  });

  it('reads a PE32+ AMD64 managed dll as x64 and an ARM64 one as arm64', () => {
    const x64 = facts(readPeBuffer(PE.x64Dll()));
    assert.deepEqual([x64.machine, x64.format, x64.architecture], ['x64', 'PE32+', 'x64']);
    const arm64 = facts(readPeBuffer(PE.arm64Dll()));
    assert.deepEqual([arm64.machine, arm64.format, arm64.architecture], ['arm64', 'PE32+', 'arm64']);
  });

  it('reads native images (apphost, hostfxr.dll) by their machine, with no CLR header', () => {
    const exe = facts(readPeBuffer(PE.nativeX64Exe()));
    assert.deepEqual([exe.machine, exe.isDll, exe.clr, exe.architecture], ['x64', false, undefined, 'x64']);
    const hostfxr = facts(readPeBuffer(PE.nativeX86Dll()));
    assert.deepEqual([hostfxr.machine, hostfxr.isDll, hostfxr.architecture], ['x86', true, 'x86']);
    const arm = facts(readPeBuffer(buildPe({ machine: MACHINE.arm })));
    assert.equal(arm.architecture, 'arm');
  });

  it('keeps a mixed-mode (not IL-only) x86 image at x86', () => {
    assert.equal(facts(readPeBuffer(buildPe({ machine: MACHINE.x86, clrFlags: 0 }))).architecture, 'x86');
  });

  it('answers undefined architecture for a machine it does not know', () => {
    const pe = facts(readPeBuffer(buildPe({ machine: 0x5064, pe32Plus: true })));
    assert.equal(pe.machine, 'other');
    assert.equal(pe.architecture, undefined);
    assert.match(describeArchitecture(pe), /0x5064/);
  });

  it('gives a reason for garbage, an empty buffer and an MS-DOS-only file', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('hello world, not a PE at all, really not', 'latin1'), Buffer.alloc(4096, 0x41)]) {
      const result = readPeBuffer(bytes);
      assert.equal(result.ok, false);
    }
    const dosOnly = Buffer.alloc(0x100);
    dosOnly.write('MZ', 0, 'latin1');
    dosOnly.writeUInt32LE(0x40, 0x3c);
    const result = readPeBuffer(dosOnly);
    assert.ok(!result.ok && /PE\\0\\0/.test(result.reason), JSON.stringify(result));
  });

  it('refuses offsets the header claims beyond the file', () => {
    const farSignature = PE.anyCpuDll();
    farSignature.writeUInt32LE(0x7fff_fff0, 0x3c);
    const far = readPeBuffer(farSignature);
    assert.ok(!far.ok && /e_lfanew/.test(far.reason));

    const farSection = PE.anyCpuDll();
    farSection.writeUInt32LE(0x7fff_0000, 0x80 + 4 + 20 + 224 + 20); // PointerToRawData
    const section = readPeBuffer(farSection);
    assert.ok(!section.ok && /truncated/.test(section.reason), JSON.stringify(section));

    const outsideRva = PE.anyCpuDll();
    outsideRva.writeUInt32LE(0x9000, 0x80 + 4 + 20 + 96 + 14 * 8); // CLR directory RVA in no section
    const rva = readPeBuffer(outsideRva);
    assert.ok(!rva.ok && /no section/.test(rva.reason));

    const manySections = PE.anyCpuDll();
    manySections.writeUInt16LE(0xffff, 0x80 + 4 + 2);
    assert.equal(readPeBuffer(manySections).ok, false);
  });

  it('never throws on any prefix of an image, and reads none that ends before the header it needs', () => {
    // A managed image needs its CLR header (at 0x208, 24 bytes read at least); a native one its optional header.
    for (const [image, needed] of [[PE.x86Dll(), 0x208 + 24], [PE.x64Dll(), 0x208 + 24], [PE.nativeX64Exe(), 0x84 + 20 + 240]] as const) {
      for (let length = 0; length <= image.length; length++) {
        const result = readPeBuffer(image.subarray(0, length));
        assert.equal(result.ok, length >= needed, `prefix of ${length} bytes: ${JSON.stringify(result)}`);
      }
    }
  });

  it('never throws on random bytes behind an MZ signature', () => {
    const random = randomSource(15);
    for (let round = 0; round < 2000; round++) {
      const bytes = Buffer.alloc(Math.floor(random() * 1200));
      for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(random() * 256);
      if (bytes.length > 2) bytes.write('MZ', 0, 'latin1');
      if (bytes.length > 0x40 && random() < 0.7) bytes.writeUInt32LE(Math.floor(random() * 0x200), 0x3c);
      if (bytes.length > 0x300 && random() < 0.5) {
        const image = PE.x86Dll();
        image.copy(bytes, 0, 0, Math.min(image.length, Math.floor(random() * image.length)));
      }
      readPeBuffer(bytes);
    }
  });
});

describe('readPeFile', () => {
  it('reads a file the same as its bytes, and a truncated file with a reason', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ancm-pe-'));
    try {
      for (const [name, bytes] of [['x86.dll', PE.x86Dll()], ['x64.dll', PE.x64Dll()], ['any.dll', PE.anyCpuDll()], ['cut.dll', PE.x86Dll().subarray(0, 0x90)], ['garbage.dll', Buffer.from('garbage')], ['empty.dll', Buffer.alloc(0)]] as const) {
        const file = path.join(folder, name);
        writeFileSync(file, bytes);
        const handle = await open(file, 'r');
        try {
          assert.deepEqual(await readPeFile(handle), readPeBuffer(bytes), name);
        } finally {
          await handle.close();
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('turns an I/O error into a reason', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ancm-pe-'));
    try {
      const file = path.join(folder, 'a.dll');
      writeFileSync(file, PE.anyCpuDll());
      const handle = await open(file, 'r');
      await handle.close();
      const result = await readPeFile(handle);
      assert.equal(result.ok, false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
