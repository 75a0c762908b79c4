// Bundles the extension client and the language server with esbuild, so the .vsix ships no node_modules.
// Type-checking is separate (`tsc --noEmit`, run by `npm run build`).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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
    entryPoints: { server: 'server/src/node/main.ts', cli: 'server/src/cli/node.ts' },
    outdir: 'dist',
  }),
]);
