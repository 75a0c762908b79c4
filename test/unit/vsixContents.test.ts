// What the .vsix would ship, as vsce lists it from .vscodeignore (without packaging): every file VS Code loads,
// and nothing else. The built bundles are only checked once `npm run build` has made them.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { before, describe, it } from 'node:test';
import { PackageManager, listFiles } from '@vscode/vsce';

const ROOT = join(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'client.js')) ? false : 'dist/ is not built (npm run build)';

/**
 * The bundles and assets loaded at run time: extension.ts starts dist/server.js, which starts the history search's
 * worker (historySearchWorkerClient.ts); logPanelProvider.ts serves the rest.
 */
const LOADED_FROM_DIST = ['dist/server.js', 'dist/historySearchWorker.js', 'dist/logPanel.js', 'dist/logPanel.css', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf'];

/** Everything a .vsix may hold; a source file, a source map, a test or the CLI bundle fails it. */
const SHIPPABLE =
  /^(?:package\.json|README\.md|CHANGELOG\.md|LICENSE|images\/[\w-]+\.(?:png|svg)|syntaxes\/[\w-]+\.tmLanguage\.json|dist\/(?!cli\.js)[\w-]+\.(?:js|css)|dist\/codicons\/codicon\.(?:css|ttf))$/;

interface Manifest {
  readonly main: string;
  readonly icon: string;
  readonly contributes: {
    readonly grammars: readonly { path: string }[];
    readonly viewsContainers?: Record<string, readonly { icon?: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const asListed = (path: string) => normalize(path).replaceAll('\\', '/');

let shipped: Set<string>;
before(async () => {
  shipped = new Set(await listFiles({ cwd: ROOT, packageManager: PackageManager.None }));
});

describe('.vsix contents', () => {
  it('ships the files the manifest names', () => {
    const containerIcons = Object.values(manifest.contributes.viewsContainers ?? {})
      .flat()
      .map((container) => container.icon)
      .filter((icon): icon is string => icon !== undefined && !icon.startsWith('$('));
    for (const path of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', manifest.icon, ...manifest.contributes.grammars.map((grammar) => grammar.path), ...containerIcons]) {
      assert.ok(shipped.has(asListed(path)), `${path} is shipped`);
    }
  });

  it('ships the client bundle and everything it loads', { skip: built }, () => {
    for (const path of [manifest.main, ...LOADED_FROM_DIST]) assert.ok(shipped.has(asListed(path)), `${path} is shipped`);
  });

  it('ships nothing else', () => {
    for (const path of shipped) assert.match(path, SHIPPABLE);
  });
});
