// `ancm check <publish-folder>`: a folder given that is a publish output gets the publish checks besides web.config's
// diagnostics, reported on its web.config at the attribute each finding belongs to, in every format, with the usual
// exit codes. The folders are written by the tests (test/unit/publish/publishFixtures.ts): no .NET SDK, no IIS.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PUBLISH_CHECKS } from '../../server/src/publish/publishChecks';
import { publishedConfig } from '../unit/cursor';
import { MACHINE, bundleMarker, buildPe, frameworkDependentApp, makeFolder, PE, type TempFolder, writeFolder } from '../unit/publish/publishFixtures';
import { type CliRun, FIXTURES, runBinary, runInProcess, runWithInput } from './cliKit';

/** A published web.config with the problems the publish checks find: Development, startupTimeLimit="3600". */
const DEV_LEFTOVERS = publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" startupTimeLimit="3600">
        <environmentVariables>
          <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Development" />
        </environmentVariables>
      </aspNetCore>`);

/** As `dotnet publish` writes it: nothing for either kind of check. */
const CLEAN = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');

/** processPath names an .exe whose dll is gone. */
const EXE_START = publishedConfig('<aspNetCore processPath=".\\App.exe" arguments="" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');

const LIST_RUNTIMES = [
  'Microsoft.AspNetCore.App 6.0.25 [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  'Microsoft.NETCore.App 6.0.25 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]',
  'Microsoft.AspNetCore.App 8.0.11 [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  'Microsoft.NETCore.App 8.0.11 [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App]',
].join('\r\n');

const FOUND_BLOCK = `You must install or update .NET to run this application.

App: C:\\inetpub\\site\\App.dll
Architecture: x64
Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)
.NET location: C:\\Program Files\\dotnet\\

The following frameworks were found:
  8.0.11 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]
`;

const GOLDEN = path.join(FIXTURES, 'publish', 'dev-leftovers.sarif.json');

/** 1-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

interface SarifLog {
  runs: { tool: { driver: { version: string; rules: { id: string }[] } }; originalUriBaseIds: { SRCROOT: { uri: string } }; results: { ruleId: string; ruleIndex?: number }[] }[];
}

/**
 * SARIF with what depends on the machine or on other rules taken out: the folder's URI, the web.config rules' metadata
 * (the publish checks' are kept), and each ruleIndex (checked to point at the result's rule first).
 */
function normalizeSarif(log: SarifLog): SarifLog {
  const [run] = log.runs;
  for (const result of run.results) {
    assert.equal(run.tool.driver.rules[result.ruleIndex!].id, result.ruleId, 'ruleIndex points at the rule');
    delete result.ruleIndex;
  }
  run.tool.driver.rules = run.tool.driver.rules.filter((rule) => rule.id.startsWith('publish-'));
  run.originalUriBaseIds.SRCROOT.uri = 'file:///SRCROOT/';
  return log;
}

describe('ancm check <publish-folder>', () => {
  let leftovers: TempFolder;
  let clean: TempFolder;
  before(() => {
    // An x86 app with app_offline.htm and a deps.json asset missing, Development and startupTimeLimit="3600".
    leftovers = makeFolder(frameworkDependentApp({ 'web.config': DEV_LEFTOVERS, 'App.dll': PE.x86Dll(), 'app_offline.htm': 'Back soon', 'Newtonsoft.Json.dll': undefined }));
    writeFileSync(path.join(leftovers.root, 'runtimes.txt'), LIST_RUNTIMES);
    clean = makeFolder(frameworkDependentApp({ 'web.config': CLEAN }));
  });
  after(() => {
    leftovers.remove();
    clean.remove();
  });

  it('reports the publish checks on web.config, at the attribute each belongs to, and exits 1 on errors', async () => {
    const run = await runInProcess(['check', 'site'], leftovers.root);
    assert.equal(run.code, 1);
    const at = (rule: string) => run.stdout.find((line) => line.includes(` ${rule} `))?.split(' ')[0];
    assert.equal(at('publish-debug-startup-time-limit'), `site/web.config:${positionOf(DEV_LEFTOVERS, 'startupTimeLimit=')}`);
    assert.equal(at('publish-development-environment'), `site/web.config:${positionOf(DEV_LEFTOVERS, 'value="Development"')}`);
    for (const rule of ['publish-needs-32-bit-pool', 'publish-deps-asset-missing', 'publish-app-offline']) {
      assert.equal(at(rule), `site/web.config:${positionOf(DEV_LEFTOVERS, 'aspNetCore ')}`, rule);
    }
    assert.ok(run.stdout.includes(`site/web.config:${positionOf(DEV_LEFTOVERS, 'aspNetCore ')} error publish-deps-asset-missing A file App.deps.json lists is missing (Newtonsoft.Json.dll): the .NET host stops before the app starts.`), run.stdout.join('\n'));
    // The publish check says what the development-environment rule says, as an error: the rule's own line is left out.
    assert.ok(!run.stdout.some((line) => / development-environment /.test(line)), run.stdout.join('\n'));
    assert.equal(run.stdout.at(-1), '1 file checked: 2 errors, 2 warnings, 1 information');
  });

  it('writes the golden SARIF, valid against the schema, with the publish checks as rules', async () => {
    const run = await runInProcess(['check', '--format', 'sarif', 'site', '--rule', 'development-environment=off'], leftovers.root);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout.join('\n'));
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
    assert.equal(validate(log), true, JSON.stringify(validate.errors?.slice(0, 3)));
    const rules = (log as SarifLog).runs[0].tool.driver.rules.map((rule) => rule.id);
    assert.deepEqual(rules.filter((id) => id.startsWith('publish-')), PUBLISH_CHECKS.map((check) => check.id));
    const actual = normalizeSarif(log as SarifLog);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(path.dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('adds the findings to --format json and to GitHub annotations', async () => {
    const json = JSON.parse((await runInProcess(['check', '--format', 'json', 'site'], leftovers.root)).stdout.join('\n')) as { files: { path: string; issues: { rule: string; line: number; fixable: boolean }[] }[]; totals: { error: number } };
    assert.equal(json.files.length, 1);
    const offline = json.files[0].issues.find((issue) => issue.rule === 'publish-app-offline');
    assert.deepEqual(offline && { line: offline.line, fixable: offline.fixable }, { line: Number(positionOf(DEV_LEFTOVERS, 'aspNetCore ').split(':')[0]), fixable: false });
    assert.equal(json.totals.error, 2);
    const annotated = await runInProcess(['check', 'site'], leftovers.root, { GITHUB_ACTIONS: 'true' });
    const annotation = annotated.stdout.find((line) => line.includes('ancm(publish-app-offline)'));
    assert.match(annotation ?? '', /^::warning file=site\/web\.config,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=ancm\(publish-app-offline\)::app_offline\.htm is in the folder/);
  });

  it('--runtimes FILE runs the runtime match; --app-pool-32bit sets the architecture and the bitness check', async () => {
    const without = await runInProcess(['check', 'site'], leftovers.root);
    assert.ok(!without.stdout.some((line) => line.includes('publish-runtime-not-found')));
    const x64 = await runInProcess(['check', 'site', '--runtimes', 'runtimes.txt', '--app-pool-32bit', 'false'], leftovers.root);
    assert.equal(x64.code, 1);
    assert.ok(x64.stdout.some((line) => / error publish-runtime-not-found Microsoft\.AspNetCore\.App: needs the \.NET 8 Hosting Bundle, 8\.0\.0 or later \(x64\); installed for x64: 6\.0\.25; installed for x86: 8\.0\.11$/.test(line)), x64.stdout.join('\n'));
    assert.ok(x64.stdout.some((line) => / error publish-bitness-mismatch App\.dll is x86/.test(line)));
    // A 32-bit pool: the x86 runtimes are there, and the bitness matches.
    const x86 = await runInProcess(['check', 'site', '--runtimes', 'runtimes.txt', '--app-pool-32bit', 'true'], leftovers.root);
    assert.ok(!x86.stdout.some((line) => /publish-runtime-not-found|publish-bitness-mismatch|publish-needs-32-bit-pool/.test(line)), x86.stdout.join('\n'));
  });

  it('--runtimes - reads the inventory from standard input (a hostfxr "frameworks were found" block)', async () => {
    const listed = await runWithInput(['check', clean.site, '--runtimes', '-'], LIST_RUNTIMES.replace(/ \(x86\)/g, ''), clean.root);
    assert.equal(listed.code, 0, listed.stdout.join('\n'));
    assert.equal(listed.stdout.at(-1), '1 file checked: no problems');
    // The block lists Microsoft.AspNetCore.App only: it resolves, and the Microsoft.NETCore.App it needs is not known.
    const found = await runWithInput(['check', 'site', '--runtimes', '-'], FOUND_BLOCK, clean.root);
    assert.equal(found.code, 1);
    assert.deepEqual(found.stdout.filter((line) => line.includes('publish-runtime-not-found')).map((line) => line.split(' ').slice(2, 4).join(' ')), ['publish-runtime-not-found Microsoft.NETCore.App:']);
    const old = await runWithInput(['check', 'site', '--runtimes', '-'], 'Microsoft.AspNetCore.App 6.0.25\nMicrosoft.NETCore.App 6.0.25\n', clean.root);
    assert.equal(old.code, 1);
    assert.ok(old.stdout.some((line) => line.startsWith(`site/web.config:${positionOf(CLEAN, 'aspNetCore ')} error publish-runtime-not-found Microsoft.AspNetCore.App: needs the .NET 8 Hosting Bundle`)), old.stdout.join('\n'));
  });

  it('exit codes: 0 for a clean folder, 1 for errors or too many warnings, 2 for a bad --runtimes or --app-pool-32bit', async () => {
    assert.equal((await runInProcess(['check', 'site'], clean.root)).code, 0);
    const warningsOnly = makeFolder(frameworkDependentApp({ 'web.config': CLEAN, 'app_offline.htm': '' }));
    try {
      assert.equal((await runInProcess(['check', 'site'], warningsOnly.root)).code, 0);
      assert.equal((await runInProcess(['check', 'site', '--max-warnings', '0'], warningsOnly.root)).code, 1);
      assert.equal((await runInProcess(['check', 'site', '--max-warnings', '0', '--rule', 'publish-app-offline=off'], warningsOnly.root)).code, 0);
    } finally {
      warningsOnly.remove();
    }
    const missing = await runInProcess(['check', 'site', '--runtimes', 'nope.txt'], clean.root);
    assert.deepEqual([missing.code, missing.stderr], [2, ['--runtimes nope.txt: no such file']]);
    writeFileSync(path.join(clean.root, 'empty.txt'), 'nothing to see\n');
    const empty = await runInProcess(['check', 'site', '--runtimes', 'empty.txt'], clean.root);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr[0], /^--runtimes empty\.txt: no runtimes found in it/);
    const bitness = await runInProcess(['check', 'site', '--app-pool-32bit', 'maybe'], clean.root);
    assert.equal(bitness.code, 2);
    assert.match(bitness.stderr[0], /--app-pool-32bit takes true or false/);
    assert.equal((await runInProcess(['check', 'site', '--rule', 'publish-nothing=off'], clean.root)).code, 2);
  });

  it('the built binary gives the same exit codes and output', () => {
    const failing = runBinary(['check', 'site', '--runtimes', 'runtimes.txt', '--app-pool-32bit', 'false'], leftovers.root);
    assert.equal(failing.code, 1, failing.stderr.join('\n'));
    assert.ok(failing.stdout.some((line) => line.includes(' publish-runtime-not-found ')));
    assert.equal(runBinary(['check', 'site'], clean.root).code, 0);
    assert.equal(runBinary(['check', 'site', '--runtimes', 'nope.txt'], clean.root).code, 2);
    assert.match(runBinary(['check', '--help'], clean.root).stdout.join('\n'), /--runtimes FILE\|-/);
  });

  it('checks a folder as a publish output when web.config has a runtimeconfig.json, a deps.json or the app it starts beside it, as the editor does', async () => {
    const folder = makeFolder({ 'web.config': DEV_LEFTOVERS, 'app_offline.htm': '' });
    const publishRules = (run: CliRun) => (JSON.parse(run.stdout.join('\n')) as { files: { issues: { rule: string }[] }[] }).files[0].issues.map((issue) => issue.rule).filter((rule) => rule.startsWith('publish-'));
    try {
      // web.config alone (a project folder): its own diagnostics only.
      assert.deepEqual(publishRules(await runInProcess(['check', '--format', 'json', 'site'], folder.root)), []);
      // The app web.config starts (arguments=".\App.dll") is there: a publish output, also without the JSON files.
      writeFolder(folder.site, { 'App.dll': PE.x86Dll() });
      assert.ok(publishRules(await runInProcess(['check', '--format', 'json', 'site'], folder.root)).includes('publish-app-offline'));
      // The web.config named as a file: its own diagnostics only, as before.
      writeFolder(folder.site, { 'App.deps.json': '{}' });
      assert.deepEqual(publishRules(await runInProcess(['check', '--format', 'json', 'site/web.config'], folder.root)), []);
      assert.ok(publishRules(await runInProcess(['check', '--format', 'json', 'site'], folder.root)).includes('publish-app-offline'));
    } finally {
      folder.remove();
    }
  });

  it('checks a single-file publish (no JSON files beside web.config, the app bundled in the .exe processPath names)', async () => {
    const bundle = buildPe({ machine: MACHINE.x64, pe32Plus: true, tail: Buffer.concat([Buffer.alloc(512), bundleMarker(0x4000), Buffer.alloc(2048, 1)]) });
    const folder = makeFolder({ 'web.config': EXE_START, 'App.exe': bundle });
    try {
      const run = await runInProcess(['check', 'site'], folder.root);
      assert.equal(run.code, 1);
      assert.ok(run.stdout.some((line) => line.includes(' publish-single-file-in-process ')), run.stdout.join('\n'));
    } finally {
      folder.remove();
    }
  });

  it('places a finding about the .exe processPath names on processPath', async () => {
    const folder = makeFolder(frameworkDependentApp({ 'web.config': EXE_START, 'App.dll': undefined }));
    try {
      const run = await runInProcess(['check', 'site'], folder.root);
      assert.equal(run.code, 1);
      const line = run.stdout.find((candidate) => candidate.includes(' publish-app-dll-missing '));
      assert.ok(line?.startsWith(`site/web.config:${positionOf(EXE_START, 'processPath=')} error publish-app-dll-missing App.dll is missing beside App.exe`), run.stdout.join('\n'));
    } finally {
      folder.remove();
    }
  });
});
