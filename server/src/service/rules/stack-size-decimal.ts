// ANCM passes stackSize verbatim to the runtime as DEFAULT_STACK_SIZE, and CoreCLR parses it as hexadecimal,
// so the decimal-looking `2097152` means 0x2097152 bytes, about 33 MB (CommonLib/HostFxr.h
// DOTNETCORE_STACK_SIZE; dotnet/aspnetcore#60762).

import { appliesTo, findHandlerSetting } from '../../ancm/lookup';
import type { XmlAttribute } from '../parse/xmlDocument';
import { resolveEntries, sectionHostingModel } from './entriesInEffect';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const STACK_SIZE = findHandlerSetting('stackSize')!;

/** ANCM's default stack size, 1 MB, which it passes as `0x100000` since dotnet/aspnetcore#60811 ("in base16 1 MB"). */
const DEFAULT_STACK_BYTES = 0x100000n;
/** More hexadecimal digits than this do not fit in 64 bits: no stack size at all, in either reading. */
const MAX_DIGITS = 16;
/** How many leading digits a message shows of a value too long to quote. */
const SHOWN_DIGITS = 20;

export const stackSizeDecimalRule: Rule = {
  id: 'stack-size-decimal',
  description: 'A stackSize written in decimal: the runtime reads it as hexadecimal, giving a much larger stack.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: STACK_SIZE.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const entry of resolveEntries(document, 'handlerSettings').inEffect) {
      const spec = findHandlerSetting(entry.name);
      if (spec?.valueSyntax !== 'hexStackSize' || !appliesTo(spec.appliesTo, sectionHostingModel(document, entry.section))) continue;
      const value = entry.value;
      // One digit reads the same in both bases; hex letters or a 0x prefix mean it is already hexadecimal.
      if (value === undefined || value.length < 2 || !isAllDigits(value)) continue;
      findings.push(value.length > MAX_DIGITS ? oversizedFinding(spec.name, entry.valueAttribute!, value) : decimalFinding(spec.name, entry.valueAttribute!, value));
    }
    return findings;
  },
};

/**
 * Two readings, the number written (in hex) and the number the runtime reads (kept, with its 0x). The first is
 * the safe, preferred one unless it shrinks the stack below ANCM's 1 MB default: then which is meant is the user's call.
 */
function decimalFinding(name: string, attribute: XmlAttribute, value: string): Finding {
  const readAs = BigInt(`0x${value}`);
  const written = BigInt(value);
  const meant = `0x${written.toString(16)}`;
  const shrinks = written < DEFAULT_STACK_BYTES;
  const below = shrinks ? ", though that is below ANCM's 1 MB default" : '';
  return {
    message:
      `${name} '${value}' is read as hexadecimal: it means 0x${value} = ${describeBytes(readAs)}, ` +
      `not ${describeBytes(written)}. For that size write ${meant}${below}.`,
    ...valueSpan(attribute),
    fixes: [
      valueFix(`Write ${meant} (${groupThousands(value)}, the number you wrote, in hexadecimal)`, attribute, meant, !shrinks),
      valueFix(`Keep what ANCM reads: 0x${value} (${approximateSize(readAs)})`, attribute, `0x${value}`, false),
    ],
  };
}

/** A value longer than any 64-bit number: said by its length, never converted (the rule stays linear in it). */
function oversizedFinding(name: string, attribute: XmlAttribute, value: string): Finding {
  const shown = `${value.slice(0, SHOWN_DIGITS)}…`;
  return {
    message:
      `${name} '${shown}' (${groupThousands(String(value.length))} digits) is far larger than any stack: it fits in 64 bits in neither base. ` +
      'Write the size in hexadecimal, e.g. 0x100000 for 1 MB.',
    ...valueSpan(attribute),
    fixes: [valueFix('Change to 0x100000 (1 MB, the default)', attribute, '0x100000', false)],
  };
}

function isAllDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `34173266` → `34,173,266`, in one pass over the digits. */
function groupThousands(digits: string): string {
  let result = '';
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) result += ',';
    result += digits[index];
  }
  return result;
}

/**
 * `34,173,266 bytes (about 33 MB)`, in binary units as stack sizes are usually given; from 1 GB on only the
 * approximate size, as a count of bytes that long says nothing more.
 */
function describeBytes(bytes: bigint): string {
  if (bytes >= 1n << 30n) return approximateSize(bytes);
  const exact = `${groupThousands(bytes.toString())} bytes`;
  return bytes < 1024n ? exact : `${exact} (${approximateSize(bytes)})`;
}

/** `about 33 MB`, `2 MB`, `512 bytes`: the size in the largest binary unit it reaches. */
function approximateSize(bytes: bigint): string {
  const units: [bigint, string][] = [
    [1n << 30n, 'GB'],
    [1n << 20n, 'MB'],
    [1n << 10n, 'KB'],
  ];
  const unit = units.find(([size]) => bytes >= size);
  if (!unit) return `${groupThousands(bytes.toString())} bytes`;
  const [size, name] = unit;
  if (bytes % size === 0n) return `${groupThousands((bytes / size).toString())} ${name}`;
  return `about ${groupThousands(((bytes + size / 2n) / size).toString())} ${name}`;
}
