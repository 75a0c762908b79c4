// Every message fits a Problems row: it leads with the problem, then the consequence and at most a short fix, and is
// never a paragraph (at most MAX_MESSAGE_LENGTH characters). Checked here for every rule over the fixture web.configs
// (and the shared corpus when present); ruleKit's check() applies the same assertion to every bad example the rule
// tests use.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../server/src/service/rules/registry';
import type { Issue } from '../../../server/src/service/types';
import { doValidation } from '../../../server/src/service/validation';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { MAX_MESSAGE_LENGTH, assertMessageShape } from './ruleKit';

const FIXTURES = join(__dirname, '../../fixtures/webconfig');
const CORPUS = '/work/shared/corpus/webconfig';

function issuesOf(text: string): Issue[] {
  const { issues, failures } = doValidation(parseWebConfig(text), {}, ALL_RULES);
  assert.deepEqual(failures, [], 'a rule threw');
  // The runner's own "N more problems not shown" line is not a rule's message.
  return issues.filter((issue) => ALL_RULES.some((rule) => rule.id === issue.rule));
}

function configFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((file) => /\.config$/i.test(file))
    .map((file) => join(folder, file));
}

describe('diagnostic message shape', () => {
  it(`keeps every message over the fixture web.configs within ${MAX_MESSAGE_LENGTH} characters, problem first`, () => {
    const files = configFiles(FIXTURES);
    assert.ok(files.length > 0);
    let count = 0;
    for (const file of files) {
      for (const issue of issuesOf(readFileSync(file, 'utf8'))) {
        assertMessageShape(issue);
        count++;
      }
    }
    assert.ok(count > 0, 'the fixtures produce no message to check');
  });

  it('keeps every message over the web.config corpus within the bound', { skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` }, () => {
    for (const file of configFiles(CORPUS)) {
      for (const issue of issuesOf(readFileSync(file, 'utf8'))) assertMessageShape(issue);
    }
  });

  it('catches a paragraph-long message', () => {
    const paragraph: Issue = { rule: 'example', severity: 'error', start: 0, end: 0, message: `processPath is empty: ${'and so on, '.repeat(25)}.` };
    assert.throws(() => assertMessageShape(paragraph), /characters/);
    const consequenceFirst: Issue = { rule: 'example', severity: 'error', start: 0, end: 0, message: 'IIS rejects the file with HTTP 500.19: x is wrong.' };
    assert.throws(() => assertMessageShape(consequenceFirst), /lead with the problem/);
  });
});
