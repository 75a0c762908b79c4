// `npm start`: the extension, built from these sources, in a local VS Code (code-server, in your browser) on
// the demo/ site: a published web.config with stdout logging and the ANCM debug log on, and demo/writer.mjs
// writing both logs the way ANCM and an ASP.NET Core app do. Prints the URL to open; Ctrl+C stops it all.
//
// Usage: node scripts/start-demo.mjs [--port 8080] [--host 127.0.0.1] [--screenshot <file.png>]
//   --port        the port to serve on (default 8080, or a free one when 8080 is taken)
//   --host        the address to listen on (default 127.0.0.1; code-server runs without a password, so only
//                 listen on another address on a network you trust)
//   --screenshot  open the demo in chromium, take a screenshot of web.config and the ANCM Logs panel, and exit
//                 (how images/screenshot-demo.png is made)
//
// The first run installs code-server and Node 24 into .vscode-test/ (scripts/e2e-setup.mjs, a few minutes);
// the demo's VS Code profile (settings, installed extension) lives in .vscode-test/demo/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE_DIR, ROOT, ensureE2eSetup, node24Env } from './e2e-setup.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    screenshot: { type: 'string' },
  },
});

const DEMO = join(ROOT, 'demo');
const PROFILE = join(CACHE_DIR, 'demo');
const VSIX = join(ROOT, 'ancm-tools.vsix');
const children = new Set();

function say(message) {
  process.stdout.write(`${message}\n`);
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  children.clear();
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    say('\nStopping the demo.');
    stopAll();
    process.exit(0);
  });
}

/** Runs in its own process group, so Ctrl+C here stops it and everything it started. */
function start(command, args, spawnOptions) {
  const child = spawn(command, args, { ...spawnOptions, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function choosePort(host) {
  if (options.port) return Number(options.port);
  if (await portIsFree(8080, host)) return 8080;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The demo profile's settings: kept as the user left them, with the few the demo needs added. */
function writeSettings(userDir) {
  const file = join(userDir, 'settings.json');
  let settings = {};
  try {
    settings = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // none yet, or not plain JSON: start from the demo's
  }
  const defaults = {
    // The demo folder is this repository's: trust it, so the window opens without asking.
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'editor.wordWrap': 'on',
    'git.openRepositoryInParentFolders': 'never',
  };
  writeFileSync(file, `${JSON.stringify({ ...defaults, ...settings }, null, 2)}\n`);
}

async function main() {
  const started = Date.now();
  say('ANCM Tools demo: preparing (the first run installs code-server into .vscode-test/, a few minutes)…');
  const setup = await ensureE2eSetup({ browser: Boolean(options.screenshot) });

  say('Building and packaging the extension (npm run package)…');
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (packaged.status !== 0 || !existsSync(VSIX)) {
    process.stderr.write(`${packaged.stdout}${packaged.stderr}`);
    throw new Error('npm run package failed');
  }

  const userDataDir = join(PROFILE, 'user-data');
  const extensionsDir = join(PROFILE, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeSettings(join(userDataDir, 'User'));
  const env = node24Env({ XDG_CONFIG_HOME: join(PROFILE, 'xdg-config'), XDG_DATA_HOME: join(PROFILE, 'xdg-data'), XDG_CACHE_HOME: join(PROFILE, 'xdg-cache') });
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--config', join(PROFILE, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const installed = spawnSync(setup.node24, [setup.codeServerEntry, ...common, '--install-extension', VSIX, '--force'], { encoding: 'utf8', env });
  if (installed.status !== 0) throw new Error(`Installing ${VSIX} failed:\n${installed.stdout}${installed.stderr}`);
  say('Installed ancm-tools.vsix into the demo profile (.vscode-test/demo/).');

  // A fresh set of logs each time: the writer plays a site that has just started.
  const logs = join(DEMO, 'logs');
  rmSync(logs, { recursive: true, force: true });
  const startWriter = () => {
    const writer = start(process.execPath, [join(DEMO, 'writer.mjs'), '--site', DEMO], { stdio: 'ignore' });
    writer.once('exit', (code, signal) => {
      if (signal === null && code !== 0) say(`demo/writer.mjs stopped (exit ${code}).`);
    });
  };
  // For the screenshot the site starts once the panel is open, so the picture shows both logs interleaved live.
  if (!options.screenshot) startWriter();

  const host = options.host;
  const port = await choosePort(host);
  if (!options.port && port !== 8080) say(`Port 8080 is taken: the demo uses port ${port} (choose one with --port).`);
  const server = start(
    setup.node24,
    [setup.codeServerEntry, ...common, '--auth', 'none', '--bind-addr', `${host}:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', DEMO],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const serverLog = join(PROFILE, 'code-server.log');
  writeFileSync(serverLog, '');
  await new Promise((resolve, reject) => {
    let output = '';
    const onData = (data) => {
      output += data.toString();
      writeFileSync(serverLog, data, { flag: 'a' });
      if (output.includes('HTTP server listening on')) resolve();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => reject(new Error(`code-server exited (${code}):\n${output}`)));
  });
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${port}/?folder=${encodeURIComponent(DEMO).replace(/%2F/gi, '/')}`;

  if (options.screenshot) {
    await takeScreenshot(url, setup.chromium, options.screenshot, startWriter);
    stopAll();
    return;
  }

  say('');
  say(`Ready in ${((Date.now() - started) / 1000).toFixed(0)} s. Open this URL in your browser:`);
  say('');
  say(`    ${url}`);
  say('');
  say('Then open web.config (hover, completion, the hosting model in the status bar) and run');
  say('"ANCM: Show Logs" (F1) to follow the logs demo/writer.mjs is writing into demo/logs/.');
  say(`code-server's log: ${serverLog.replace(`${ROOT}/`, '')}. Ctrl+C stops the demo.`);
  // Runs until Ctrl+C; if code-server stops by itself, so does the demo.
  server.once('exit', (code) => {
    say(`code-server stopped (exit ${code}).`);
    stopAll();
    process.exit(code ?? 1);
  });
}

/** What a person sees after opening the URL, opening web.config and running ANCM: Show Logs. */
async function takeScreenshot(url, executablePath, file, startWriter) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.setDefaultTimeout(60_000);
    await page.goto(url, { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'web.config' }).waitFor({ timeout: 120_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('web.config');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'web.config' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[id="ancm-tools.ancm-tools.ancm.hostingModel"]').waitFor();
    const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: 'ANCM: Show Logs' }) }).first();
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>ANCM: Show Logs');
      try {
        await row.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await row.click();
    const panel = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await panel.locator('.list-message', { hasText: /No entries yet|Waiting for/ }).waitFor({ timeout: 120_000 });
    startWriter();
    // Wait for a failed request (an error entry with its stack trace) and a few requests after it.
    await panel.locator('.list .row.level-error').first().waitFor({ timeout: 120_000 });
    await panel.locator('.list .row', { hasText: 'Total Request Count 3' }).first().waitFor({ timeout: 120_000 });
    await panel.locator('.list .row.level-error').first().click();
    await page.keyboard.press('ArrowRight');
    await panel.locator('.list .row.continuation').first().waitFor();
    // A taller panel, so the picture shows more of the log: drag the sash between the editor and the panel up.
    const panelBox = await page.locator('.part.panel').first().boundingBox();
    for (const sash of await page.locator('.monaco-sash.horizontal').all()) {
      const box = await sash.boundingBox();
      if (!panelBox || !box || box.width < 100 || Math.abs(box.y + box.height / 2 - panelBox.y) > 6) continue;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y - 170, { steps: 10 });
      await page.mouse.up();
      break;
    }
    // The hover of the status bar item and the editor's cursor line are not part of the picture.
    await page.mouse.move(0, 0);
    mkdirSync(join(file, '..'), { recursive: true });
    await page.screenshot({ path: file });
    say(`Screenshot saved: ${file}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  stopAll();
  process.exit(1);
});
