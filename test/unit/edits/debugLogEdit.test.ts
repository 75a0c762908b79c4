import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { debugLevelValue, disableDebugLog, enableDebugLog } from '../../../server/src/service/edits/debugLogEdit';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { applyResult, reasonOf } from './editKit';

const FIXTURE = readFileSync('test/fixtures/webconfig/outofprocess-debug.config', 'utf8');

/** A web.config whose <aspNetCore> holds the given lines (already indented by 8 spaces). */
function config(sectionLines: string[], lineBreak = '\n'): string {
  return [
    '<configuration>',
    '  <system.webServer>',
    ...(sectionLines.length === 0 ? ['    <aspNetCore processPath="dotnet" />'] : ['    <aspNetCore processPath="dotnet">', ...sectionLines, '    </aspNetCore>']),
    '  </system.webServer>',
    '</configuration>',
  ].join(lineBreak);
}

const DEBUG_ENTRIES = ['        <handlerSetting name="debugFile" value=".\\logs\\aspnetcore-debug.log" />', '        <handlerSetting name="debugLevel" value="FILE,TRACE" />'];

function enabled(text: string): string {
  return applyResult(text, enableDebugLog(parseWebConfig(text), 'TRACE', undefined));
}

function disabled(text: string): string {
  return applyResult(text, disableDebugLog(parseWebConfig(text), undefined));
}

describe('enable debug log', () => {
  it('writes FILE plus the level', () => {
    assert.deepEqual(['ERROR', 'WARNING', 'INFO', 'TRACE'].map((level) => debugLevelValue(level as 'ERROR')), ['FILE,ERROR', 'FILE,WARNING', 'FILE,INFO', 'FILE,TRACE']);
  });

  it('creates <handlerSettings> in a self-closing section', () => {
    assert.equal(enabled(config([])), config(['      <handlerSettings>', ...DEBUG_ENTRIES, '      </handlerSettings>']));
  });

  it('creates <handlerSettings> after the existing children, with CRLF and tabs', () => {
    const tabbed = (text: string) => text.replace(/^( +)/gm, (spaces) => '\t'.repeat(spaces.length / 2));
    const text = tabbed(config(['      <environmentVariables />'], '\r\n'));
    assert.equal(enabled(text), tabbed(config(['      <environmentVariables />', '      <handlerSettings>', ...DEBUG_ENTRIES, '      </handlerSettings>'], '\r\n')));
  });

  it('adds the entries to an existing <handlerSettings>', () => {
    const text = config(['      <handlerSettings>', '        <handlerSetting name="stackSize" value="0x200000" />', '      </handlerSettings>']);
    assert.equal(enabled(text), config(['      <handlerSettings>', '        <handlerSetting name="stackSize" value="0x200000" />', ...DEBUG_ENTRIES, '      </handlerSettings>']));
    const empty = config(['      <handlerSettings>', '      </handlerSettings>']);
    assert.equal(enabled(empty), config(['      <handlerSettings>', ...DEBUG_ENTRIES, '      </handlerSettings>']));
  });

  it('replaces the entries in effect, matching names ignoring case, and keeps the user\'s debugFile path', () => {
    const text = config(['      <handlerSettings>', '        <handlerSetting name="DEBUGLEVEL" value="FILE,ERROR" />', '        <handlerSetting name="DebugFile" value="D:\\logs\\ancm.log" />', '      </handlerSettings>']);
    assert.equal(enabled(text), text.replace('value="FILE,ERROR"', 'value="FILE,TRACE"'));
    const updated = applyResult(FIXTURE, enableDebugLog(parseWebConfig(FIXTURE), 'INFO', undefined));
    assert.equal(updated, FIXTURE.replace('value="FILE,TRACE"', 'value="FILE,INFO"'));
  });

  it('fills in an empty debugFile and a missing value attribute', () => {
    const text = config(['      <handlerSettings>', '        <handlerSetting name="debugFile" value="" />', '        <handlerSetting name="debugLevel" />', '      </handlerSettings>']);
    assert.equal(enabled(text), config(['      <handlerSettings>', ...DEBUG_ENTRIES, '      </handlerSettings>']));
  });

  it('ignores entries before a <clear/>, which IIS drops', () => {
    const text = config(['      <handlerSettings>', '        <handlerSetting name="debugLevel" value="FILE,ERROR" />', '        <clear />', '      </handlerSettings>']);
    assert.equal(enabled(text), config(['      <handlerSettings>', '        <handlerSetting name="debugLevel" value="FILE,ERROR" />', '        <clear />', ...DEBUG_ENTRIES, '      </handlerSettings>']));
  });

  it('keeps single quotes', () => {
    const text = "<configuration><system.webServer><aspNetCore processPath='dotnet'><handlerSettings></handlerSettings></aspNetCore></system.webServer></configuration>";
    assert.match(enabled(text), /<handlerSetting name='debugFile' value='\.\\logs\\aspnetcore-debug\.log' \/>/);
  });

  it('gives a reason for half-typed markup', () => {
    const open = config(['      <handlerSettings>', '        <handlerSetting name="stackSize" value="1"']).replace('    </aspNetCore>\n', '');
    assert.match(reasonOf(enableDebugLog(parseWebConfig(open), 'INFO', undefined)), /not closed/);
    const halfTyped = config(['      <handlerSettings>', '        <handlerSetting name="debugLevel" value="FILE', '          />', '      </handlerSettings>']);
    assert.match(reasonOf(enableDebugLog(parseWebConfig(halfTyped), 'INFO', undefined)), /value attribute .* not complete/);
    assert.match(reasonOf(enableDebugLog(parseWebConfig('<configuration />'), 'INFO', undefined)), /no <aspNetCore> section/);
  });
});

describe('disable debug log', () => {
  it('removes the two entries and keeps the other settings', () => {
    assert.equal(disabled(FIXTURE), FIXTURE.replace(/ *<handlerSetting name="debug(File|Level)".*\n/g, ''));
  });

  it('removes a <handlerSettings> left empty', () => {
    const text = config(['      <handlerSettings>', ...DEBUG_ENTRIES.map((entry) => entry.replace('debugLevel', 'DebugLevel')), '      </handlerSettings>', '      <environmentVariables />']);
    assert.equal(disabled(text), config(['      <environmentVariables />']));
  });

  it('keeps a <handlerSettings> that still holds a <clear/> or a comment', () => {
    for (const kept of ['        <clear />', '        <!-- debug settings -->']) {
      const text = config(['      <handlerSettings>', kept, ...DEBUG_ENTRIES, '      </handlerSettings>']);
      assert.equal(disabled(text), config(['      <handlerSettings>', kept, '      </handlerSettings>']), kept);
    }
  });

  it('makes no edit when there is no debug log setting', () => {
    assert.deepEqual(disableDebugLog(parseWebConfig(config(['      <handlerSettings />'])), undefined), { edits: [] });
  });

  it('gives a reason when an entry is not closed', () => {
    const text = config(['      <handlerSettings>', '        <handlerSetting name="debugLevel" value="FILE,TRACE">', '      </handlerSettings>']);
    assert.match(reasonOf(disableDebugLog(parseWebConfig(text), undefined)), /<handlerSetting> element is not closed/);
  });
});
