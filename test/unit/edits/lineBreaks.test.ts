// Edits that insert or remove lines keep the file's own line break: LF, CRLF, or a lone CR (classic Mac OS
// files, which XML reads as line breaks too and `ancm check --fix` edits as they are on disk). Each case is
// written with LF and run in all three, expecting the same result with the same line breaks.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enableDebugLog } from '../../../server/src/service/edits/debugLogEdit';
import { setStdoutLogging } from '../../../server/src/service/edits/stdoutLoggingEdit';
import { lineBreakOf } from '../../../server/src/service/xmlEdit/layout';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { publishedConfig } from '../cursor';
import { setting, variable, withEnvironmentVariables, withHandlerSettings } from '../rules/entryFixtures';
import { applyAndRecheck, check } from '../rules/ruleKit';
import { applyResult } from './editKit';

const BREAKS = [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const;
const HANDLER_LINE = '<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />';

function withBreak(text: string, lineBreak: string): string {
  return text.replace(/\n/g, lineBreak);
}

/** Runs the case in every line-break style: `edit` gets the converted input, and must give the converted output. */
function inEveryStyle(input: string, expected: string, edit: (text: string) => string): void {
  for (const [name, lineBreak] of BREAKS) {
    assert.equal(JSON.stringify(edit(withBreak(input, lineBreak))), JSON.stringify(withBreak(expected, lineBreak)), name);
  }
}

describe('line breaks of inserted lines', () => {
  it('lineBreakOf names the break the file uses most, LF for a single line', () => {
    assert.equal(lineBreakOf('<a>\n<b/>\n</a>'), '\n');
    assert.equal(lineBreakOf('<a>\r\n<b/>\r\n</a>'), '\r\n');
    assert.equal(lineBreakOf('<a>\r<b/>\r</a>'), '\r');
    assert.equal(lineBreakOf('<a>\r<b/>\r</a>\n'), '\r');
    assert.equal(lineBreakOf('<a>\r\n<b/>\r</a>\r\n'), '\r\n');
    assert.equal(lineBreakOf('<a/>'), '\n');
  });

  it('enable debug log opens a self-closing section with the file\'s line breaks and indentation', () => {
    const input = publishedConfig('<aspNetCore processPath="dotnet" />');
    const expected = publishedConfig([
      '<aspNetCore processPath="dotnet">',
      '        <handlerSettings>',
      '          <handlerSetting name="debugFile" value=".\\logs\\aspnetcore-debug.log" />',
      '          <handlerSetting name="debugLevel" value="FILE,TRACE" />',
      '        </handlerSettings>',
      '      </aspNetCore>',
    ].join('\n'));
    inEveryStyle(input, expected, (text) => applyResult(text, enableDebugLog(parseWebConfig(text), 'TRACE', undefined)));
  });

  it('enable debug log fills an empty collection and appends after the last entry', () => {
    const empty = withHandlerSettings([]);
    const filled = withHandlerSettings([setting('debugFile', '.\\logs\\aspnetcore-debug.log'), setting('debugLevel', 'FILE,TRACE')]);
    inEveryStyle(empty, filled, (text) => applyResult(text, enableDebugLog(parseWebConfig(text), 'TRACE', undefined)));
    const one = withHandlerSettings([setting('stackSize', '0x200000')]);
    const three = withHandlerSettings([setting('stackSize', '0x200000'), setting('debugFile', '.\\logs\\aspnetcore-debug.log'), setting('debugLevel', 'FILE,TRACE')]);
    inEveryStyle(one, three, (text) => applyResult(text, enableDebugLog(parseWebConfig(text), 'TRACE', undefined)));
  });

  it('a new attribute in a one-attribute-per-line tag goes on its own line', () => {
    const input = publishedConfig('<aspNetCore processPath="dotnet"\n                  stdoutLogEnabled="false" />');
    const expected = publishedConfig('<aspNetCore processPath="dotnet"\n                  stdoutLogEnabled="true"\n                  stdoutLogFile=".\\logs\\stdout" />');
    inEveryStyle(input, expected, (text) => applyResult(text, setStdoutLogging(parseWebConfig(text), true, undefined)));
  });

  it('quick fixes: the handler line into <handlers>, and a new <handlers>', () => {
    const section = '<aspNetCore processPath="dotnet" arguments=".\\App.dll" />';
    const emptyHandlers = publishedConfig(section).replace(/ {8}<add [^\n]*\n/, '');
    inEveryStyle(emptyHandlers, publishedConfig(section), (text) => applyAndRecheck('missing-handler', text, check('missing-handler', text)[0]));
    const noHandlers = publishedConfig(section).replace(/ {6}<handlers>[\s\S]*<\/handlers>\n/, '');
    inEveryStyle(noHandlers, publishedConfig(section), (text) => applyAndRecheck('missing-handler', text, check('missing-handler', text)[0], 'Add <handlers> with the aspNetCore handler line'));
  });

  it('quick fixes: debugLevel after debugFile, and <clear/> moved to the start', () => {
    const debugFile = withHandlerSettings([setting('debugFile', 'a.log')]);
    inEveryStyle(debugFile, withHandlerSettings([setting('debugFile', 'a.log'), setting('debugLevel', 'FILE,TRACE')]),
      (text) => applyAndRecheck('debug-file-without-level', text, check('debug-file-without-level', text)[0]));
    const cleared = withEnvironmentVariables([variable('A', '1'), '<clear />', variable('B', '2')]);
    inEveryStyle(cleared, withEnvironmentVariables(['<clear />', variable('A', '1'), variable('B', '2')]), (text) => {
      const issue = check('cleared-entries', text).find((candidate) => candidate.fixes?.some((fix) => fix.title.startsWith('Move')));
      assert.ok(issue);
      return applyAndRecheck('cleared-entries', text, issue, issue.fixes!.find((fix) => fix.title.startsWith('Move'))!.title);
    });
  });

  it('removing a line takes its line break with it, and a message counts lines by any break', () => {
    const section = '<aspNetCore processPath="dotnet" arguments=".\\App.dll" />';
    const twice = publishedConfig(section).replace(HANDLER_LINE, `${HANDLER_LINE}\n        ${HANDLER_LINE}`);
    inEveryStyle(twice, publishedConfig(section), (text) => {
      const [issue] = check('duplicate-handler', text);
      assert.match(issue.message, /already added on line 6\b/);
      return applyAndRecheck('duplicate-handler', text, issue);
    });
  });
});
