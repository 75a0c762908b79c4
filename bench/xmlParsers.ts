// The strict XML check's parser, chosen by measurement: the conformance table of
// test/unit/rules/xmlConformanceCases.ts run through each candidate (saxes, @xmldom/xmldom, txml, and
// fast-xml-parser's validator as before), then each one's time on a 1 MB web.config as a ratio to
// fast-xml-parser's `XMLValidator.validate` measured in the same run, alternating the order round by round.
// Also timed: our whole strict check (the mistake lexer plus saxes), which is what the rule runs.
//
// saxes and fast-xml-parser are dependencies. The other candidates are not: they are loaded when installed
// (`npm install --no-save @xmldom/xmldom txml`), or from the node_modules folder named by
// XML_PARSER_CANDIDATES, and left out of the table otherwise.
//
//   node --import tsx bench/xmlParsers.ts

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { isWellFormedXml } from '../server/src/service/languageService';
import { CONFORMANCE_CASES } from '../test/unit/rules/xmlConformanceCases';
import { largeWebConfig } from './fixtures';
import { batchSize, collectGarbage, summarize, timeBatch } from './stats';

/** A candidate's verdict: true when it accepts the text. */
type Accepts = (text: string) => boolean;

function loadOptional(name: string): unknown {
  const places = [join(__dirname, '..', 'package.json'), ...(process.env.XML_PARSER_CANDIDATES ? [join(process.env.XML_PARSER_CANDIDATES, '..', 'package.json')] : [])];
  for (const place of places) {
    try {
      return createRequire(place)(name);
    } catch {
      // not installed there
    }
  }
  return undefined;
}

function saxesAccepts(text: string): boolean {
  let accepted = true;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', () => {
    accepted = false;
  });
  parser.write(text).close();
  return accepted;
}

function candidates(): Map<string, Accepts> {
  const result = new Map<string, Accepts>([
    ['fast-xml-parser XMLValidator', (text) => XMLValidator.validate(text) === true],
    ['saxes (xmlns)', saxesAccepts],
  ]);
  const xmldom = loadOptional('@xmldom/xmldom') as { DOMParser: new (options: object) => { parseFromString(text: string, type: string): unknown } } | undefined;
  if (xmldom) {
    result.set('@xmldom/xmldom', (text) => {
      let accepted = true;
      const onError = (level: string) => {
        if (level !== 'warning') accepted = false;
      };
      try {
        new xmldom.DOMParser({ onError }).parseFromString(text, 'text/xml');
      } catch {
        accepted = false;
      }
      return accepted;
    });
  }
  const txml = loadOptional('txml') as { parse(text: string): unknown } | undefined;
  if (txml) {
    result.set('txml', (text) => {
      try {
        txml.parse(text);
        return true;
      } catch {
        return false;
      }
    });
  }
  result.set('ancm strict check (lexer + saxes)', isWellFormedXml);
  return result;
}

function conformance(parsers: Map<string, Accepts>): void {
  const names = [...parsers.keys()];
  console.log(`| case | XML 1.0 | ${names.join(' | ')} |`);
  console.log(`|---|---|${names.map(() => '---').join('|')}|`);
  const right = new Map(names.map((name) => [name, 0]));
  for (const testCase of CONFORMANCE_CASES) {
    const cells = names.map((name) => {
      const accepts = parsers.get(name)!(testCase.text);
      if (accepts === testCase.wellFormed) right.set(name, right.get(name)! + 1);
      return accepts === testCase.wellFormed ? (accepts ? 'accepts' : 'rejects') : (accepts ? '**accepts**' : '**rejects**');
    });
    console.log(`| ${testCase.name} | ${testCase.wellFormed ? 'well-formed' : 'not'} | ${cells.join(' | ')} |`);
  }
  console.log(`| **right** | ${CONFORMANCE_CASES.length} | ${names.map((name) => right.get(name)).join(' | ')} |`);
}

function speed(parsers: Map<string, Accepts>): void {
  const { text } = largeWebConfig(1024 * 1024);
  const names = [...parsers.keys()];
  for (const name of names) if (!parsers.get(name)!(text)) console.log(`note: ${name} rejects the 1 MB file`);
  const runs = names.map((name) => () => parsers.get(name)!(text));
  const batches = runs.map((run) => batchSize(run, 200));
  const samples: number[][] = names.map(() => []);
  collectGarbage();
  const rounds = 9;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? runs.map((_, index) => index) : runs.map((_, index) => runs.length - 1 - index);
    for (const which of order) samples[which].push(timeBatch(runs[which], batches[which]));
  }
  const baseline = summarize(samples[0]).median;
  console.log(`\n${(text.length / 1024 / 1024).toFixed(2)} MB web.config, median of ${rounds} rounds:`);
  names.forEach((name, index) => {
    const median = summarize(samples[index]).median;
    console.log(`  ${name.padEnd(36)} ${median.toFixed(1).padStart(7)} ms  ${(median / baseline).toFixed(2)}x fast-xml-parser validate`);
  });
}

const parsers = candidates();
conformance(parsers);
speed(parsers);
