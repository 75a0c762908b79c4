// Framework resolution against dotnet/runtime's own design documents. Each table names the document and the section or
// table its rows come from: FVR = docs/design/features/framework-version-resolution.md, RFNC =
// docs/design/features/roll-forward-on-no-candidate-fx.md. Rows whose expectation changed in .NET Core 3.0 use the
// documented 3.0 ("new behavior") column, since every host that runs ASP.NET Core on IIS today is 3.0 or later.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  resolveApp,
  resolveFramework,
  type FrameworkReference,
  type InstalledFramework,
  type ResolveOptions,
} from '../../server/src/ancm/frameworkResolution';

const FX = 'Microsoft.NETCore.App';

function installed(versions: readonly string[], name = FX, architecture = 'x64'): InstalledFramework[] {
  return versions.map((version) => ({ name, version, architecture }));
}

interface Row {
  readonly source: string;
  readonly version: string;
  readonly rollForward?: string;
  readonly applyPatches?: boolean;
  readonly rollForwardOnNoCandidateFx?: number;
  readonly available: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly hostfxrVersion?: string;
  /** The resolved version, or undefined when the doc says "failure" / "no compatible version". */
  readonly expected: string | undefined;
}

function runRows(rows: readonly Row[]): void {
  for (const row of rows) {
    const settings = [
      row.rollForward && `rollForward=${row.rollForward}`,
      row.applyPatches !== undefined && `applyPatches=${row.applyPatches}`,
      row.rollForwardOnNoCandidateFx !== undefined && `rollForwardOnNoCandidateFx=${row.rollForwardOnNoCandidateFx}`,
      ...Object.entries(row.env ?? {}).map(([key, value]) => `${key}=${value}`),
      row.hostfxrVersion && `hostfxr ${row.hostfxrVersion}`,
    ].filter(Boolean).join(', ');
    it(`${row.source}: ${row.version}${settings ? ` (${settings})` : ''} on [${row.available.join(', ')}] -> ${row.expected ?? 'failure'}`, () => {
      const reference: FrameworkReference = {
        name: FX,
        version: row.version,
        ...(row.rollForward === undefined ? {} : { rollForward: row.rollForward }),
        ...(row.applyPatches === undefined ? {} : { applyPatches: row.applyPatches }),
        ...(row.rollForwardOnNoCandidateFx === undefined ? {} : { rollForwardOnNoCandidateFx: row.rollForwardOnNoCandidateFx }),
      };
      const options: ResolveOptions = { env: row.env ?? {}, ...(row.hostfxrVersion ? { hostfxrVersion: row.hostfxrVersion } : {}) };
      const result = resolveFramework(reference, installed(row.available), options);
      if (row.expected === undefined) {
        assert.equal(result.resolved, undefined, `resolved to ${result.resolved?.version}`);
        assert.ok(result.missing, 'reported as missing');
      } else {
        assert.equal(result.resolved?.version, row.expected, result.missing?.detail ?? result.invalid?.sentence);
      }
    });
  }
}

describe('roll-forward policies (FVR "Roll-forward": the list of available values)', () => {
  runRows([
    { source: 'FVR LatestPatch', version: '8.0.0', rollForward: 'LatestPatch', available: ['8.0.5', '8.0.3', '8.1.0'], expected: '8.0.5' },
    { source: 'FVR LatestPatch disables minor roll forward', version: '8.0.0', rollForward: 'LatestPatch', available: ['8.1.0'], expected: undefined },
    { source: 'FVR Minor (default), requested minor present -> LatestPatch', version: '8.0.0', available: ['8.0.1', '8.0.11', '8.1.0'], expected: '8.0.11' },
    { source: 'FVR Minor, requested minor missing -> lowest higher minor', version: '8.0.0', rollForward: 'Minor', available: ['8.2.0', '8.1.0', '8.1.4', '9.0.0'], expected: '8.1.4' },
    { source: 'FVR Minor never rolls to the next major', version: '8.0.0', available: ['9.0.0', '10.0.0'], expected: undefined },
    { source: 'FVR Major, requested major missing -> lowest higher major, lowest minor', version: '6.0.0', rollForward: 'Major', available: ['9.0.0', '8.1.0', '8.0.1', '8.0.5'], expected: '8.0.5' },
    { source: 'FVR Major, requested major present -> Minor policy', version: '6.0.0', rollForward: 'Major', available: ['6.0.2', '6.1.0', '8.0.0'], expected: '6.0.2' },
    { source: 'FVR LatestMinor, even if the requested minor is present', version: '8.0.0', rollForward: 'LatestMinor', available: ['8.0.5', '8.1.2', '8.2.1', '9.0.0'], expected: '8.2.1' },
    { source: 'FVR LatestMajor, even if the requested major is present', version: '6.0.0', rollForward: 'LatestMajor', available: ['6.0.36', '9.0.0', '8.0.11'], expected: '9.0.0' },
    { source: 'FVR Disable binds to the specified version only', version: '8.0.0', rollForward: 'Disable', available: ['8.0.0', '8.0.11'], expected: '8.0.0' },
    { source: 'FVR Disable does not roll to a patch', version: '8.0.0', rollForward: 'Disable', available: ['8.0.11'], expected: undefined },
    { source: 'FVR "The value is ... case insensitive"', version: '6.0.0', rollForward: 'latestmajor', available: ['6.0.36', '8.0.11'], expected: '8.0.11' },
    { source: 'FVR no downgrade: a version below the reference never fits', version: '8.0.5', rollForward: 'LatestMajor', available: ['8.0.4', '6.0.0'], expected: undefined },
  ]);
});

describe('release references prefer release (FVR "Proposed behavior for 3.0 and forward", interesting examples)', () => {
  runRows([
    { source: 'FVR 3.0 ex. 1: no automatic patch roll onto a prerelease', version: '3.0.0', rollForward: 'Minor', available: ['3.0.0', '3.0.1-preview'], expected: '3.0.0' },
    { source: 'FVR 3.0 ex. 2: a release minor beats a closer prerelease patch', version: '3.0.0', rollForward: 'Minor', available: ['3.0.1-preview', '3.1.0'], expected: '3.1.0' },
    { source: 'FVR 3.0 ex. 3: LatestMajor takes the release', version: '2.0.0', rollForward: 'LatestMajor', available: ['3.0.0', '3.0.1-preview'], expected: '3.0.0' },
    { source: 'FVR 3.0 ex. 4: a prerelease when it is the only one', version: '3.0.0', rollForward: 'Minor', available: ['3.0.1-preview'], expected: '3.0.1-preview' },
    { source: 'FVR SemVer: 3.0.0 will NOT run on 3.0.0-preview', version: '3.0.0', available: ['3.0.0-preview'], expected: undefined },
    { source: 'FVR SemVer: not even with DOTNET_ROLL_FORWARD_TO_PRERELEASE=1', version: '3.0.0', available: ['3.0.0-preview'], env: { DOTNET_ROLL_FORWARD_TO_PRERELEASE: '1' }, expected: undefined },
  ]);
});

describe('DOTNET_ROLL_FORWARD_TO_PRERELEASE (FVR "Proposed new pre-release mode")', () => {
  runRows([
    { source: 'FVR pre-release mode ex. 1: patch roll includes prereleases', version: '3.0.0', rollForward: 'Minor', available: ['3.0.0', '3.0.1-preview'], env: { DOTNET_ROLL_FORWARD_TO_PRERELEASE: '1' }, expected: '3.0.1-preview' },
    { source: 'FVR pre-release mode ex. 2: the closer prerelease beats the higher minor', version: '3.0.0', rollForward: 'Minor', available: ['3.0.1-preview', '3.1.0'], env: { DOTNET_ROLL_FORWARD_TO_PRERELEASE: '1' }, expected: '3.0.1-preview' },
    { source: 'FVR "set to anything but 1": the default behavior', version: '3.0.0', rollForward: 'Minor', available: ['3.0.0', '3.0.1-preview'], env: { DOTNET_ROLL_FORWARD_TO_PRERELEASE: 'true' }, expected: '3.0.0' },
    { source: 'FVR LatestMajor special case works with the mode on', version: '2.0.0', rollForward: 'LatestMajor', available: ['3.0.0', '3.1.0-preview'], env: { DOTNET_ROLL_FORWARD_TO_PRERELEASE: '1' }, expected: '3.1.0-preview' },
    { source: 'FVR LatestMajor special case without the mode', version: '2.0.0', rollForward: 'LatestMajor', available: ['3.0.0', '3.1.0-preview'], expected: '3.0.0' },
  ]);
});

describe('prerelease references (FVR "Pre-release will roll forward", new-behavior column)', () => {
  runRows([
    { source: 'FVR exact match available, no roll to latest patch', version: '2.1.0-preview.2', available: ['2.1.0-preview.2', '2.1.0-preview.3', '2.1.1-preview.1'], expected: '2.1.0-preview.2' },
    { source: 'FVR only roll to the closest prerelease', version: '2.1.0-preview.1', available: ['2.1.0-preview.2', '2.1.0-preview.3'], expected: '2.1.0-preview.2' },
    { source: 'FVR prerelease rolls on prerelease even with applyPatches=false', version: '2.1.0-preview.1', rollForwardOnNoCandidateFx: 0, applyPatches: false, available: ['2.1.0-preview.2', '2.1.0-preview.3'], expected: '2.1.0-preview.2' },
    { source: 'FVR prerelease rolls forward to release', version: '2.1.0-preview.1', available: ['2.1.0'], expected: '2.1.0' },
    { source: 'FVR prerelease rolls forward on patches', version: '2.1.0-preview.1', available: ['2.1.1-preview.1'], expected: '2.1.1-preview.1' },
    { source: 'FVR prerelease rolls forward on minor by default', version: '2.1.0-preview.1', available: ['2.2.0-preview.1'], expected: '2.2.0-preview.1' },
    { source: 'FVR prerelease rolls forward on major if enabled', version: '2.1.0-preview.1', rollForwardOnNoCandidateFx: 2, available: ['3.0.0'], expected: '3.0.0' },
    { source: 'FVR 3.0: a prerelease reference does not prefer release (closest wins)', version: '9.0.0-rc.1', available: ['9.0.0-rc.2', '9.0.0'], expected: '9.0.0-rc.2' },
    { source: 'FVR Disable: a prerelease reference binds exactly', version: '2.1.0-preview2', rollForward: 'Disable', available: ['2.1.0-preview3'], expected: undefined },
  ]);
});

describe('release rolls to prerelease when nothing else fits (FVR "Behavior before 3.0" rows that 3.0 keeps; "Roll on patches-only ...")', () => {
  runRows([
    { source: 'FVR before-3.0 row 1: release found first, prerelease ignored', version: '2.1.0', available: ['2.1.1-preview', '2.2.0'], expected: '2.2.0' },
    { source: 'FVR before-3.0 row 2: no matching release, prerelease used', version: '2.1.0', available: ['2.0.0', '2.2.0-preview'], expected: '2.2.0-preview' },
    { source: 'FVR before-3.0 row 3: Major to the only prerelease', version: '2.1.0', rollForward: 'Major', available: ['3.0.0-preview'], expected: '3.0.0-preview' },
    { source: 'FVR before-3.0 row 4, 3.0 rule: a prerelease match gets no roll to latest patch', version: '2.1.0', available: ['2.1.1-preview', '2.1.2-preview'], expected: '2.1.1-preview' },
    { source: 'FVR before-3.0 row 6: Disable does not roll to a prerelease patch', version: '2.1.0', rollForward: 'Disable', available: ['2.1.1-preview'], expected: undefined },
    { source: 'FVR patches-only table row 1', version: '3.0.0', available: ['3.0.1-preview.1'], expected: '3.0.1-preview.1' },
    { source: 'FVR patches-only table row 2 (new behavior)', version: '3.0.0', rollForwardOnNoCandidateFx: 0, available: ['3.0.1-preview.1'], expected: '3.0.1-preview.1' },
  ]);
});

describe('DOTNET_ROLL_FORWARD (FVR "Roll-forward": env wins over .runtimeconfig.json)', () => {
  runRows([
    { source: 'FVR env overrides the config value', version: '6.0.0', rollForward: 'Minor', available: ['8.0.11'], env: { DOTNET_ROLL_FORWARD: 'LatestMajor' }, expected: '8.0.11' },
    { source: 'FVR env value is case-insensitive', version: '6.0.0', available: ['8.0.1', '9.0.0'], env: { DOTNET_ROLL_FORWARD: 'major' }, expected: '8.0.1' },
    { source: 'FVR env can also restrict', version: '8.0.0', rollForward: 'LatestMajor', available: ['8.0.0', '9.0.0'], env: { DOTNET_ROLL_FORWARD: 'Disable' }, expected: '8.0.0' },
    { source: 'Windows: variable names are case-insensitive', version: '6.0.0', available: ['8.0.11'], env: { dotnet_roll_forward: 'Major' }, expected: '8.0.11' },
  ]);

  it('an invalid DOTNET_ROLL_FORWARD is an error, not a default (runtime_config.cpp)', () => {
    const result = resolveFramework({ name: FX, version: '8.0.0' }, installed(['8.0.11']), { env: { DOTNET_ROLL_FORWARD: 'Latest' } });
    assert.equal(result.invalid?.kind, 'invalid-environment');
    assert.match(result.invalid!.sentence, /DOTNET_ROLL_FORWARD 'Latest'/);
  });

  it('an invalid rollForward in runtimeconfig.json is an error', () => {
    const result = resolveFramework({ name: FX, version: '8.0.0', rollForward: 'Patch' }, installed(['8.0.11']));
    assert.equal(result.invalid?.kind, 'invalid-roll-forward');
  });

  it('a version the host cannot read is an error', () => {
    const result = resolveFramework({ name: FX, version: '8.0' }, installed(['8.0.11']));
    assert.equal(result.invalid?.kind, 'invalid-version');
  });
});

describe('legacy applyPatches and rollForwardOnNoCandidateFx (RFNC examples; FVR "Apply patches" before .NET 12)', () => {
  runRows([
    { source: 'RFNC default ex. 1', version: '1.0.1', available: ['1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.1.0', '1.1.1', '2.0.1'], expected: '1.0.3' },
    { source: 'RFNC default ex. 2 (3.0 rule: no patch roll on a prerelease match)', version: '1.0.1', available: ['1.0.0', '1.1.0-preview1-x', '1.1.0-preview2-x', '1.2.0-preview1-x'], expected: '1.1.0-preview1-x' },
    { source: 'RFNC default ex. 3', version: '1.0.1', available: ['1.0.0', '1.1.0-preview1-x', '1.2.0', '1.2.1-preview1-x'], expected: '1.2.0' },
    { source: 'RFNC default ex. 4', version: '1.0.1', available: ['1.0.0', '2.0.0'], expected: undefined },
    { source: 'RFNC applyPatches enabled', version: '1.0.1', available: ['1.0.1', '1.0.2'], expected: '1.0.2' },
    { source: 'RFNC applyPatches disabled, exact present', version: '1.0.1', applyPatches: false, available: ['1.0.1', '1.0.2'], expected: '1.0.1' },
    { source: 'RFNC applyPatches disabled, lowest higher patch', version: '1.0.1', applyPatches: false, available: ['1.0.2', '1.0.3'], expected: '1.0.2' },
    { source: 'RFNC no-candidate 1 (minor), patches on', version: '1.0.0', rollForwardOnNoCandidateFx: 1, available: ['1.1.1', '1.1.3', '1.2.0', '2.0.0'], expected: '1.1.3' },
    { source: 'RFNC no-candidate 1 (minor), patches off', version: '1.0.0', rollForwardOnNoCandidateFx: 1, applyPatches: false, available: ['1.1.1', '1.1.3', '1.2.0'], expected: '1.1.1' },
    { source: 'RFNC no-candidate 0 (off)', version: '1.0.0', rollForwardOnNoCandidateFx: 0, available: ['1.1.1'], expected: undefined },
    { source: 'FVR applyPatches=false + LatestPatch: only the exact version', version: '3.0.0', rollForward: 'LatestPatch', applyPatches: false, available: ['3.0.0', '3.0.1'], expected: '3.0.0' },
    { source: 'FVR applyPatches=false + LatestPatch: no patch roll at all', version: '3.0.0', rollForward: 'LatestPatch', applyPatches: false, available: ['3.0.1'], expected: undefined },
    { source: 'FVR applyPatches=false + Minor: lowest higher minor, lowest patch', version: '3.0.0', applyPatches: false, available: ['3.1.1', '3.1.2'], expected: '3.1.1' },
    { source: 'FVR applyPatches=false + Major: lowest major.minor.patch', version: '2.0.0', rollForward: 'Major', applyPatches: false, available: ['3.1.1', '3.1.2', '4.0.0'], expected: '3.1.1' },
    { source: 'FVR applyPatches ignored for LatestMinor', version: '3.0.0', rollForward: 'LatestMinor', applyPatches: false, available: ['3.0.1', '3.1.1', '3.1.2'], expected: '3.1.2' },
    { source: 'FVR applyPatches with DOTNET_ROLL_FORWARD from the env is allowed', version: '3.0.0', applyPatches: false, available: ['3.0.1', '3.0.2'], env: { DOTNET_ROLL_FORWARD: 'LatestPatch' }, expected: undefined },
    { source: 'FVR "Obsolete settings": .NET 12 ignores applyPatches', version: '3.0.0', applyPatches: false, available: ['3.0.1', '3.0.2'], hostfxrVersion: '12.0.0', expected: '3.0.2' },
    { source: 'FVR "Obsolete settings": .NET 12 ignores rollForwardOnNoCandidateFx', version: '1.0.0', rollForwardOnNoCandidateFx: 0, available: ['1.1.1'], hostfxrVersion: '12.0.1', expected: '1.1.1' },
    { source: 'RFNC env DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX=2 sets the default', version: '1.0.0', available: ['2.0.0'], env: { DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX: '2' }, expected: '2.0.0' },
    { source: 'RFNC config wins over DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX', version: '1.0.0', rollForwardOnNoCandidateFx: 1, available: ['2.0.0'], env: { DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX: '2' }, expected: undefined },
  ]);
});

describe('architecture and the sentences', () => {
  const aspnet = 'Microsoft.AspNetCore.App';

  it('resolves to Microsoft.AspNetCore.App 8.0.11 (x64)', () => {
    const result = resolveFramework({ name: aspnet, version: '8.0.0' }, [
      { name: aspnet, version: '8.0.11', architecture: 'x64', path: 'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App' },
      { name: aspnet, version: '6.0.25', architecture: 'x64' },
    ]);
    assert.equal(result.resolved?.sentence, 'resolves to Microsoft.AspNetCore.App 8.0.11 (x64)');
    assert.equal(result.resolved?.path, 'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App');
    assert.equal(result.resolved?.rollForward, 'Minor');
  });

  it('only the requested architecture counts; the others are reported', () => {
    const available: InstalledFramework[] = [
      { name: aspnet, version: '8.0.11', architecture: 'x86' },
      { name: aspnet, version: '6.0.25', architecture: 'x64' },
      { name: aspnet, version: '9.0.0', architecture: 'x64' },
    ];
    const x64 = resolveFramework({ name: aspnet, version: '8.0.0' }, available, { architecture: 'x64' });
    assert.equal(x64.missing?.sentence, 'needs the .NET 8 Hosting Bundle, 8.0.0 or later (x64)');
    assert.deepEqual(x64.missing?.installed, ['6.0.25', '9.0.0']);
    assert.deepEqual(x64.missing?.nearest, ['6.0.25', '9.0.0']);
    assert.deepEqual(x64.missing?.otherArchitectures, [{ architecture: 'x86', versions: ['8.0.11'] }]);
    assert.equal(x64.missing?.detail, 'Microsoft.AspNetCore.App 8.0.0 (rollForward Minor) is not installed for x64; installed: 6.0.25, 9.0.0; for x86: 8.0.11');
    const x86 = resolveFramework({ name: aspnet, version: '8.0.0' }, available, { architecture: 'X86' });
    assert.equal(x86.resolved?.sentence, 'resolves to Microsoft.AspNetCore.App 8.0.11 (x86)');
  });

  it('an install without an architecture counts as x64; AMD64 is x64', () => {
    const result = resolveFramework({ name: aspnet, version: '8.0.0' }, [{ name: aspnet, version: '8.0.1' }], { architecture: 'AMD64' });
    assert.equal(result.resolved?.sentence, 'resolves to Microsoft.AspNetCore.App 8.0.1 (x64)');
  });

  it('framework names are case-sensitive (FVR "Framework name")', () => {
    const result = resolveFramework({ name: aspnet, version: '8.0.0' }, [{ name: 'microsoft.aspnetcore.app', version: '8.0.1' }]);
    assert.ok(result.missing);
  });

  it('the needs phrase follows the policy', () => {
    const needs = (reference: FrameworkReference) => resolveFramework(reference, []).missing?.sentence;
    assert.equal(needs({ name: aspnet, version: '8.0.0', rollForward: 'Disable' }), 'needs the .NET 8 Hosting Bundle, 8.0.0 exactly (x64)');
    assert.equal(needs({ name: aspnet, version: '8.0.4', rollForward: 'LatestPatch' }), 'needs the .NET 8 Hosting Bundle, 8.0.4 or a later 8.0 patch (x64)');
    assert.equal(needs({ name: aspnet, version: '6.0.0', rollForward: 'Major' }), 'needs the .NET 6 Hosting Bundle or later, 6.0.0 or later (x64)');
    assert.equal(needs({ name: FX, version: '3.1.0' }), 'needs the .NET Core 3.1 Hosting Bundle, 3.1.0 or later (x64)');
    assert.equal(needs({ name: 'Microsoft.WindowsDesktop.App', version: '8.0.0' }), 'needs the .NET 8 Desktop Runtime, 8.0.0 or later (x64)');
    assert.equal(needs({ name: 'Contoso.Framework', version: '1.2.0' }), 'needs Contoso.Framework, 1.2.0 or later (x64)');
    const none = resolveFramework({ name: aspnet, version: '8.0.0' }, []).missing;
    assert.equal(none?.detail, 'Microsoft.AspNetCore.App 8.0.0 (rollForward Minor) is not installed for x64; no version of it is installed for x64');
    assert.deepEqual(none?.nearest, []);
  });

  it('Disable matches the folder named as the reference (build metadata included)', () => {
    assert.ok(resolveFramework({ name: FX, version: '8.0.0+abc', rollForward: 'Disable' }, installed(['8.0.0'])).missing);
    assert.equal(resolveFramework({ name: FX, version: '8.0.0+abc' }, installed(['8.0.0'])).resolved?.version, '8.0.0');
  });
});

describe('resolveApp: every reference of a runtimeconfig.json', () => {
  const aspnet = 'Microsoft.AspNetCore.App';
  const server = [...installed(['8.0.11', '6.0.25']), ...installed(['8.0.11', '6.0.25'], aspnet)];

  it('an ASP.NET Core app resolves Microsoft.AspNetCore.App and, through it, Microsoft.NETCore.App', () => {
    const app = resolveApp({ tfm: 'net8.0', framework: { name: aspnet, version: '8.0.0' } }, server);
    assert.equal(app.ok, true);
    assert.deepEqual(app.frameworks.map((result) => result.resolved?.sentence), [
      'resolves to Microsoft.AspNetCore.App 8.0.11 (x64)',
      'resolves to Microsoft.NETCore.App 8.0.11 (x64)',
    ]);
  });

  it('a missing framework is reported and the others still are', () => {
    const app = resolveApp({ frameworks: [{ name: aspnet, version: '9.0.0' }, { name: FX, version: '8.0.0' }] }, server);
    assert.equal(app.ok, false);
    assert.equal(app.frameworks[0].missing?.sentence, 'needs the .NET 9 Hosting Bundle, 9.0.0 or later (x64)');
    assert.equal(app.frameworks[1].resolved?.version, '8.0.11');
  });

  it('runtimeOptions.rollForward applies to each reference; a per-framework value wins (FVR "Roll-forward" scopes 1 and 2)', () => {
    const global = resolveApp({ rollForward: 'LatestMajor', frameworks: [{ name: FX, version: '6.0.0' }] }, installed(['6.0.25', '8.0.11']));
    assert.equal(global.frameworks[0].resolved?.version, '8.0.11');
    const own = resolveApp({ rollForward: 'LatestMajor', frameworks: [{ name: FX, version: '6.0.0', rollForward: 'Minor' }] }, installed(['6.0.25', '8.0.11']));
    assert.equal(own.frameworks[0].resolved?.version, '6.0.25');
    const env = resolveApp({ frameworks: [{ name: FX, version: '6.0.0', rollForward: 'Minor' }] }, installed(['6.0.25', '8.0.11']), { env: { DOTNET_ROLL_FORWARD: 'LatestMajor' } });
    assert.equal(env.frameworks[0].resolved?.version, '8.0.11');
  });

  it('a bare list of references works too', () => {
    const app = resolveApp([{ name: FX, version: '6.0.0' }], installed(['6.0.25']));
    assert.equal(app.frameworks[0].resolved?.version, '6.0.25');
  });

  it('rollForward with applyPatches in one runtimeconfig.json is refused (FVR "Apply patches": "It is illegal to specify both")', () => {
    const app = resolveApp({ rollForward: 'Minor', frameworks: [{ name: FX, version: '6.0.0', applyPatches: false }] }, installed(['6.0.25']));
    assert.equal(app.ok, false);
    assert.equal(app.problem?.kind, 'conflicting-settings');
    const modern = resolveApp({ rollForward: 'Minor', frameworks: [{ name: FX, version: '6.0.0', applyPatches: false }] }, installed(['6.0.25']), { hostfxrVersion: '12.0.0' });
    assert.equal(modern.ok, true, 'ignored settings cannot conflict');
  });

  it('the same framework twice in one runtimeconfig.json is refused', () => {
    const app = resolveApp({ frameworks: [{ name: FX, version: '6.0.0' }, { name: FX, version: '8.0.0' }] }, installed(['6.0.25', '8.0.11']));
    assert.equal(app.ok, false);
    assert.equal(app.frameworks.some((result) => result.invalid?.kind === 'duplicate-reference'), true);
  });

  it('a self-contained app (includedFrameworks) has nothing to resolve', () => {
    const app = resolveApp({ includedFrameworks: [{ name: FX, version: '8.0.11' }] }, []);
    assert.deepEqual([app.selfContained, app.ok, app.frameworks.length], [true, true, 0]);
  });

  it('nothing referenced at all is not ok', () => {
    assert.equal(resolveApp({}, server).ok, false);
    assert.equal(resolveApp(null as unknown as [], server).ok, false);
  });

  // FVR "Framework reference conflict resolution": the app references Microsoft.NETCore.App (first reference) and a
  // framework Fx whose own runtimeconfig.json references Microsoft.NETCore.App (second reference).
  const conflict = (first: FrameworkReference, second: FrameworkReference, available: readonly string[]) =>
    resolveApp({ frameworks: [first, { name: 'Fx', version: '1.0.0' }] }, [...installed(available), { name: 'Fx', version: '1.0.0' }], {
      frameworkReferencesOf: (name) => (name === 'Fx' ? [second] : []),
    }).frameworks.find((result) => (result.resolved ?? result.missing ?? result.invalid)?.name === FX);

  it('FVR conflict table row 1: 2.1.0 minor + 2.2.0 major -> 2.2.0 minor', () => {
    const onlyNextMajor = conflict({ name: FX, version: '2.1.0' }, { name: FX, version: '2.2.0', rollForward: 'Major' }, ['3.0.0']);
    assert.equal(onlyNextMajor?.missing?.version, '2.2.0');
    assert.equal(onlyNextMajor?.missing?.rollForward, 'Minor');
    const fits = conflict({ name: FX, version: '2.1.0' }, { name: FX, version: '2.2.0', rollForward: 'Major' }, ['2.1.5', '2.2.3', '3.0.0']);
    assert.equal(fits?.resolved?.version, '2.2.3');
  });

  it('FVR conflict table row 2: 2.1.0 minor + 3.0.0 minor -> failure', () => {
    const result = conflict({ name: FX, version: '2.1.0' }, { name: FX, version: '3.0.0' }, ['2.1.5', '3.0.0']);
    assert.equal(result?.invalid?.kind, 'incompatible-references');
    assert.match(result!.invalid!.sentence, /2\.1\.0 \(rollForward Minor\) cannot roll forward to 3\.0\.0/);
  });

  it('FVR conflict table row 3: 2.1.0 major highest + 3.0.0 minor -> 3.0.0 minor highest', () => {
    const result = conflict({ name: FX, version: '2.1.0', rollForward: 'LatestMajor' }, { name: FX, version: '3.0.0' }, ['2.1.5', '3.0.0', '3.1.0', '4.0.0']);
    assert.equal(result?.resolved?.version, '3.1.0');
    assert.equal(result?.resolved?.rollForward, 'LatestMinor');
  });

  it('FVR conflict table row 4: 2.1.0 major highest + 3.1.2 exact -> 3.1.2 exact highest', () => {
    const result = conflict({ name: FX, version: '2.1.0', rollForward: 'LatestMajor' }, { name: FX, version: '3.1.2', rollForward: 'Disable' }, ['3.1.2', '3.1.3', '4.0.0']);
    assert.equal(result?.resolved?.version, '3.1.2');
  });

  it('FVR "The roll_to_highest_version flag is propagated into the referenced frameworks"', () => {
    const app = resolveApp({ frameworks: [{ name: aspnet, version: '3.0.0', rollForward: 'LatestMinor' }] }, [
      ...installed(['3.0.0', '3.1.0'], aspnet),
      ...installed(['3.0.3', '3.1.5', '3.2.0']),
    ]);
    // Without the flag, ASP.NET Core's own reference (3.1.0, default Minor) would pick 3.1.5.
    assert.deepEqual(app.frameworks.map((result) => result.resolved?.version), ['3.1.0', '3.2.0']);
    const plain = resolveApp({ frameworks: [{ name: aspnet, version: '3.1.0' }] }, [...installed(['3.1.0'], aspnet), ...installed(['3.1.5', '3.2.0'])]);
    assert.deepEqual(plain.frameworks.map((result) => result.resolved?.version), ['3.1.0', '3.1.5']);
  });

  it('FVR "Fixing ordering issues": the result does not depend on the order of the references', () => {
    const available = [...installed(['3.1.1', '3.2.0']), ...installed(['3.1.0'], aspnet)];
    const netcoreFirst = resolveApp({ frameworks: [{ name: FX, version: '3.1.0', rollForward: 'LatestMinor' }, { name: aspnet, version: '3.1.0' }] }, available);
    const aspnetFirst = resolveApp({ frameworks: [{ name: aspnet, version: '3.1.0' }, { name: FX, version: '3.1.0', rollForward: 'LatestMinor' }] }, available);
    const netcoreOf = (app: ReturnType<typeof resolveApp>) => app.frameworks.find((result) => result.resolved?.name === FX)?.resolved?.version;
    assert.equal(netcoreOf(netcoreFirst), '3.2.0');
    assert.equal(netcoreOf(aspnetFirst), '3.2.0');
  });

  it('FVR "no inheritance": the app\'s rollForward does not apply to the framework\'s own references', () => {
    const app = resolveApp({ rollForward: 'Major', frameworks: [{ name: aspnet, version: '8.0.0' }] }, [
      ...installed(['8.0.11'], aspnet),
      ...installed(['9.0.0']),
    ]);
    assert.equal(app.frameworks[0].resolved?.version, '8.0.11');
    assert.equal(app.frameworks[1].missing?.sentence, 'needs the .NET 8 Hosting Bundle, 8.0.0 or later (x64)');
  });

  it('per-architecture: an x86 app pool on a server with only the x64 bundle', () => {
    const app = resolveApp({ framework: { name: aspnet, version: '8.0.0' } }, server, { architecture: 'x86' });
    assert.equal(app.ok, false);
    assert.equal(app.frameworks[0].missing?.sentence, 'needs the .NET 8 Hosting Bundle, 8.0.0 or later (x86)');
    assert.deepEqual(app.frameworks[0].missing?.otherArchitectures, [{ architecture: 'x64', versions: ['6.0.25', '8.0.11'] }]);
  });
});
