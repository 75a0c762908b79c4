import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'quoted-process-path';

describe('quoted-process-path', () => {
  it('reports a processPath in &quot; and safely removes the quotes', () => {
    const text = publishedConfig('<aspNetCore processPath="&quot;C:\\Program Files\\dotnet\\dotnet.exe&quot;" arguments=".\\App.dll" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['&quot;C:\\Program Files\\dotnet\\dotnet.exe&quot;']);
    assert.equal(issues[0].severity, 'error');
    assert.equal(issues[0].fixes?.[0].safe, true);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /processPath="C:\\Program Files\\dotnet\\dotnet\.exe" arguments/);
  });

  it('is quiet for an unquoted path with spaces and for quotes inside arguments', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="C:\\Program Files\\dotnet\\dotnet.exe" arguments="&quot;C:\\My App\\App.dll&quot;" />')), []);
  });
});
