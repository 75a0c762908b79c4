// The layers are kept by this test, not by goodwill (ARCHITECTURE: one brain, thin shells). Every relative import in
// server/src and client/src is read and placed in its layer; an import across layers must be one the layering
// allows. The contract (server/src/protocol) may be imported by every layer and imports no other layer itself.
// And what the layering is for: the extension's bundle carries no language service, ANCM tables or log engine.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');

type Layer = 'client' | 'webview' | 'shared' | 'shell' | 'service' | 'ancm' | 'files' | 'logs' | 'publish' | 'project' | 'cli';

/** What each layer may import besides itself and the shared contract. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  client: [],
  webview: [],
  shared: [],
  shell: ['service', 'logs', 'publish', 'project', 'files'],
  service: ['ancm'],
  logs: ['ancm', 'files'],
  // Reads a publish folder (fs) into plain facts and checks them; the CLI and the editor run those checks.
  publish: ['ancm', 'files'],
  // Opening a file a stranger named (a log, a file of a publish folder): only regular files, kept inside a folder.
  files: [],
  // The files around web.config, read beside the one checked (inside the roots given): the editor and the CLI check them alike.
  project: ['service', 'publish', 'files'],
  cli: ['service', 'logs', 'publish', 'project', 'files'],
  ancm: [],
};

function layerOf(file: string): Layer {
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  if (relative.startsWith('client/src/panel/web/')) return 'webview';
  if (relative.startsWith('client/src/')) return 'client';
  if (relative.startsWith('server/src/protocol/')) return 'shared';
  for (const layer of ['service', 'ancm', 'files', 'logs', 'publish', 'project', 'cli'] as const) if (relative.startsWith(`server/src/${layer}/`)) return layer;
  if (relative.startsWith('server/src/')) return 'shell';
  throw new Error(`${relative} is in no layer`);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(ROOT, folder, name));
}

/** The files a source file imports (static, type-only and dynamic imports, re-exports), resolved. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? match[4]);
  return specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => path.resolve(path.dirname(file), specifier));
}

describe('layers', () => {
  const files = [...sourceFiles('server/src'), ...sourceFiles('client/src')];

  it('every import across layers is one the layering allows', () => {
    assert.ok(files.length > 100, `the sources were found (${files.length})`);
    const against: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to === from || (to === 'shared' && from !== 'shared') || ALLOWED[from].includes(to)) continue;
        against.push(`${path.relative(ROOT, file)} (${from}) -> ${path.relative(ROOT, target)} (${to})`);
      }
    }
    assert.deepEqual(against, []);
  });

  it('code outside the service enters it through its one door, service/languageService.ts', () => {
    const door = path.join(ROOT, 'server', 'src', 'service', 'languageService');
    const against: string[] = [];
    for (const file of [...files, ...sourceFiles('bench')]) {
      if (!file.startsWith(path.join(ROOT, 'server', 'src')) && !file.startsWith(path.join(ROOT, 'bench'))) continue;
      if (file.startsWith(path.join(ROOT, 'server', 'src', 'service') + path.sep)) continue;
      for (const target of importsOf(file)) {
        if (target.startsWith(path.join(ROOT, 'server', 'src', 'service') + path.sep) && target !== door) against.push(`${path.relative(ROOT, file)} -> ${path.relative(ROOT, target)}`);
      }
    }
    assert.deepEqual(against, []);
  });

  it('reads imports of every kind, so that nothing slips past it', () => {
    const probe = path.join(ROOT, 'client', 'src', 'probe.ts');
    const written = [
      "import type { A } from '../../server/src/service/a';",
      "export { B } from '../../server/src/logs/b';",
      "const c = await import('../../server/src/ancm/c');",
      "import '../../server/src/cli/d';",
    ].join('\n');
    const layers = [...written.matchAll(/'([^']+)'/g)].map((match) => layerOf(path.resolve(path.dirname(probe), match[1])));
    assert.deepEqual(layers, ['service', 'logs', 'ancm', 'cli']);
  });

  it('the extension bundle carries none of the language service, the ANCM tables or the log engine', () => {
    const sourceMap = path.join(ROOT, 'dist', 'client.js.map');
    assert.ok(existsSync(sourceMap), 'dist/client.js.map exists (npm test builds first)');
    const sources = (JSON.parse(readFileSync(sourceMap, 'utf8')) as { sources: string[] }).sources;
    const serverCode = sources.filter((source) => /server\/src\/(?!protocol\/)/.test(source.split(path.sep).join('/')));
    assert.deepEqual(serverCode, []);
  });
});
