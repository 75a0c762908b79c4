// Run by bench/editorBench.ts in a fresh node: fast-xml-parser's first parse of the file named on the command line,
// its code not yet compiled by the JIT, as the language server's code is when it opens its first file. Prints ms.
const { readFileSync } = require('node:fs');
const { XMLParser } = require('fast-xml-parser');

const text = readFileSync(process.argv[2], 'utf8');
const parser = new XMLParser({ ignoreAttributes: false });
const start = performance.now();
parser.parse(text);
process.stdout.write(String(performance.now() - start));
