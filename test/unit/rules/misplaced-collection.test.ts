import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { check, marked } from './ruleKit';

const RULE = 'misplaced-collection';

describe('misplaced-collection', () => {
  it('flags an ANCM collection directly under system.webServer, also inside <location>', () => {
    const text = '<configuration><system.webServer><aspNetCore processPath="dotnet" /><environmentVariables><environmentVariable name="A" value="1" /></environmentVariables></system.webServer>'
      + '<location path="."><system.webServer><handlerSettings /></system.webServer></location></configuration>';
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['environmentVariables', 'handlerSettings']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /belongs inside <aspNetCore>.*500\.19/);
  });

  it('is quiet when the collections are inside <aspNetCore>, and for other system.webServer sections', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet"><environmentVariables /><handlerSettings /></aspNetCore><rewrite /><security />');
    assert.deepEqual(check(RULE, text), []);
  });
});
