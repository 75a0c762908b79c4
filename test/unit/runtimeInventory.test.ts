// The inventory readers, one describe per input form. The hostfxr texts are the two wordings of
// dotnet/runtime src/native/corehost/fxr/fx_resolver.messages.cpp as they appear in the .NET docs (the 500.31 example of
// the ASP.NET Core troubleshooting page, the "Required framework not found" example of the .NET install docs).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  architectureOfDotnetRoot,
  readFoundFrameworks,
  readListRuntimes,
  readRuntimeInventory,
  readRuntimeList,
  readSharedFolders,
} from '../../server/src/ancm/runtimeInventory';
import { resolveApp } from '../../server/src/ancm/frameworkResolution';

const brief = (list: readonly { name: string; version: string; architecture?: string }[]) =>
  list.map((entry) => `${entry.name} ${entry.version} ${entry.architecture}`);

describe('architectureOfDotnetRoot', () => {
  const rows: readonly [string, string][] = [
    ['C:\\Program Files\\dotnet', 'x64'],
    ['C:\\Program Files (x86)\\dotnet', 'x86'],
    ['c:\\program files (x86)\\dotnet\\shared\\Microsoft.NETCore.App', 'x86'],
    ['C:\\Program Files\\dotnet\\x64', 'x64'], // the emulated x64 root on ARM64 Windows
    ['C:\\Program Files\\dotnet\\x64\\shared\\Microsoft.NETCore.App', 'x64'],
    ['D:\\runtimes\\arm64\\dotnet', 'arm64'],
    ['/usr/share/dotnet', 'x64'],
    ['', 'x64'],
  ];
  for (const [path, expected] of rows) it(`${path || '(empty)'} -> ${expected}`, () => assert.equal(architectureOfDotnetRoot(path), expected));

  it('the fallback is used when the path does not say', () => assert.equal(architectureOfDotnetRoot('C:\\dotnet', 'arm64'), 'arm64'));
});

describe('(a) dotnet --list-runtimes', () => {
  it('reads each line, with the architecture from its path, through CRLF and a BOM', () => {
    const text = '\uFEFFMicrosoft.AspNetCore.App 6.0.25 [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\r\n'
      + 'Microsoft.AspNetCore.App 8.0.11 [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\r\n'
      + 'Microsoft.NETCore.App 8.0.11 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]\r\n'
      + 'Microsoft.NETCore.App 8.0.11 [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App]\r\n'
      + 'Microsoft.WindowsDesktop.App 9.0.0-rc.1.24452.1 [C:\\Program Files\\dotnet\\shared\\Microsoft.WindowsDesktop.App]\r\n';
    const found = readListRuntimes(text);
    assert.deepEqual(brief(found), [
      'Microsoft.AspNetCore.App 6.0.25 x64',
      'Microsoft.AspNetCore.App 8.0.11 x64',
      'Microsoft.NETCore.App 8.0.11 x64',
      'Microsoft.NETCore.App 8.0.11 x86',
      'Microsoft.WindowsDesktop.App 9.0.0-rc.1.24452.1 x64',
    ]);
    assert.equal(found[0].path, 'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App');
  });

  it('reads the runtimes section of dotnet --info (indented) and skips everything else', () => {
    const text = [
      '.NET SDK:',
      ' Version:           8.0.404',
      '',
      '.NET runtimes installed:',
      '  Microsoft.AspNetCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]',
      '\tMicrosoft.NETCore.App   8.0.11    [/usr/share/dotnet/shared/Microsoft.NETCore.App]  ',
      '',
      'Other architectures found:',
      '  x86   [C:\\Program Files (x86)\\dotnet]',
      'Environment variables:',
      '  Not set',
    ].join('\n');
    assert.deepEqual(brief(readListRuntimes(text)), ['Microsoft.AspNetCore.App 8.0.11 x64', 'Microsoft.NETCore.App 8.0.11 x64']);
  });

  it('skips versions the host cannot read and lines that only look similar', () => {
    const text = 'Microsoft.NETCore.App 8.0 [C:\\dotnet\\shared\\Microsoft.NETCore.App]\nMicrosoft.NETCore.App 8.0.1\n[C:\\x]\nMicrosoft.NETCore.App 8.0.2 [unterminated';
    assert.deepEqual(readListRuntimes(text), []);
  });
});

describe('(b) shared folder paths', () => {
  it('reads <root>/shared/<name>/<version>, Windows and Unix separators, trailing separators', () => {
    const found = readSharedFolders([
      'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.11',
      'C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.11\\',
      'C:\\Program Files\\dotnet\\x64\\shared\\Microsoft.NETCore.App\\6.0.25',
      'D:\\arm64\\dotnet\\shared\\Microsoft.NETCore.App\\9.0.0',
      '/usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.11/',
      // The same name, version and architecture from another root counts once.
      'D:\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.11',
    ]);
    assert.deepEqual(brief(found), [
      'Microsoft.AspNetCore.App 8.0.11 x64',
      'Microsoft.NETCore.App 8.0.11 x86',
      'Microsoft.NETCore.App 6.0.25 x64',
      'Microsoft.NETCore.App 9.0.0 arm64',
      'Microsoft.NETCore.App 8.0.11 x64',
    ]);
    assert.equal(found[4].path, '/usr/share/dotnet/shared/Microsoft.NETCore.App');
    assert.equal(found[0].path, 'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App');
    assert.equal(found[1].path, 'C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App');
  });

  it('skips folders that are not framework versions (the host ignores them too)', () => {
    assert.deepEqual(readSharedFolders([
      'C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App\\temp',
      'C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App',
      'C:\\Program Files\\dotnet\\host\\fxr\\8.0.11',
      'C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.11\\System.Private.CoreLib.dll',
      '',
      42 as unknown as string,
    ]), []);
    assert.deepEqual(readSharedFolders(undefined as unknown as string[]), []);
  });
});

describe('(c) the "frameworks were found" block of a hostfxr error', () => {
  it('.NET 6+ wording: the framework and architecture from the header', () => {
    const text = [
      'You must install or update .NET to run this application.',
      '',
      'App: C:\\inetpub\\app\\app.dll',
      'Architecture: x86',
      "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x86)",
      '.NET location: C:\\Program Files (x86)\\dotnet\\',
      '',
      'The following frameworks were found:',
      '  6.0.25 at [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.AspNetCore.App]',
      '  7.0.14 at [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.AspNetCore.App]',
      '',
      'Learn more:',
      'https://aka.ms/dotnet/app-launch-failed',
      '  9.9.9 at [not part of the list]',
    ].join('\r\n');
    assert.deepEqual(brief(readFoundFrameworks(text)), ['Microsoft.AspNetCore.App 6.0.25 x86', 'Microsoft.AspNetCore.App 7.0.14 x86']);
  });

  it('older wording ("- The following frameworks were found:", deeper indent, no architecture)', () => {
    const text = [
      "The specified framework 'Microsoft.NETCore.App', version '3.0.0' was not found.",
      '  - The following frameworks were found:',
      '      2.2.1 at [C:\\Program Files\\dotnet\\x64\\shared\\Microsoft.NETCore.App]',
      '      3.0.0-preview5-27626-15 at [C:\\Program Files\\dotnet\\x64\\shared\\Microsoft.NETCore.App]',
      '',
      'You can resolve the problem by installing the specified framework and/or SDK.',
    ].join('\n');
    assert.deepEqual(brief(readFoundFrameworks(text)), ['Microsoft.NETCore.App 2.2.1 x64', 'Microsoft.NETCore.App 3.0.0-preview5-27626-15 x64']);
  });

  it("fx_resolver.messages.cpp's own form, with odd spacing and tabs", () => {
    const text = "It was not possible to find any compatible framework version\nThe framework 'Microsoft.AspNetCore.App', version '2.2.0' (x64) was not found.\n  - The following frameworks were found:\n \t 2.1.30 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]   \n      2.2.0-preview3-35497 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\n";
    assert.deepEqual(brief(readFoundFrameworks(text)), ['Microsoft.AspNetCore.App 2.1.30 x64', 'Microsoft.AspNetCore.App 2.2.0-preview3-35497 x64']);
  });

  it('several blocks in one log; a version line without a header takes its name from the path', () => {
    const text = [
      "Framework: 'Microsoft.NETCore.App', version '8.0.0' (x64)",
      'The following frameworks were found:',
      '  6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]',
      'Learn more:',
      "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
      'The following frameworks were found:',
      '  6.0.26 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
    ].join('\n');
    assert.deepEqual(brief(readFoundFrameworks(text)), ['Microsoft.NETCore.App 6.0.25 x64', 'Microsoft.AspNetCore.App 6.0.26 x64']);
    const headless = 'The following frameworks were found:\n  6.0.25 at [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.AspNetCore.App]';
    assert.deepEqual(brief(readFoundFrameworks(headless)), ['Microsoft.AspNetCore.App 6.0.25 x86']);
  });

  it('"No frameworks were found." gives nothing', () => {
    assert.deepEqual(readFoundFrameworks("The framework 'Microsoft.NETCore.App', version '8.0.0' (x64) was not found.\n  - No frameworks were found.\n"), []);
  });
});

describe('(d) a plain list', () => {
  it('one a line, odd spacing, optional architecture, CRLF, separators', () => {
    const text = '\uFEFF  Microsoft.AspNetCore.App   8.0.11  \r\nMicrosoft.NETCore.App\t8.0.11\r\n\r\nMicrosoft.NETCore.App 8.0.11 (x86)\r\nMicrosoft.NETCore.App 9.0.0 ARM64; Microsoft.AspNetCore.App 9.0.0 arm64, Microsoft.NETCore.App 6.0.0 amd64';
    assert.deepEqual(brief(readRuntimeList(text)), [
      'Microsoft.AspNetCore.App 8.0.11 x64',
      'Microsoft.NETCore.App 8.0.11 x64',
      'Microsoft.NETCore.App 8.0.11 x86',
      'Microsoft.NETCore.App 9.0.0 arm64',
      'Microsoft.AspNetCore.App 9.0.0 arm64',
      'Microsoft.NETCore.App 6.0.0 x64',
    ]);
  });

  it('skips junk', () => {
    const text = ['hello world', 'Microsoft.AspNetCore.App', 'Microsoft.AspNetCore.App eight', 'Microsoft.AspNetCore.App 8.0', 'Microsoft.AspNetCore.App 8.0.11 sparc', '8.0.11 Microsoft.AspNetCore.App', '# comment'].join('\n');
    assert.deepEqual(readRuntimeList(text), []);
  });

  it('the default architecture applies to lines that do not name one', () => {
    assert.deepEqual(brief(readRuntimeList('Microsoft.NETCore.App 8.0.11', { defaultArchitecture: 'x86' })), ['Microsoft.NETCore.App 8.0.11 x86']);
  });
});

describe('readRuntimeInventory reads any mix in one pass', () => {
  it('list-runtimes lines, folder paths, a hostfxr block and plain entries together', () => {
    const text = [
      'Microsoft.NETCore.App 8.0.11 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]',
      'C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.11',
      "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
      'The following frameworks were found:',
      '  6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
      'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.11',
      'Microsoft.WindowsDesktop.App 8.0.11',
      'some junk line',
    ].join('\r\n');
    assert.deepEqual(brief(readRuntimeInventory(text)), [
      'Microsoft.NETCore.App 8.0.11 x64',
      'Microsoft.NETCore.App 8.0.11 x86',
      'Microsoft.AspNetCore.App 6.0.25 x64',
      'Microsoft.AspNetCore.App 8.0.11 x64',
      'Microsoft.WindowsDesktop.App 8.0.11 x64',
    ]);
  });

  it('feeds resolution: a pasted --list-runtimes answers "will it run?"', () => {
    const server = readRuntimeInventory('Microsoft.AspNetCore.App 8.0.11 [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\nMicrosoft.NETCore.App 8.0.11 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]');
    const app = resolveApp({ framework: { name: 'Microsoft.AspNetCore.App', version: '8.0.0' } }, server);
    assert.deepEqual(app.frameworks.map((result) => result.resolved?.sentence), [
      'resolves to Microsoft.AspNetCore.App 8.0.11 (x64)',
      'resolves to Microsoft.NETCore.App 8.0.11 (x64)',
    ]);
  });

  it('never throws on junk and stays linear on large or hostile input', () => {
    for (const junk of [undefined, null, 7, '', '\uFEFF', '[', ']]]', 'at [', "Framework: '", '\r\r\n\n', 'a '.repeat(10_000)]) {
      assert.doesNotThrow(() => readRuntimeInventory(junk as unknown as string));
      assert.doesNotThrow(() => readListRuntimes(junk as unknown as string));
      assert.doesNotThrow(() => readFoundFrameworks(junk as unknown as string));
      assert.doesNotThrow(() => readRuntimeList(junk as unknown as string));
    }
    const hostile = [
      'Microsoft.NETCore.App ' + '8'.repeat(3000) + ' ['.repeat(300),
      'The following frameworks were found:',
      ('  1.0.0 at [' + ' '.repeat(4000)),
      'x'.repeat(1_000_000),
      ...Array.from({ length: 50_000 }, (_, i) => `Microsoft.NETCore.App 8.0.${i} [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]`),
    ].join('\n');
    const started = performance.now();
    const found = readRuntimeInventory(hostile);
    const elapsed = performance.now() - started;
    assert.equal(found.length, 50_000);
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });
});
