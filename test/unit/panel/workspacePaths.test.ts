import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { bestMatches, isInsideAnyFolder, isInsideFolder, isPlainFileName, pathSegments, sharedTailLength } from '../../../client/src/panel/workspacePaths';

describe('workspace paths (extension side)', () => {
  it('opens only a file strictly inside a workspace folder', () => {
    const posix = path.posix;
    assert.equal(isInsideFolder('/work/app/src/Program.cs', '/work/app', posix), true);
    assert.equal(isInsideFolder('/work/app', '/work/app', posix), false);
    assert.equal(isInsideFolder('/work/app/../secrets/key.pem', '/work/app', posix), false);
    assert.equal(isInsideFolder('/work/app-evil/Program.cs', '/work/app', posix), false, 'a sibling that starts with the same name');
    assert.equal(isInsideFolder('/etc/passwd', '/work/app', posix), false);
    assert.equal(isInsideFolder('/work/app/..hidden/x.cs', '/work/app', posix), true, 'a folder whose name starts with two dots');
    assert.equal(isInsideAnyFolder('/b/x.cs', ['/a', '/b'], posix), true);
    assert.equal(isInsideAnyFolder('/c/x.cs', ['/a', '/b'], posix), false);
  });

  it('reads Windows paths as Windows does: any case, either separator, other drives outside', () => {
    const win32 = path.win32;
    assert.equal(isInsideFolder('C:\\Work\\App\\Program.cs', 'c:\\work\\app', win32), true);
    assert.equal(isInsideFolder('C:/work/app/src/x.cs', 'C:\\work\\app', win32), true);
    assert.equal(isInsideFolder('D:\\work\\app\\x.cs', 'C:\\work\\app', win32), false);
    assert.equal(isInsideFolder('C:\\work\\app\\..\\..\\Windows\\win.ini', 'C:\\work\\app', win32), false);
  });

  it('finds the workspace file a build-machine path means: the most trailing folders in common', () => {
    assert.deepEqual(pathSegments('C:\\src\\Contoso.Web\\Program.cs'), ['src', 'Contoso.Web', 'Program.cs']);
    assert.deepEqual(pathSegments('\\\\build\\share\\a\\b.cs'), ['a', 'b.cs']);
    assert.equal(sharedTailLength(['x', 'Web', 'Program.cs'], ['repo', 'web', 'program.cs']), 2);
    const candidates = ['/w/tools/Program.cs', '/w/src/Contoso.Web/Program.cs', '/w/src/Contoso.Api/Program.cs', '/w/src/Contoso.Web/Startup.cs'];
    assert.deepEqual(bestMatches('C:\\agent\\_work\\1\\s\\src\\Contoso.Web\\Program.cs', candidates), ['/w/src/Contoso.Web/Program.cs']);
    assert.deepEqual(bestMatches('/src/Other/Program.cs', candidates), ['/w/tools/Program.cs', '/w/src/Contoso.Web/Program.cs', '/w/src/Contoso.Api/Program.cs']);
    assert.deepEqual(bestMatches('C:\\src\\Missing.cs', candidates), []);
  });

  it('searches only for a plain file name, never a glob the log wrote', () => {
    assert.equal(isPlainFileName('Program.cs'), true);
    for (const name of ['*', '**', 'a?.cs', '{a,b}.cs', '[ab].cs', '..', '', 'a/b.cs', '!x.cs']) assert.equal(isPlainFileName(name), false, name);
  });
});
