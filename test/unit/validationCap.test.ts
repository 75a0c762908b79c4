import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ISSUES_PER_FILE, TOO_MANY_PROBLEMS, doValidation } from '../../server/src/service/validation';
import { parseWebConfig } from '../../server/src/service/webConfig';
import { publishedConfig } from './cursor';

/** `count` environment variables all named X (each but the last one a duplicate-entry warning), then an unknown attribute (an error). */
function manyProblems(count: number): string {
  const entries = Array.from({ length: count }, (_, index) => `<environmentVariable name="X" value="${index}" />`).join('\n        ');
  return publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\App.dll">\n      <environmentVariables>\n        ${entries}\n      </environmentVariables>\n      <bogus x="1" />\n    </aspNetCore>`);
}

describe('diagnostics cap', () => {
  it(`reports at most ${MAX_ISSUES_PER_FILE} issues per file, the last one saying how many more there are`, () => {
    const text = manyProblems(3000);
    const { issues, failures } = doValidation(parseWebConfig(text));
    assert.deepEqual(failures, []);
    assert.equal(issues.length, MAX_ISSUES_PER_FILE);
    const last = issues.at(-1)!;
    assert.equal(last.rule, TOO_MANY_PROBLEMS);
    // 2,999 duplicates and the unknown element, 999 of them shown.
    const total = 2999 + 1;
    assert.match(last.message, new RegExp(`^${total - (MAX_ISSUES_PER_FILE - 1)} more problems not shown`));
    assert.equal(issues.filter((issue) => issue.rule === TOO_MANY_PROBLEMS).length, 1);
    // The one error outranks the warnings: it is kept though it comes last in the file.
    assert.ok(issues.some((issue) => issue.rule === 'unknown-element' && issue.severity === 'error'));
    // The shown issues are in document order; the summary marks the first problem left out.
    const shown = issues.slice(0, -1);
    for (let index = 1; index < shown.length; index++) assert.ok(shown[index - 1].start <= shown[index].start);
    const firstHidden = text.indexOf('"X"', shown.filter((issue) => issue.rule === 'duplicate-entry').at(-1)!.end) + 1;
    assert.equal(last.start, firstHidden);
    assert.equal(last.severity, 'warning');
  });

  it('reports every issue up to the cap, with no summary', () => {
    const { issues } = doValidation(parseWebConfig(manyProblems(MAX_ISSUES_PER_FILE)));
    assert.equal(issues.length, MAX_ISSUES_PER_FILE);
    assert.ok(issues.every((issue) => issue.rule !== TOO_MANY_PROBLEMS));
  });

  it('takes the cap from the settings', () => {
    const { issues } = doValidation(parseWebConfig(manyProblems(50)), { maxIssues: 10 });
    assert.equal(issues.length, 10);
    assert.equal(issues.at(-1)!.rule, TOO_MANY_PROBLEMS);
    assert.match(issues.at(-1)!.message, /^41 more problems not shown: at most 10/);
    assert.deepEqual(doValidation(parseWebConfig(manyProblems(50)), { maxIssues: 0 }).issues, []);
  });

  it('checks 100,000 problem entries without holding them all', () => {
    const text = manyProblems(100_000);
    const started = performance.now();
    const { issues } = doValidation(parseWebConfig(text));
    const elapsed = performance.now() - started;
    assert.equal(issues.length, MAX_ISSUES_PER_FILE);
    assert.match(issues.at(-1)!.message, /^99001 more problems not shown/);
    assert.ok(elapsed < 15_000, `took ${elapsed.toFixed(0)} ms`);
  });
});
