// xml-not-well-formed over the real web.config files (/work/shared/corpus/webconfig, described by its MANIFEST.tsv):
// no finding on a file IIS accepts, and at least one on each file whose manifest note says it is not well-formed.
// The corpus is optional: without the folder these tests are skipped.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isWellFormedXml } from '../../../server/src/service/parse/strictXml';
import { check } from './ruleKit';

const CORPUS = '/work/shared/corpus/webconfig';
const corpusMissing = existsSync(join(CORPUS, 'MANIFEST.tsv')) ? false : `no corpus at ${CORPUS}`;

interface ManifestRow {
  readonly file: string;
  readonly iisAccepts: string;
  readonly notes: string;
}

function readManifest(): ManifestRow[] {
  const [header, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { file: cells[columns.indexOf('file')], iisAccepts: cells[columns.indexOf('iis_accepts')], notes: cells[columns.indexOf('notes')] ?? '' };
  });
}

describe('xml-not-well-formed over the web.config corpus', { skip: corpusMissing }, () => {
  it('reports nothing on a file IIS accepts', () => {
    const unexpected: string[] = [];
    for (const { file, iisAccepts } of readManifest()) {
      if (iisAccepts !== 'yes') continue;
      const text = readFileSync(join(CORPUS, file), 'utf8');
      for (const issue of check('xml-not-well-formed', text)) unexpected.push(`${file} at "${text.slice(issue.start, issue.end)}": ${issue.message}`);
    }
    assert.deepEqual(unexpected, []);
  });

  it('reports each file the manifest marks as not well-formed, and only those', () => {
    for (const { file, notes } of readManifest()) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const notWellFormed = notes.includes('[NOT well-formed');
      assert.equal(isWellFormedXml(text), !notWellFormed, file);
      assert.equal(check('xml-not-well-formed', text).length > 0, notWellFormed, file);
    }
  });
});
