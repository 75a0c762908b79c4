// ANCM passes stackSize verbatim to the runtime as DEFAULT_STACK_SIZE, and CoreCLR parses it as hexadecimal,
// so the decimal-looking `2097152` means 0x2097152 bytes, about 33 MB (REFERENCE §2.1; CommonLib/HostFxr.h,
// dotnet/aspnetcore#60762).

import { appliesTo, findHandlerSetting } from '../../ancm/lookup';
import { resolveEntries, sectionHostingModel } from './entriesInEffect';
import { valueFix, valueSpan } from './ranges';
import type { Finding, Rule } from './types';

const STACK_SIZE = findHandlerSetting('stackSize')!;

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
      if (value === undefined || !/^[0-9]{2,}$/.test(value)) continue;
      const readAs = BigInt(`0x${value}`);
      const meant = `0x${BigInt(value).toString(16)}`;
      const attribute = entry.valueAttribute!;
      findings.push({
        message:
          `The runtime reads ${spec.name} as hexadecimal, so '${value}' means 0x${value} = ${describeBytes(readAs)} per thread, ` +
          `not ${describeBytes(BigInt(value))}. For that size write ${meant}.`,
        ...valueSpan(attribute),
        // The only fix, so editors offer it as the preferred one; not safe, since the user may want the larger size.
        fixes: [valueFix(`Change to ${meant} (${formatNumber(BigInt(value))} bytes)`, attribute, meant, false)],
      });
    }
    return findings;
  },
};

function formatNumber(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `34,173,266 bytes (about 33 MB)`, in binary units as stack sizes are usually given. */
function describeBytes(bytes: bigint): string {
  const units: [bigint, string][] = [
    [1n << 30n, 'GB'],
    [1n << 20n, 'MB'],
    [1n << 10n, 'KB'],
  ];
  const unit = units.find(([size]) => bytes >= size);
  if (!unit) return `${formatNumber(bytes)} bytes`;
  const [size, name] = unit;
  const rounded = Number((bytes * 10n) / size) / 10;
  const exact = bytes % size === 0n;
  return `${formatNumber(bytes)} bytes (${exact ? '' : 'about '}${exact ? rounded : Math.round(rounded)} ${name})`;
}
