import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'hidden-character';

describe('hidden-character', () => {
  it('names a zero-width space in processPath and offers, without preferring, to remove it', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet\u200b" arguments=".\\App.dll" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['dotnet\u200b']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /processPath holds <U\+200B>.*"dotnet<U\+200B>"/);
    assert.equal(issues[0].fixes?.[0].safe, false);
    assert.equal(issues[0].fixes?.[0].preferred, false);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /processPath="dotnet" arguments/);
  });

  it('finds Trojan Source reordering in an entry of a collection and in the handler entry', () => {
    const text = publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\App.dll">
        <environmentVariables>
          <environmentVariable name="ASPNETCORE_URLS" value="http://localhost\u202e8080\u202c" />
        </environmentVariables>
      </aspNetCore>`).replace('name="aspNetCore"', 'name="aspNetCore\u2066"');
    const issues = check(RULE, text);
    assert.equal(issues.length, 2);
    assert.ok(issues.some((issue) => /value holds <U\+202E>, <U\+202C>/.test(issue.message)));
    assert.ok(issues.some((issue) => /name holds <U\+2066>/.test(issue.message)));
  });

  it('is quiet for ordinary text, tabs and non-Latin letters', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="C:\\Программы\\dotnet.exe" arguments=".\\App.dll\t--urls x" />')), []);
  });
});
