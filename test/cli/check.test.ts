import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doValidation } from '../../server/src/service/validation';
import { parseWebConfig } from '../../server/src/service/webConfig';
import { publishedConfig } from '../unit/cursor';
import { copyFixtures, runBinary, runInProcess } from './cliKit';

const BROKEN = publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\app.dll" hostingModel="InProc" stdoutLogEnabled="yes" stdoutLogFile=".\\logs\\">
        <handlerSettings>
          <handlerSetting name="debugLevel" value="FILE, TRACE" />
          <handlerSetting name="stackSize" value="2097152" />
        </handlerSettings>
      </aspNetCore>`);

describe('ancm check', () => {
  let folder: string;
  before(() => {
    folder = copyFixtures('webconfig');
    mkdirSync(path.join(folder, 'broken'));
    writeFileSync(path.join(folder, 'broken', 'Web.config'), BROKEN);
    for (const skipped of ['node_modules', 'bin', 'obj', '.git']) {
      mkdirSync(path.join(folder, skipped, 'x'), { recursive: true });
      writeFileSync(path.join(folder, skipped, 'x', 'web.config'), BROKEN);
    }
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('finds web.config and web.*.config files in any case, skipping node_modules, bin, obj and .git', async () => {
    const run = await runInProcess(['check', '--format', 'json'], folder);
    const report = JSON.parse(run.stdout.join('\n')) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((file) => path.relative(folder, file.path)).sort(), ['broken/Web.config', 'web.Release.config']);
    const named = await runInProcess(['check', '--format', 'json', '*.config'], folder);
    assert.equal((JSON.parse(named.stdout.join('\n')) as { files: unknown[] }).files.length, 5, 'a glob picks any name');
  });

  it('prints file:line:col severity rule message and a summary, and exits 1 on errors', async () => {
    const run = await runInProcess(['check', 'broken'], folder);
    assert.equal(run.code, 1);
    const hostingModel = run.stdout.find((line) => line.includes('invalid-hosting-model'));
    const lineNumber = BROKEN.split('\n').findIndex((line) => line.includes('InProc')) + 1;
    assert.ok(hostingModel?.startsWith(`broken/Web.config:${lineNumber}:`), hostingModel);
    assert.match(hostingModel!, /^broken\/Web\.config:\d+:\d+ error invalid-hosting-model /);
    assert.match(run.stdout.at(-1)!, /^1 file checked: \d+ errors?, \d+ warnings?, \d+ information \(\d+ fixable with --fix\)$/);
  });

  it('reports the same findings as the language service, position for position', async () => {
    const run = await runInProcess(['check', '--format', 'json', 'broken/Web.config'], folder);
    const cli = (JSON.parse(run.stdout.join('\n')) as { files: { issues: { rule: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[] }).files[0].issues;
    const document = TextDocument.create('file:///x/web.config', 'xml', 1, BROKEN);
    const editor = doValidation(parseWebConfig(BROKEN)).issues.map((issue) => {
      const start = document.positionAt(issue.start);
      const end = document.positionAt(issue.end);
      return { rule: issue.rule, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, message: issue.message };
    });
    assert.deepEqual(cli.map(({ rule, line, column, endLine, endColumn, message }) => ({ rule, line, column, endLine, endColumn, message })), editor);
    assert.ok(editor.length >= 5);
  });

  it('writes SARIF 2.1.0 that validates against the schema, with rule metadata and help links', async () => {
    const run = await runInProcess(['check', '--format', 'sarif', 'broken'], folder);
    const log = JSON.parse(run.stdout.join('\n'));
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
    assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
    const [run0] = log.runs;
    assert.ok(run0.results.length >= 5);
    const result = run0.results.find((candidate: { ruleId: string }) => candidate.ruleId === 'invalid-hosting-model');
    assert.equal(result.level, 'error');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'invalid-hosting-model');
    assert.match(run0.tool.driver.rules[result.ruleIndex].helpUri, /^https:\/\/learn\.microsoft\.com\//);
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'broken/Web.config');
  });

  it('adds GitHub Actions annotations to text output when GITHUB_ACTIONS=true', async () => {
    const run = await runInProcess(['check', 'broken'], folder, { GITHUB_ACTIONS: 'true' });
    const annotation = run.stdout.find((line) => line.startsWith('::error '));
    assert.match(annotation ?? '', /^::error file=broken\/Web\.config,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=ancm\(invalid-hosting-model\)::/);
    const plain = await runInProcess(['check', 'broken'], folder);
    assert.equal(plain.stdout.some((line) => line.startsWith('::')), false);
  });

  it('--max-warnings and --rule change the outcome', async () => {
    const clean = await runInProcess(['check', 'outofprocess-debug.config'], folder);
    assert.equal(clean.code, 0);
    const noErrors = ['--rule', 'invalid-hosting-model=off', '--rule', 'invalid-boolean=warning', '--rule', 'xml-not-well-formed=error'];
    const allowed = await runInProcess(['check', 'broken', ...noErrors], folder);
    assert.equal(allowed.code, 0, allowed.stdout.join('\n'));
    assert.equal(allowed.stdout.some((line) => line.includes('invalid-hosting-model')), false);
    const tooMany = await runInProcess(['check', 'broken', ...noErrors, '--max-warnings', '0'], folder);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.stderr.join('\n'), /more than --max-warnings 0/);
  });

  it('exits 2 with a clear message on usage errors, missing paths and files that are not XML', async () => {
    assert.equal((await runInProcess(['check', '--format', 'xml'], folder)).code, 2);
    assert.equal((await runInProcess(['check', '--rule', 'no-such-rule=off'], folder)).code, 2);
    assert.equal((await runInProcess(['check', '--max-warnings', 'many'], folder)).code, 2);
    const missing = await runInProcess(['check', 'nowhere/web.config'], folder);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr.join('\n'), /nowhere\/web\.config: no such file or folder/);
    writeFileSync(path.join(folder, 'binary.config'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0]));
    const binary = await runInProcess(['check', 'binary.config'], folder);
    assert.equal(binary.code, 2);
    assert.match(binary.stderr.join('\n'), /binary\.config: not an XML file/);
    symlinkSync(path.join(folder, 'gone'), path.join(folder, 'dangling.config'));
    assert.equal((await runInProcess(['check', 'dangling.config'], folder)).code, 2);
  });

  it('the built binary returns the same exit codes', () => {
    assert.equal(runBinary(['check', 'outofprocess-debug.config'], folder).code, 0);
    assert.equal(runBinary(['check', 'broken'], folder).code, 1);
    assert.equal(runBinary(['check', 'nowhere'], folder).code, 2);
    assert.equal(runBinary(['bogus'], folder).code, 2);
  });
});

describe('ancm check --fix', () => {
  let folder: string;
  before(() => {
    folder = copyFixtures('webconfig');
    writeFileSync(path.join(folder, 'web.config'), BROKEN);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BROKEN.replace(/\n/g, '\r\n'), 'utf16le')]);
    writeFileSync(path.join(folder, 'web.Utf16.config'), utf16);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('applies the safe fixes, reports them, leaves nothing fixable and every other line byte-for-byte as it was', async () => {
    const before = readFileSync(path.join(folder, 'web.config'), 'utf8');
    const run = await runInProcess(['check', '--fix', 'web.config'], folder);
    assert.match(run.stdout.join('\n'), /web\.config: fixed \d+ problems/);
    const after = readFileSync(path.join(folder, 'web.config'), 'utf8');
    assert.notEqual(after, before);
    for (const expected of ['hostingModel="InProcess"', 'stdoutLogEnabled="true"', 'stdoutLogFile=".\\logs\\stdout"', 'value="FILE,TRACE"', 'value="0x200000"']) assert.ok(after.includes(expected), expected);
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    assert.equal(afterLines.length, beforeLines.length);
    const changed = beforeLines.flatMap((line, index) => (line === afterLines[index] ? [] : [index]));
    const fixedLines = beforeLines.flatMap((line, index) => (/InProc"|FILE, TRACE|2097152/.test(line) ? [index] : []));
    assert.deepEqual(changed, fixedLines, 'only the lines with fixable findings changed');
    const recheck = await runInProcess(['check', '--format', 'json', 'web.config'], folder);
    const issues = (JSON.parse(recheck.stdout.join('\n')) as { files: { issues: { fixable: boolean }[] }[] }).files[0].issues;
    assert.equal(issues.filter((issue) => issue.fixable).length, 0);
  });

  it('keeps a UTF-16 file UTF-16 with its BOM and CRLF', async () => {
    await runInProcess(['check', '--fix', 'web.Utf16.config'], folder);
    const bytes = readFileSync(path.join(folder, 'web.Utf16.config'));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const text = bytes.subarray(2).toString('utf16le');
    assert.ok(text.includes('hostingModel="InProcess"'));
    assert.equal(text.split('\r\n').length, BROKEN.split('\n').length);
  });

  it('leaves a clamp that would invert what was meant (shutdownTimeLimit="-1", startupTimeLimit="5000") and still reports it', async () => {
    const clamps = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\app.dll" shutdownTimeLimit="-1" startupTimeLimit="5000" hostingModel="InProc" />');
    writeFileSync(path.join(folder, 'web.Clamps.config'), clamps);
    await runInProcess(['check', '--fix', 'web.Clamps.config'], folder);
    const after = readFileSync(path.join(folder, 'web.Clamps.config'), 'utf8');
    assert.ok(after.includes('hostingModel="InProcess"'), 'the safe fix on the same line is applied');
    assert.ok(after.includes('shutdownTimeLimit="-1"') && after.includes('startupTimeLimit="5000"'), after);
    const recheck = await runInProcess(['check', '--format', 'json', 'web.Clamps.config'], folder);
    const issues = (JSON.parse(recheck.stdout.join('\n')) as { files: { issues: { rule: string }[] }[] }).files[0].issues;
    assert.deepEqual(issues.filter((issue) => issue.rule === 'invalid-number').length, 2);
  });

  it('refuses to rewrite a file that is not valid in its encoding', async () => {
    writeFileSync(path.join(folder, 'web.Bad.config'), Buffer.concat([Buffer.from(BROKEN), Buffer.from([0xc3, 0x28])]));
    const before = readFileSync(path.join(folder, 'web.Bad.config'));
    const run = await runInProcess(['check', '--fix', 'web.Bad.config'], folder);
    assert.match(run.stdout.join('\n'), /not fixed: not valid in its encoding/);
    assert.deepEqual(readFileSync(path.join(folder, 'web.Bad.config')), before);
  });
});
