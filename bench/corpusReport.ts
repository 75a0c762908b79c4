// What every rule reports on the shared corpus of real web.config files (../shared/corpus/webconfig),
// grouped by whether IIS accepts the file (the manifest's iis_accepts column). Error-level findings on
// files IIS accepts are listed first: each must be explained by the manifest's note.
//   npm run corpus

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { doValidation, parseWebConfig } from '../server/src/service/languageService';

const CORPUS = path.join(__dirname, '..', '..', 'shared', 'corpus', 'webconfig');

if (!existsSync(CORPUS)) {
  console.log(`no corpus at ${CORPUS}`);
} else {
  const rows = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const totals = new Map<string, { files: number; error: number; warning: number; information: number; hint: number }>();
  for (const [file, , , , accepts] of rows) {
    const { issues } = doValidation(parseWebConfig(readFileSync(path.join(CORPUS, file), 'utf8')));
    const total = totals.get(accepts) ?? { files: 0, error: 0, warning: 0, information: 0, hint: 0 };
    total.files++;
    for (const issue of issues) total[issue.severity]++;
    totals.set(accepts, total);
    const summary = issues.map((issue) => `${issue.severity[0].toUpperCase()}:${issue.rule}`).join(' ');
    console.log(`${file}\t${accepts}\t${summary || '-'}`);
  }
  console.log('');
  for (const [accepts, total] of totals) console.log(`iis_accepts=${accepts}: ${total.files} files, ${total.error} errors, ${total.warning} warnings, ${total.information} information`);
}
