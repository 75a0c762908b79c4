import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLinks } from '../../../client/src/panel/web/logLinks';

function targets(line: string) {
  return findLinks(line).map((link) => ({ text: line.slice(link.start, link.end), target: link.target }));
}

describe('links in log lines', () => {
  it('finds the source location of a .NET stack frame, spaces in the path included', () => {
    assert.deepEqual(targets('   at Contoso.Web.Program.Main(String[] args) in C:\\src\\Contoso Web\\Program.cs:line 22'), [
      { text: 'C:\\src\\Contoso Web\\Program.cs:line 22', target: { kind: 'location', path: 'C:\\src\\Contoso Web\\Program.cs', line: 22 } },
    ]);
    assert.deepEqual(targets('   at X.Y() in /src/x.cs:line 5'), [{ text: '/src/x.cs:line 5', target: { kind: 'location', path: '/src/x.cs', line: 5 } }]);
  });

  it('finds a bare path with a line, ending at a space', () => {
    assert.deepEqual(targets('failed at C:\\app\\Startup.cs:line 7 during start'), [
      { text: 'C:\\app\\Startup.cs:line 7', target: { kind: 'location', path: 'C:\\app\\Startup.cs', line: 7 } },
    ]);
  });

  it('finds http and https URLs, without the punctuation after them', () => {
    assert.deepEqual(
      targets('Now listening on: http://127.0.0.1:19342. See (https://learn.microsoft.com/aspnet/core/iis), or https://x.example/a_(b).'),
      [
        { text: 'http://127.0.0.1:19342', target: { kind: 'url', url: 'http://127.0.0.1:19342' } },
        { text: 'https://learn.microsoft.com/aspnet/core/iis', target: { kind: 'url', url: 'https://learn.microsoft.com/aspnet/core/iis' } },
        { text: 'https://x.example/a_(b)', target: { kind: 'url', url: 'https://x.example/a_(b)' } },
      ],
    );
  });

  it('links nothing else: request paths, other schemes, a path without a line', () => {
    for (const line of ['GET /orders/42 200', 'javascript:alert(1)', 'file:///etc/passwd', 'vscode://ms-vscode.x', 'C:\\inetpub\\contoso\\web.config', 'in Program.cs:line 22']) {
      assert.deepEqual(findLinks(line), [], line);
    }
  });
});
