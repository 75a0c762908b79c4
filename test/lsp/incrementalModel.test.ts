// The server's model cache re-parses only around the edits (documentCache.ts, parse/incrementalXml.ts). Its
// models must equal a full parse of the same text: random edits, applied to a TextDocument the way the
// server applies a didChange, and after each one the cached model against parseWebConfig of the text.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DocumentModelCache } from '../../server/src/documentCache';
import { mergeEdit } from '../../server/src/service/parse/incrementalXml';
import type { XmlElement } from '../../server/src/service/parse/xmlDocument';
import { type WebConfigDocument, parseWebConfig } from '../../server/src/service/webConfig';
import { publishedConfig } from '../unit/cursor';
import { randomSource } from '../seededRandom';

const SECTION = [
  '<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="false" hostingModel="inprocess">',
  '        <environmentVariables>',
  '          <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
  '          <!-- staging: <environmentVariable name="X" value="1" /> -->',
  '        </environmentVariables>',
  '        <handlerSettings>',
  '          <handlerSetting name="debugLevel" value="FILE,TRACE" />',
  '        </handlerSettings>',
  '      </aspNetCore>',
  '      <rewrite><rules><rule name="a"><match url="^x$" /></rule><rule name="b" /></rules></rewrite>',
].join('\n');

/** What an editor inserts: mostly text that keeps the file well-formed, sometimes a half-typed construct. */
const INSERTS = [
  'a', 'Z', '1', ' ', '\n', '  ', ',', '.', 'TRACE', 'inprocess', '&amp;', '&#x20;',
  '<add name="n" />', '<clear />', '<!-- note -->', '<rule name="c"><match url="y" /></rule>', '<environmentVariable name="A" value="B" />',
  '<', '>', '"', "'", '/', '=', '</handlers>', '</rule>', '<!--', '-->', '&', '<![CDATA[x]]>', ']]>', '<?xml version="1.0"?>', 'x:y', '\r\n', '\u0001',
];

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function randomEdit(random: () => number, text: string): Edit {
  const at = Math.floor(random() * (text.length + 1));
  const roll = random();
  if (roll < 0.6) return { start: at, end: at, text: INSERTS[Math.floor(random() * INSERTS.length)] };
  const end = Math.min(text.length, at + 1 + Math.floor(random() * (roll < 0.9 ? 3 : 40)));
  return { start: at, end, text: roll < 0.8 ? '' : INSERTS[Math.floor(random() * INSERTS.length)] };
}

/** The model as plain data: offsets, names, values and shape, each element's parent by its start. */
function snapshot(model: WebConfigDocument): unknown {
  const element = (node: XmlElement): unknown => ({
    name: node.name,
    start: node.start,
    nameStart: node.nameStart,
    nameEnd: node.nameEnd,
    attributes: node.attributes.map(({ name, nameStart, nameEnd, equalsAt, value, valueStart, valueEnd, quote, valueClosed, end }) => ({ name, nameStart, nameEnd, equalsAt, value, valueStart, valueEnd, quote, valueClosed, end })),
    startTagEnd: node.startTagEnd,
    startTagLimit: node.startTagLimit,
    selfClosing: node.selfClosing,
    endTag: node.endTag && { ...node.endTag },
    end: node.end,
    parent: node.parent?.start,
    children: node.children.map(element),
  });
  return {
    text: model.text,
    roots: model.xml.roots.map(element),
    elements: model.xml.elements.map((node) => node.start),
    comments: model.xml.comments.map((comment) => ({ ...comment })),
    suspect: model.xml.suspect,
    sections: model.sections.map((node) => node.start),
    handlers: model.handlers.map((node) => node.start),
    isTransform: model.isTransform,
  };
}

/** `elements` must be the tree's elements in document order, the same objects. */
function assertElementsListTheTree(model: WebConfigDocument, where: string): void {
  const walked: XmlElement[] = [];
  const pending = [...model.xml.roots].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    walked.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]);
  }
  assert.equal(walked.length, model.xml.elements.length, where);
  walked.forEach((node, index) => assert.equal(node, model.xml.elements[index], where));
}

/** Applies the changes as the server's TextDocuments does, telling the cache of each one. */
function applyChanges(cache: DocumentModelCache, document: TextDocument, edits: readonly Edit[], version: number): TextDocument {
  let current = document;
  for (const edit of edits) {
    const change: TextDocumentContentChangeEvent = { range: { start: current.positionAt(edit.start), end: current.positionAt(edit.end) }, text: edit.text };
    cache.edited(current.uri, current.offsetAt(change.range.start), current.offsetAt(change.range.end), edit.text.length);
    current = TextDocument.update(current, [change], version);
  }
  return current;
}

test('models built from the previous one equal a full parse, over random edits', () => {
  let incremental = 0;
  let total = 0;
  for (let seed = 1; seed <= Number(process.env.INCREMENTAL_SEEDS ?? 40); seed++) {
    const random = randomSource(seed);
    const cache = new DocumentModelCache();
    let document = TextDocument.create(`file:///site${seed}/web.config`, 'xml', 1, publishedConfig(SECTION));
    cache.get(document);
    for (let version = 2; version <= 120; version++) {
      const edits: Edit[] = [];
      // Sometimes two keystrokes arrive before the next request, or two changes in one didChange (multi-cursor).
      const count = random() < 0.2 ? 2 : 1;
      for (let index = 0; index < count; index++) {
        const text = document.getText();
        const edit = randomEdit(random, text);
        edits.push(edit);
        document = applyChanges(cache, document, [edit], version);
      }
      const model = cache.get(document);
      total++;
      if (cache.lastBuildKind === 'incremental') incremental++;
      const where = `seed ${seed}, version ${version}, edits ${JSON.stringify(edits)}`;
      assert.deepEqual(snapshot(model), snapshot(parseWebConfig(document.getText())), where);
      assertElementsListTheTree(model, where);
      // Now and then the file is well-formed again (an undo): the next edits start from a clean model.
      if (random() < 0.3) {
        const healed = TextDocument.create(document.uri, 'xml', version + 1000, publishedConfig(SECTION));
        cache.delete(document.uri);
        document = healed;
        cache.get(document);
      }
    }
  }
  // The random edits must exercise the incremental path, not only the fallback.
  assert.ok(incremental > total / 6, `${incremental} of ${total} models built incrementally`);
});

test('a keystroke in a large file re-scans around it, and typing inside a value keeps the model exact', () => {
  const rules = Array.from({ length: 2000 }, (_, index) => `<rule name="r${index}"><match url="^${index}$" /></rule>`).join('\n');
  const text = publishedConfig(SECTION.replace('<rules>', `<rules>\n${rules}\n`));
  const cache = new DocumentModelCache();
  let document = TextDocument.create('file:///large/web.config', 'xml', 1, text);
  cache.get(document);
  let version = 1;
  for (const [anchor, typed] of [['name="r10"', 'x'], ['hostingModel="in', 'p'], ['value="FILE,', 'T'], ['<rule name="r1999">', ' ']] as const) {
    const at = document.getText().indexOf(anchor) + anchor.length - 1;
    document = applyChanges(cache, document, [{ start: at, end: at, text: typed }], ++version);
    const model = cache.get(document);
    assert.equal(cache.lastBuildKind, 'incremental', anchor);
    assert.deepEqual(snapshot(model), snapshot(parseWebConfig(document.getText())), anchor);
  }
});

test('edits merge into one region of the text before them', () => {
  // "abcdef": replace "cd" by "XYZ" -> "abXYZef"; then insert "!" at 0 -> "!abXYZef".
  const first = mergeEdit(undefined, 2, 4, 3);
  assert.deepEqual(first, { start: 2, oldEnd: 4, newEnd: 5 });
  assert.deepEqual(mergeEdit(first, 0, 0, 1), { start: 0, oldEnd: 4, newEnd: 6 });
  // Delete "ef" at the end of "abXYZef" -> "abXYZ": the old text's "ef" (4..6) is in the region.
  assert.deepEqual(mergeEdit(first, 5, 7, 0), { start: 2, oldEnd: 6, newEnd: 5 });
});
