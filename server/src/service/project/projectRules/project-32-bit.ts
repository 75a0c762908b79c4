// A 32-bit app (PlatformTarget x86, or a RuntimeIdentifier such as win-x86) runs under IIS only in an application pool
// with "Enable 32-Bit Applications": in-process, a 64-bit w3wp.exe cannot load it (HTTP 500.32 "ANCM Failed to Load dll",
// "The application was likely published for a different bitness": dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/
// AspNetCore/HandlerResolver.cpp).

import { type Bitness, PLATFORM_TARGET, RUNTIME_IDENTIFIER, bitnessOfPlatformTarget, bitnessOfRuntimeIdentifier, findProjectProperty } from '../../../ancm/projectProperties';
import type { EvaluatedProperty } from '../msbuildProject';
import { type ProjectRule, perElement, propertySpan } from './projectRule';

/** The property that makes the app 32- or 64-bit, RuntimeIdentifier before PlatformTarget; undefined for a portable app. */
export function bitnessSetter(values: ReadonlyMap<string, EvaluatedProperty>): { bitness: Bitness; entry: EvaluatedProperty } | undefined {
  const rid = values.get(RUNTIME_IDENTIFIER);
  const ridBitness = rid && bitnessOfRuntimeIdentifier(rid.value);
  if (rid && ridBitness) return { bitness: ridBitness, entry: rid };
  const platform = values.get(PLATFORM_TARGET);
  const platformBitness = platform && bitnessOfPlatformTarget(platform.value);
  return platform && platformBitness ? { bitness: platformBitness, entry: platform } : undefined;
}

export const project32Bit: ProjectRule = {
  id: 'project-32-bit',
  description: 'The app is built 32-bit (PlatformTarget x86 or a win-x86 RuntimeIdentifier): its IIS application pool needs Enable 32-Bit Applications.',
  defaultSeverity: 'information',
  docsUrl: findProjectProperty(RUNTIME_IDENTIFIER)!.docsUrl,
  check(context) {
    return perElement(
      context,
      ({ values }) => {
        const setter = bitnessSetter(values);
        return setter?.bitness === 32 ? setter.entry.property : undefined;
      },
      (property, where) => ({
        message: `This builds a 32-bit app${where}: its IIS application pool needs "Enable 32-Bit Applications" set to True, or in-process hosting fails with HTTP 500.32.`,
        ...propertySpan(property),
      }),
    );
  },
};
