import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareFrameworkVersions, compareVersionTexts, isPrerelease, parseFrameworkVersion } from '../../server/src/ancm/frameworkVersion';

describe('parseFrameworkVersion reads versions as hostfxr (fx_ver.c parse_internal) does', () => {
  const valid: readonly [string, number, number, number, string, string][] = [
    ['8.0.11', 8, 0, 11, '', ''],
    ['0.0.0', 0, 0, 0, '', ''],
    // framework-version-resolution.md, "Pre-release versions": the .NET Core 3.0 preview naming.
    ['3.0.0-preview4-27415-15', 3, 0, 0, 'preview4-27415-15', ''],
    ['9.0.0-rc.1.24431.7', 9, 0, 0, 'rc.1.24431.7', ''],
    ['8.0.0+abc.001', 8, 0, 0, '', 'abc.001'], // build identifiers may have leading zeros
    ['8.0.0-rc.1+build.5', 8, 0, 0, 'rc.1', 'build.5'],
    ['1.2.3----RC-SNAPSHOT.12.9.1--.12', 1, 2, 3, '---RC-SNAPSHOT.12.9.1--.12', ''],
  ];
  for (const [text, major, minor, patch, prerelease, build] of valid) {
    it(`accepts ${text}`, () => {
      const version = parseFrameworkVersion(text);
      assert.ok(version);
      assert.deepEqual([version.major, version.minor, version.patch, version.prerelease, version.build, version.text], [major, minor, patch, prerelease, build, text]);
    });
  }

  const invalid: readonly [string, string][] = [
    ['8.0', 'no patch'],
    ['8', 'no minor'],
    ['', 'empty'],
    ['08.0.0', 'leading zero in major'],
    ['8.00.0', 'leading zero in minor'],
    ['8.0.01', 'leading zero in patch'],
    ['8.0.0-', 'empty prerelease'],
    ['8.0.0+', 'empty build'],
    ['8.0.0-01', 'numeric prerelease identifier with a leading zero'],
    ['8.0.0-a..b', 'empty prerelease identifier'],
    ['8.0.0x', 'neither - nor + after the patch'],
    ['8.0.0-rc.1+a+b', 'a second +'],
    ['8.0.0-ré', 'a character outside [0-9A-Za-z-]'],
    ['v8.0.0', 'a leading v'],
    [' 8.0.0', 'a leading space'],
    ['8.0.-1', 'no patch digits'],
    ['8.0.0.0', 'four parts (a Windows file version)'],
    ['99999999999.0.0', 'a number the host cannot hold'],
  ];
  for (const [text, why] of invalid) {
    it(`rejects '${text}' (${why})`, () => assert.equal(parseFrameworkVersion(text), undefined));
  }

  it('never throws on junk', () => {
    for (const junk of [undefined, null, 42, {}, '...', '-.-.-', '\u0000.\u0000.\u0000', '1.2.3-'.repeat(100)]) {
      assert.doesNotThrow(() => parseFrameworkVersion(junk as unknown as string));
    }
  });
});

describe('compareFrameworkVersions orders by SemVer 2.0 precedence (c_fx_ver_compare)', () => {
  it('orders the SemVer 2.0 specification example (item 11) ascending', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '2.0.0', '2.1.0', '2.1.1'];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const expected = Math.sign(i - j);
        assert.equal(Math.sign(compareVersionTexts(ordered[i], ordered[j])), expected, `${ordered[i]} vs ${ordered[j]}`);
      }
    }
  });

  it('a prerelease orders before its release (framework-version-resolution.md, "Pre-release versions")', () => {
    assert.ok(compareVersionTexts('3.0.0-preview4-27415-15', '3.0.0') < 0);
  });

  it('numbers compare numerically, not as text', () => {
    assert.ok(compareVersionTexts('8.0.10', '8.0.9') > 0);
    assert.ok(compareVersionTexts('10.0.0', '9.0.0') > 0);
    assert.ok(compareVersionTexts('9.0.0-rc.10', '9.0.0-rc.9') > 0);
    assert.ok(compareVersionTexts('9.0.0-rc.1.24452.12', '9.0.0-rc.1.24431.7') > 0);
  });

  it('numeric identifiers order before alphanumeric ones; alphanumeric compare ordinally (case-sensitive)', () => {
    assert.ok(compareVersionTexts('1.0.0-1', '1.0.0-a') < 0);
    assert.ok(compareVersionTexts('1.0.0-RC', '1.0.0-preview') < 0); // 'R' (0x52) < 'p' (0x70)
    assert.ok(compareVersionTexts('1.0.0-preview2', '1.0.0-preview10') > 0); // one alphanumeric identifier: text order
  });

  it('build metadata is ignored for precedence and equality', () => {
    assert.equal(compareVersionTexts('8.0.0+a', '8.0.0+b'), 0);
    assert.equal(compareVersionTexts('8.0.0-rc.1+x', '8.0.0-rc.1'), 0);
  });

  it('isPrerelease', () => {
    assert.equal(isPrerelease(parseFrameworkVersion('8.0.0-rc.1')!), true);
    assert.equal(isPrerelease(parseFrameworkVersion('8.0.0+build')!), false);
  });

  it('is a total order on a shuffled list (sort is stable and consistent)', () => {
    const texts = ['2.1.0', '2.1.0-preview.3', '2.1.0-preview.2', '2.1.1-preview.1', '2.0.9', '3.0.0', '2.2.0-preview.1', '2.1.0-preview'];
    const sorted = texts.map((text) => parseFrameworkVersion(text)!).sort(compareFrameworkVersions).map((version) => version.text);
    assert.deepEqual(sorted, ['2.0.9', '2.1.0-preview', '2.1.0-preview.2', '2.1.0-preview.3', '2.1.0', '2.1.1-preview.1', '2.2.0-preview.1', '3.0.0']);
  });
});
