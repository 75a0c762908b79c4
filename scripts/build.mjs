// Bundles the extension client and the language server with esbuild, so the .vsix ships no node_modules.
// Type-checking is separate (`tsc --noEmit`, run by `npm run build`).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { ANCM_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
  // ESM dependencies read import.meta.url, which a CommonJS bundle does not have: supply it.
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { client: 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/node/main.ts', cli: 'server/src/cli/node.ts', historySearchWorker: 'server/src/logs/historySearchWorker.ts' },
    outdir: 'dist',
    // jsonc-parser's CommonJS build is a UMD wrapper whose dynamic requires a bundle cannot follow: take its ESM build.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  }),
  // The ANCM Logs webview runs in a browser: a script of its own, no Node, loaded by a nonce'd <script>.
  esbuild.build({
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: { logPanel: 'client/src/panel/web/main.ts' },
    outdir: 'dist',
  }),
  copyWebviewStyles(),
]);
await assertAsciiBundles();

// The webview's stylesheet, and the codicon font VS Code's own views use, served from dist/ (the only
// folder the webview may load from).
async function copyWebviewStyles() {
  await mkdir('dist/codicons', { recursive: true });
  await Promise.all([
    copyFile('client/src/panel/web/logPanel.css', 'dist/logPanel.css'),
    copyFile('node_modules/@vscode/codicons/dist/codicon.css', 'dist/codicons/codicon.css'),
    copyFile('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/codicons/codicon.ttf'),
  ]);
}

// V8 keeps a script's source in memory (functions are compiled when first called), one byte a character when all of
// them are Latin-1 and two otherwise: a single `…` in a comment esbuild kept made the server's 1.3 MB source take
// 2.6 MB of its heap. esbuild writes such characters in strings as escapes (charset ascii); comments are checked here.
async function assertAsciiBundles() {
  for (const name of (await readdir('dist')).filter((file) => file.endsWith('.js'))) {
    const text = await readFile(`dist/${name}`, 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    if (at < 0) continue;
    const line = text.slice(0, at).split('\n').length;
    console.error(`dist/${name}:${line}: "${text[at]}" is not ASCII; the bundle's source would take two bytes a character in memory. Write it in ASCII in the source (likely a comment).`);
    process.exitCode = 1;
  }
}
