// Per-line wrappers from CI systems, test loggers and quoting, and the times entries carry.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_WRAPPER, readLineWrapper } from '../../server/src/logs/lineWrapper';
import { isoTime, usDateTime } from '../../server/src/logs/logTime';

function body(line: string): string {
  return line.slice(readLineWrapper(line).bodyStart);
}

describe('line wrappers', () => {
  it('strips every known wrapper and keeps what the wrapper says', () => {
    const azure = '2019-01-28T23:37:13.8286648Z    | [2.969s] Microsoft.AspNetCore.Server.IntegrationTesting.IIS.IISExpressDeployer Information: iisexpress stdout: [aspnetcorev2.dll] Binary type 6';
    assert.deepEqual(readLineWrapper(azure), { bodyStart: azure.indexOf('[aspnetcorev2.dll]'), time: '2019-01-28T23:37:13.828Z', level: 'INFO' });
    assert.equal(body('[1.571s] [HttpTestSite] [Warning] StatusCode: 500'), 'StatusCode: 500');
    assert.equal(readLineWrapper('[1.571s] [HttpTestSite] [Warning] StatusCode: 500').level, 'WARNING');
    assert.equal(body('[164.4s] [Logger] [Information] iisexpress stdout: [2024-09-26T13:02:34.231Z, PID: 6980] [aspnetcorev2.dll] Shutdown starting.'), '[2024-09-26T13:02:34.231Z, PID: 6980] [aspnetcorev2.dll] Shutdown starting.');
    assert.equal(body('> > [aspnetcorev2.dll] quoted twice'), '[aspnetcorev2.dll] quoted twice');
    assert.equal(body('>'), '');
  });

  it("never takes a log's own prefix for a wrapper", () => {
    for (const line of [
      '[aspnetcorev2.dll] Binary type 6',
      '[2024-11-23T03:46:26.012Z, PID: 64988] [aspnetcorev2.dll] Known dotnet.exe location',
      '2023-05-19 13:50:42.4020|INFO|Microsoft.Hosting.Lifetime|Application started.',
      '2021-07-28T19:23:44.076Z: info: Microsoft.Hosting.Lifetime[0]',
      '[14:44:46 WRN] No XML encryptor configured.',
      'info: Microsoft.Hosting.Lifetime[0]',
      'Microsoft.Hosting.Lifetime Information: not after an elapsed time',
      '',
    ]) {
      assert.equal(readLineWrapper(line), NO_WRAPPER, line);
    }
  });

  it('reads a cut wrapper as far as it goes', () => {
    assert.equal(body('[5.367s] Microsoft.AspNe'), 'Microsoft.AspNe');
  });
});

describe('log times', () => {
  it('keeps ISO times to the millisecond with their zone', () => {
    assert.equal(isoTime('2019-10-24T13:29:37.000000000Z'), '2019-10-24T13:29:37.000Z');
    assert.equal(isoTime('2023-05-19 13:50:42.4020'), '2023-05-19T13:50:42.402');
    assert.equal(isoTime('2024-01-01T12:00:00.5+02:00'), '2024-01-01T12:00:00.500+02:00');
    assert.equal(isoTime('2024-01-01T12:00:00'), '2024-01-01T12:00:00');
    assert.equal(isoTime('yesterday'), undefined);
  });

  it("reads the English Event Viewer's local times", () => {
    assert.equal(usDateTime('3/4/2020 2:31:54 AM'), '2020-03-04T02:31:54');
    assert.equal(usDateTime('4/5/2019 12:16:33 PM'), '2019-04-05T12:16:33');
    assert.equal(usDateTime('4/5/2019 12:16:33 AM'), '2019-04-05T00:16:33');
    assert.equal(usDateTime('4/5/2019 14:16:33'), '2019-04-05T14:16:33');
    assert.equal(usDateTime('13/5/2019 2:16:33 PM'), undefined);
    assert.equal(usDateTime('4/5/2019 13:16:33 PM'), undefined);
  });
});
