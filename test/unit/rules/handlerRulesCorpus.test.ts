// The rules about the handler line and the section's place, over the real web.config corpus
// (/work/shared/corpus/webconfig, described by MANIFEST.tsv): no rule throws, ranges stay inside the text, no file IIS
// accepts gets an error, and the one file IIS rejects for an unknown <system.webServer> child (025, <AppSettings>) is caught.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findRule } from '../../../server/src/service/rules/registry';
import type { Rule } from '../../../server/src/service/rules/types';
import { doValidation } from '../../../server/src/service/validation';
import { parseWebConfig } from '../../../server/src/service/webConfig';

const CORPUS = '/work/shared/corpus/webconfig';
const RULE_IDS = ['duplicate-handler', 'unknown-module', 'v1-module-not-installed', 'misplaced-aspnetcore-section', 'unknown-webserver-section'];
const RULES: Rule[] = RULE_IDS.map((id) => findRule(id)!);

function readManifest(): { file: string; iisAccepts: string }[] {
  const [header, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { file: cells[columns.indexOf('file')], iisAccepts: cells[columns.indexOf('iis_accepts')] };
  });
}

describe('handler-line and section-place rules over the web.config corpus', { skip: existsSync(join(CORPUS, 'MANIFEST.tsv')) ? false : 'corpus not present' }, () => {
  it('are all registered', () => assert.ok(RULES.every(Boolean)));

  it('never throw, keep ranges inside the text and raise no error on a file IIS accepts', () => {
    const unexpected: string[] = [];
    for (const { file, iisAccepts } of readManifest()) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const { issues, failures } = doValidation(parseWebConfig(text), {}, RULES);
      assert.deepEqual(failures, [], `${file}: a rule threw`);
      for (const issue of issues) {
        assert.ok(issue.start >= 0 && issue.start <= issue.end && issue.end <= text.length, `${file}: ${issue.rule} range outside the text`);
        if (iisAccepts === 'yes' && issue.severity === 'error') unexpected.push(`${file}: ${issue.rule}: ${issue.message}`);
      }
    }
    assert.deepEqual(unexpected, []);
  });

  it('catch the <AppSettings> under <system.webServer> that makes IIS reject 025.config', () => {
    const text = readFileSync(join(CORPUS, '025.config'), 'utf8');
    const issues = doValidation(parseWebConfig(text), {}, RULES).issues;
    assert.deepEqual(issues.map((issue) => [issue.rule, text.slice(issue.start, issue.end)]), [['unknown-webserver-section', 'AppSettings']]);
  });
});
