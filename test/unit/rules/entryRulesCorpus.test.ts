// Every entry rule over the real web.config corpus: no rule throws, ranges stay inside the text, and no file IIS
// accepts gets an error. No `yes` file has an entry-level problem its manifest note describes, so there are no
// exceptions; a new one must cite the note that explains it.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ENTRY_RULES } from '../../../server/src/service/rules/entryRules';
import { doValidation } from '../../../server/src/service/validation';
import { parseWebConfig } from '../../../server/src/service/webConfig';

const CORPUS = '/work/shared/corpus/webconfig';

interface ManifestRow {
  readonly file: string;
  readonly iisAccepts: string;
}

function readManifest(): ManifestRow[] {
  const [header, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { file: cells[columns.indexOf('file')], iisAccepts: cells[columns.indexOf('iis_accepts')] };
  });
}

describe('entry rules over the web.config corpus', { skip: existsSync(join(CORPUS, 'MANIFEST.tsv')) ? false : 'corpus not present' }, () => {
  it('never throws and reports no unexplained error on a file IIS accepts', () => {
    const manifest = readManifest();
    assert.ok(manifest.length > 0);
    for (const { file, iisAccepts } of manifest) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const { issues, failures } = doValidation(parseWebConfig(text), {}, ENTRY_RULES);
      assert.deepEqual(failures, [], `${file}: a rule threw`);
      for (const issue of issues) {
        assert.ok(issue.start >= 0 && issue.start <= issue.end && issue.end <= text.length, `${file}: ${issue.rule} range outside the text`);
      }
      if (iisAccepts !== 'yes') continue;
      const errors = issues.filter((issue) => issue.severity === 'error');
      assert.deepEqual(errors.map((issue) => `${issue.rule}: ${issue.message}`), [], file);
    }
  });
});
