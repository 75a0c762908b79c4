// All section rules over real web.config files (/work/shared/corpus/webconfig, described by its MANIFEST.tsv) and
// over every prefix of a rich file, as an editor sees it while typing. The corpus is optional: without the folder
// those tests are skipped.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SECTION_RULES } from '../../../server/src/service/rules/sectionRules';
import type { Issue } from '../../../server/src/service/types';
import { doValidation } from '../../../server/src/service/validation';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { publishedConfig } from '../cursor';

const CORPUS = '/work/shared/corpus/webconfig';
const corpusMissing = existsSync(join(CORPUS, 'MANIFEST.tsv')) ? false : `no corpus at ${CORPUS}`;

/**
 * Error-level findings on files IIS accepts, allowed only where the manifest note explains why the file is wrong:
 * file name -> the rule that reports it and the reason. None so far.
 */
const EXPECTED_ERRORS_ON_ACCEPTED_FILES: Readonly<Record<string, { readonly rule: string; readonly reason: string }>> = {};

interface ManifestRow {
  readonly file: string;
  readonly iisAccepts: string;
}

function readManifest(): ManifestRow[] {
  const [header, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const columns = header.split('\t');
  const fileColumn = columns.indexOf('file');
  const acceptsColumn = columns.indexOf('iis_accepts');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { file: cells[fileColumn], iisAccepts: cells[acceptsColumn] };
  });
}

function runSectionRules(text: string): Issue[] {
  const { issues, failures } = doValidation(parseWebConfig(text), {}, SECTION_RULES);
  assert.deepEqual(failures, [], 'a rule threw');
  for (const issue of issues) assert.ok(issue.start >= 0 && issue.start <= issue.end && issue.end <= text.length, `${issue.rule} range out of the document`);
  return issues;
}

describe('section rules over the web.config corpus', { skip: corpusMissing }, () => {
  it('raise no error on a file IIS accepts, except the listed ones', () => {
    const unexpected: string[] = [];
    for (const { file, iisAccepts } of readManifest()) {
      if (iisAccepts !== 'yes') continue;
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const expected = EXPECTED_ERRORS_ON_ACCEPTED_FILES[file];
      for (const issue of runSectionRules(text)) {
        if (issue.severity !== 'error' || issue.rule === expected?.rule) continue;
        unexpected.push(`${file}: ${issue.rule} at "${text.slice(issue.start, issue.end)}": ${issue.message}`);
      }
    }
    assert.deepEqual(unexpected, []);
  });

  it('run without throwing on every file, and still catch the fragment that has no processPath', () => {
    for (const { file } of readManifest()) runSectionRules(readFileSync(join(CORPUS, file), 'utf8'));
    const fragment = readManifest().find((row) => row.iisAccepts === 'fragment');
    assert.ok(fragment);
    const rules = runSectionRules(readFileSync(join(CORPUS, fragment.file), 'utf8')).map((issue) => issue.rule);
    assert.ok(rules.includes('missing-process-path'), fragment.file);
  });
});

describe('section rules while typing', () => {
  it('never throw and keep every range inside the document, at every prefix of a rich file', () => {
    const full = publishedConfig(
      [
        '<aspNetCore processPath="" stdoutLogFIle=".\\logs\\" hostingModel="in-process" requestTimeout="00:60:00"',
        '          startupTimeLimit="9999" stdoutLogEnabled="yes" processesPerApplication="2">',
        '        <environmentVariables><remove name="A" /><environmentVariable name="" /><clear foo="1" /></environmentVariables>',
        '        <handlerSettings><handlerSetting name="stackSize" value="0x200000" /><handlersetting name="x" value="" /></handlerSettings>',
        '        <recycleOnFileChange><file /></recycleOnFileChange>',
        '        <settings />',
        '      </aspNetCore>',
        '      <aspNetCore processPath="dotnet" hostingModel="InProcess" requestTimeout="00:10:00" stdoutLogFile="logs/" />',
        '      <handlerSettings />',
        '      <aspNetCore processPath=".\\App.dll" startupTimeLimit="0" stdoutLogEnabled="true" stdoutLogFile="" />',
        '      <aspNetCore processPath="run.cmd" hostingModel="inprocess" arguments=" x" />',
        '      <aspNetCore processPath="&quot;dotnet&quot;" arguments="a.dll" />',
        '      <aspNetCore processPath="dotnet" arguments=".\\App.exe" />',
        '      <aspNetCore processPath="dotnet" arguments="a.dll exec a.dll" />',
        '      <aspNetCore processPath="dotnet\u200b" arguments="a.dll" />',
      ].join('\n'),
    );
    for (let end = 0; end <= full.length; end++) runSectionRules(full.slice(0, end));
    const rules = new Set(runSectionRules(full).map((issue) => issue.rule));
    assert.deepEqual(SECTION_RULES.map((rule) => rule.id).filter((id) => !rules.has(id)), [], 'the sample should exercise every rule');
  });
});
