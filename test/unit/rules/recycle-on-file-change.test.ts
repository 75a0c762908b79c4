import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'recycle-on-file-change';

describe('recycle-on-file-change', () => {
  it('reports <recycleOnFileChange> as information on its name, faded', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet"><recycleOnFileChange><file path="appsettings.json" /></recycleOnFileChange></aspNetCore>');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['recycleOnFileChange']);
    assert.equal(issues[0].severity, 'information');
    assert.equal(issues[0].unnecessary, true);
    assert.match(issues[0].message, /ANCM never reads <recycleOnFileChange>/);
  });

  it('removes the element with its line, unsafely', () => {
    const inner = ['<aspNetCore processPath="dotnet">', '        <recycleOnFileChange>', '          <file path="a.json" />', '        </recycleOnFileChange>', '      </aspNetCore>'];
    const text = publishedConfig(inner.join('\n'));
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.equal(applyAndRecheck(RULE, text, issue), publishedConfig([inner[0], inner[4]].join('\n')));
  });

  it('says nothing about the collections ANCM reads, or outside <aspNetCore>', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet"><environmentVariables /><handlerSettings /></aspNetCore>')), []);
    assert.deepEqual(check(RULE, publishedConfig('<recycleOnFileChange />')), []);
  });

  it('does not throw on a half-typed element', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet"><recycleOnFileChange');
    assert.deepEqual(marked(text, check(RULE, text)), ['recycleOnFileChange']);
  });
});
