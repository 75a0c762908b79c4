import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { formatStdoutLogName, parseStdoutLogName } from '../../server/src/ancm/logNames';
import { expandVariables, resolveSitePath } from '../../server/src/ancm/siteLogs';
import { locateSiteLogs as locateInService } from '../../server/src/service/siteLogs';
import { parseWebConfig } from '../../server/src/service/webConfig';
import { listStdoutLogs } from '../../server/src/logs/stdoutFiles';
import { publishedConfig } from './cursor';

const locateSiteLogs = (webConfig: string, text: string, env: NodeJS.ProcessEnv) => locateInService(webConfig, parseWebConfig(text), env);

describe('stdout log names', () => {
  it('reads V2 names: prefix, UTC start time, worker pid', () => {
    const name = parseStdoutLogName('stdout_20180205194132_1934.log');
    assert.equal(name?.prefix, 'stdout');
    assert.equal(name?.pid, 1934);
    assert.equal(name?.moduleVersion, 2);
    assert.equal(name?.startTime?.toISOString(), '2018-02-05T19:41:32.000Z');
    assert.equal(parseStdoutLogName('stdout.txt_20240101000000_7.log')?.prefix, 'stdout.txt');
  });

  it('reads V1 names (pid first, unpadded time) when only one reading is a valid time', () => {
    const name = parseStdoutLogName('stdout_408_201662915587.log');
    assert.equal(name?.moduleVersion, 1);
    assert.equal(name?.pid, 408);
    assert.equal(name?.startTime?.toISOString(), '2016-06-29T15:58:07.000Z');
    const ambiguous = parseStdoutLogName('stdout_12_2016111111111.log');
    assert.equal(ambiguous?.startTime, undefined);
  });

  it('round-trips the V2 format and rejects other names', () => {
    const time = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    assert.equal(formatStdoutLogName('stdout', time, 42), 'stdout_20240102030405_42.log');
    assert.equal(parseStdoutLogName('stdout_20241302030405_42.log'), undefined, 'month 13');
    assert.equal(parseStdoutLogName('stdout.log'), undefined);
  });
});

describe('locating a site\'s logs from web.config', () => {
  const webConfig = '/srv/sites/contoso/web.config';

  it('uses the default prefix .\\aspnetcore-stdout in the site root', () => {
    const logs = locateSiteLogs(webConfig, publishedConfig('<aspNetCore processPath="dotnet" />'), {});
    assert.equal(logs.stdoutFolder, '/srv/sites/contoso');
    assert.equal(logs.stdoutPrefix, 'aspnetcore-stdout');
    assert.equal(logs.stdoutEnabled, false);
    assert.equal(logs.debugLog, undefined);
  });

  it('reads stdoutLogFile with backslashes, %VAR% and the \\\\?\\ prefix', () => {
    const logs = locateSiteLogs(webConfig, publishedConfig('<aspNetCore processPath="dotnet" stdoutLogEnabled="True" stdoutLogFile="\\\\?\\%home%\\LogFiles\\stdout" />'), { HOME: '/home/site' });
    assert.equal(logs.stdoutFolder, '/home/site/LogFiles');
    assert.equal(logs.stdoutPrefix, 'stdout');
    assert.equal(logs.stdoutEnabled, true);
    const relative = locateSiteLogs(webConfig, publishedConfig('<aspNetCore processPath="dotnet" stdoutLogFile=".\\logs\\stdout" />'), {});
    assert.equal(relative.stdoutFolder, '/srv/sites/contoso/logs');
  });

  it('finds the debug log: debugFile relative to the site root, else aspnetcore-debug.log when FILE is on', () => {
    const withFile = publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="DebugFile" value=".\\logs\\ancm.log" /><handlerSetting name="debugLevel" value="FILE,TRACE" /></handlerSettings></aspNetCore>');
    const located = locateSiteLogs(webConfig, withFile, {});
    assert.equal(located.debugLog, '/srv/sites/contoso/logs/ancm.log');
    assert.equal(located.debugLevel, 'FILE,TRACE');
    const defaultFile = publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="file" /></handlerSettings></aspNetCore>');
    assert.equal(locateSiteLogs(webConfig, defaultFile, {}).debugLog, '/srv/sites/contoso/aspnetcore-debug.log');
    const eventLogOnly = publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="EVENTLOG,ERROR" /></handlerSettings></aspNetCore>');
    assert.equal(locateSiteLogs(webConfig, eventLogOnly, {}).debugLog, undefined);
  });

  it('reads the handler settings ANCM reads: after a <clear/>, and the first of two with one name', () => {
    const cleared = publishedConfig(`<aspNetCore processPath="dotnet"><handlerSettings>
          <handlerSetting name="debugFile" value=".\\old.log" />
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
          <clear />
          <handlerSetting name="debugFile" value=".\\logs\\ancm.log" />
          <handlerSetting name="DEBUGFILE" value=".\\second.log" />
          <handlerSetting name="debugLevel" value="FILE,WARNING" />
        </handlerSettings></aspNetCore>`);
    const located = locateSiteLogs(webConfig, cleared, {});
    assert.equal(located.debugLog, '/srv/sites/contoso/logs/ancm.log');
    assert.equal(located.debugLevel, 'FILE,WARNING');
    assert.equal(located.logLevel, 'WARNING');
    // Everything before the <clear/> is gone: no debugLevel left, so no debug log.
    const onlyBefore = publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="FILE" /><clear /></handlerSettings></aspNetCore>');
    assert.equal(locateSiteLogs(webConfig, onlyBefore, {}).debugLog, undefined);
  });

  it('expands variables case-insensitively and leaves unknown ones as written', () => {
    assert.equal(expandVariables('%Home%\\x\\%NOPE%', { HOME: '/h' }), '/h\\x\\%NOPE%');
    assert.equal(resolveSitePath('/site', 'D:\\home\\LogFiles\\stdout'), 'D:/home/LogFiles/stdout');
  });
});

describe('listing stdout log files', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ancm-stdout-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps ANCM-named files of the prefix (any case), oldest first, and waits on a missing folder', async () => {
    const write = (name: string, lastWrite: string) => {
      writeFileSync(path.join(folder, name), 'x');
      const seconds = Date.parse(lastWrite) / 1000;
      utimesSync(path.join(folder, name), seconds, seconds);
    };
    write('stdout_20240102000000_20.log', '2024-01-02T08:00:00Z');
    write('STDOUT_20240101000000_10.log', '2024-01-03T09:00:00Z');
    write('stdout_30_202411223344.log', '2024-01-02T12:00:00Z'); // V1 with an ambiguous time: placed by its last write
    write('stdout_20240103000000_30.log.bak', '2024-01-03T00:00:00Z');
    write('other_20240103000000_30.log', '2024-01-03T00:00:00Z');
    mkdirSync(path.join(folder, 'stdout_20240104000000_40.log'));
    const files = await listStdoutLogs(folder, 'stdout');
    assert.deepEqual(files.map((file) => path.basename(file.path)), ['STDOUT_20240101000000_10.log', 'stdout_20240102000000_20.log', 'stdout_30_202411223344.log']);
    assert.deepEqual(await listStdoutLogs(path.join(folder, 'missing'), 'stdout'), []);
  });
});
