// The end-to-end harness: the extension packaged as a .vsix, installed into a throw-away profile of a real
// VS Code workbench (code-server, cached in .vscode-test/ by scripts/e2e-setup.mjs), driven in Debian's
// chromium by playwright-core the way a person uses it: keyboard, command palette, editor, views.
// Everything waits for what it expects (a selector, a file's content), never for a fixed time.
// Failures leave a screenshot (and the server's logs) under test-results/e2e/.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type FrameLocator, type Locator, type Page, chromium } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
/** Screenshots and logs; scripts/e2e-broken-check.mjs points its deliberately failing run elsewhere. */
export const RESULTS_DIR = process.env.ANCM_E2E_RESULTS ?? join(ROOT, 'test-results', 'e2e');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Generous: the machines are shared, 2 cores, and a workbench plus a language server start in each window. */
export const TIMEOUT = { workbench: 120_000, ui: 45_000, file: 45_000 } as const;

/** ANCM_E2E_BREAK=toggle-throws packages an extension whose Toggle Hosting Model command throws (scripts/e2e-broken-check.mjs). */
const BREAK = process.env.ANCM_E2E_BREAK;

interface SetupModule {
  ensureE2eSetup(options?: { force?: boolean }): Promise<{ node24: string; codeServerEntry: string; chromium: string }>;
  node24Env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

let setupPromise: ReturnType<SetupModule['ensureE2eSetup']> | undefined;
let setupModule: SetupModule | undefined;

/** Installs (or repairs) the cached code-server; throws with the reason when it cannot, so the layer fails. */
export async function ensureSetup(): Promise<Awaited<ReturnType<SetupModule['ensureE2eSetup']>>> {
  setupModule ??= (await import(pathToFileURL(join(ROOT, 'scripts', 'e2e-setup.mjs')).href)) as SetupModule;
  setupPromise ??= setupModule.ensureE2eSetup();
  return setupPromise;
}

function node24Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  if (!setupModule) throw new Error('ensureSetup() first');
  return setupModule.node24Env(extra);
}

let vsixPromise: Promise<string> | undefined;

/**
 * Packages the current sources with `npm run package` into a .vsix, once per run. It runs in a copy of the
 * project (node_modules linked), because packaging rebuilds dist/ in production mode and the other test
 * layers, running at the same time, use the dist/ that `npm test` built.
 */
export function packageVsix(): Promise<string> {
  vsixPromise ??= (async () => {
    const started = Date.now();
    const stage = join(ROOT, '.vscode-test', BREAK ? `stage-broken-${BREAK}` : 'stage');
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { recursive: true });
    // What packaging and its type-check read: everything but dependencies, outputs and caches.
    const skipped = new Set(['node_modules', '.git', '.vscode-test', 'test-results', 'dist', 'demo', join('bench', 'out')].map((path) => join(ROOT, path)));
    for (const name of readdirSync(ROOT)) {
      if (name.endsWith('.vsix')) continue;
      cpSync(join(ROOT, name), join(stage, name), { recursive: true, filter: (source) => !skipped.has(source) });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
    if (BREAK === 'toggle-throws') breakToggleCommand(stage);
    else if (BREAK) throw new Error(`Unknown ANCM_E2E_BREAK=${BREAK} (known: toggle-throws)`);
    const result = spawnSync('npm', ['run', 'package'], { cwd: stage, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    const vsix = join(stage, 'ancm-tools.vsix');
    if (result.status !== 0 || !existsSync(vsix)) {
      throw new Error(`npm run package failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.split('\n').slice(-40).join('\n')}`);
    }
    log(`packaged ${vsix.replace(ROOT, '.')} in ${((Date.now() - started) / 1000).toFixed(1)} s${BREAK ? ` (deliberately broken: ${BREAK})` : ''}`);
    return vsix;
  })();
  return vsixPromise;
}

/** The deliberately broken build: Toggle Hosting Model throws before it edits anything. */
function breakToggleCommand(stage: string): void {
  const file = join(stage, 'client', 'src', 'commands', 'hostingModelCommands.ts');
  const source = readFileSync(file, 'utf8');
  const anchor = 'commands.registerCommand(TOGGLE_HOSTING_MODEL, () =>';
  if (!source.includes(anchor)) throw new Error(`Cannot break the toggle command: "${anchor}" is no longer in ${file}`);
  const broken = source.replace(
    anchor,
    "commands.registerCommand(TOGGLE_HOSTING_MODEL, () => {\n      throw new Error('Deliberately broken by ANCM_E2E_BREAK=toggle-throws');\n    }),\n    commands.registerCommand('ancm.e2eUnused', () =>",
  );
  writeFileSync(file, broken);
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();

/** Kills a process started detached, with everything it started (its process group). */
export function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    try {
      child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
}

// Whatever happens to the test process, the servers and writers it started go with it.
process.on('exit', () => {
  for (const child of running) killTree(child);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) killTree(child);
    process.exit(130);
  });
}

/** Starts a child in its own process group, remembered so it is stopped on exit. */
export function spawnTracked(command: string, args: readonly string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export interface CodeServerOptions {
  /** A name for the profile and the log (`main`, `restricted`). */
  readonly name: string;
  /** False: Workspace Trust is on, so an untrusted folder opens in Restricted Mode. */
  readonly trustDisabled: boolean;
}

/** One code-server with a throw-away profile (user data and extensions) holding the packaged .vsix. */
export class CodeServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    readonly profileDir: string,
    private readonly name: string,
  ) {}

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const setup = await ensureSetup();
    const vsix = await packageVsix();
    const profileDir = mkdtempSync(join(tmpdir(), `ancm-e2e-${options.name}-`));
    const userDataDir = join(profileDir, 'user-data');
    const extensionsDir = join(profileDir, 'extensions');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings(options.trustDisabled), null, 2)}\n`);
    // code-server writes its config and state under XDG folders: keep them in the profile, not in $HOME.
    const env = node24Env({
      XDG_CONFIG_HOME: join(profileDir, 'xdg-config'),
      XDG_DATA_HOME: join(profileDir, 'xdg-data'),
      XDG_CACHE_HOME: join(profileDir, 'xdg-cache'),
    });
    delete env.VSCODE_IPC_HOOK_CLI;
    const common = ['--config', join(profileDir, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
    const install = spawnSync(setup.node24, [setup.codeServerEntry, ...common, '--install-extension', vsix], { encoding: 'utf8', env });
    if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
      throw new Error(`Installing ${vsix} into code-server failed (exit ${install.status}):\n${install.stdout}${install.stderr}`);
    }
    const port = await freePort();
    const args = [setup.codeServerEntry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'];
    if (options.trustDisabled) args.push('--disable-workspace-trust');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const logFile = join(RESULTS_DIR, `code-server-${options.name}.log`);
    writeFileSync(logFile, '');
    const child = spawnTracked(setup.node24, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = `http://127.0.0.1:${port}`;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not start within ${TIMEOUT.workbench / 1000} s:\n${output}`)), TIMEOUT.workbench);
      const onData = (data: Buffer) => {
        output += data.toString();
        writeFileSync(logFile, data, { flag: 'a' });
        if (output.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
      });
    });
    log(`code-server (${options.name}) listening on ${url}`);
    return new CodeServer(url, child, profileDir, options.name);
  }

  /** The workbench URL for a folder. */
  folderUrl(folder: string): string {
    return `${this.url}/?folder=${encodeURIComponent(folder)}`;
  }

  /** Copies the server and extension host logs next to the screenshots (they tell why an extension failed). */
  saveLogs(): void {
    const logs = join(this.profileDir, 'user-data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(RESULTS_DIR, `vscode-logs-${this.name}`), { recursive: true });
  }

  async stop(): Promise<void> {
    this.saveLogs();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      killTree(this.child);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    }
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** The profile's settings: a quiet window, and (for most scenarios) Workspace Trust off. */
function userSettings(trustDisabled: boolean): Record<string, unknown> {
  return {
    ...(trustDisabled ? { 'security.workspace.trust.enabled': false } : { 'security.workspace.trust.startupPrompt': 'never' }),
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    'editor.hover.delay': 200,
    'files.autoSave': 'off',
    'git.openRepositoryInParentFolders': 'never',
  };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launchBrowser(): Promise<Browser> {
  const setup = await ensureSetup();
  return chromium.launch({ executablePath: setup.chromium, args: CHROMIUM_ARGS, timeout: TIMEOUT.workbench });
}

/** A fresh workspace folder: each file from test/fixtures (`{ fixture: 'webconfig/legacy-v1.config' }`) or given text (`{ text }`). */
export function makeWorkspace(name: string, files: Record<string, { fixture: string } | { text: string }>): string {
  const folder = mkdtempSync(join(tmpdir(), `ancm-e2e-ws-${name}-`));
  for (const [path, content] of Object.entries(files)) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    if ('fixture' in content) cpSync(join(FIXTURES, content.fixture), target);
    else writeFileSync(target, content.text);
  }
  return folder;
}

/** Waits until a file's text satisfies `predicate`; the message says what it held instead. */
export async function waitForFile(file: string, predicate: (text: string) => boolean, what: string, page?: Page): Promise<string> {
  const deadline = Date.now() + TIMEOUT.file;
  let text = '';
  for (;;) {
    text = existsSync(file) ? readFileSync(file, 'utf8') : '<missing>';
    if (predicate(text)) return text;
    if (Date.now() > deadline) {
      const shown = page ? await visibleNotifications(page) : [];
      throw new Error(`${file} never ${what}. It holds:\n${text}${shown.length ? `\nOn screen: ${shown.join(' | ')}` : ''}`);
    }
    // Polling a file: the only way to wait for another process's write without a watcher API.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of the notification toasts and dialogs on screen (a command's error shows in one of them). */
export async function visibleNotifications(page: Page): Promise<string[]> {
  try {
    const texts = [
      ...(await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts()),
      ...(await page.locator('.monaco-dialog-box .dialog-message-row').allInnerTexts()),
    ];
    return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
  } catch {
    return [];
  }
}

/** An error VS Code shows: a dialog (a command run from the palette failed) or an error notification. */
const ERROR_ON_SCREEN = '.monaco-dialog-box:has(.codicon-dialog-error), .notifications-toasts .notification-list-item:has(.notification-list-item-icon.codicon-error)';

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, timeout: 30_000 });
  return file;
}

/** The workbench of one window, and what a person does in it. */
export class Workbench {
  /** Messages of the browser dialogs (alert, confirm) the page opened: a hostile log line must open none. */
  readonly dialogs: string[] = [];

  private constructor(readonly page: Page) {}

  /** A new browser window (its own context), not showing anything yet: `open` loads the workbench. */
  static async create(browser: Browser): Promise<Workbench> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT.ui);
    const workbench = new Workbench(page);
    page.on('dialog', (dialog) => {
      workbench.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return workbench;
  }

  /** Opens a folder in the workbench and waits until the explorer shows it. */
  async open(server: CodeServer, folder: string): Promise<void> {
    await this.page.goto(server.folderUrl(folder), { timeout: TIMEOUT.workbench });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT.workbench });
    // The explorer lists the folder's files once the remote file system answers.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT.workbench });
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }

  /** Quick Open (Ctrl+P): type the file name, Enter; waits for its editor tab to be active. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.editor().locator('.view-lines').waitFor();
  }

  /** The command palette (F1): type the title, pick the row that has it. `opensPicker`: the command shows a quick pick of its own. */
  async runCommand(title: string, { opensPicker = false } = {}): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: title }) }).first();
    // Right after the window opens, the extension host may not have registered the extension's commands yet,
    // and an open palette does not refresh its list: like a person, close it and look again.
    const deadline = Date.now() + TIMEOUT.ui;
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await input.waitFor();
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: Math.min(10_000, Math.max(1000, deadline - Date.now())) });
        break;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`The command palette never offered "${title}" (${attempt} tries)`, { cause: error });
        await this.page.keyboard.press('Escape');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      }
    }
    await row.click();
    if (opensPicker) await this.page.locator('.quick-input-widget input:not([value^=">"])').waitFor();
    else await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Right-clicks `target` and picks `label` from its context menu. Right after the window opens the extension's menu
   * entries may not be registered yet, and an open menu does not refresh: like a person, close it and look again.
   */
  async contextMenu(target: Locator, label: string): Promise<void> {
    const item = this.page.locator('.context-view .action-label', { hasText: label }).first();
    const deadline = Date.now() + TIMEOUT.ui;
    for (;;) {
      await target.click({ button: 'right' });
      try {
        await item.waitFor({ timeout: Math.min(5_000, Math.max(1000, deadline - Date.now())) });
        break;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`The context menu never offered "${label}"`, { cause: error });
        await this.page.keyboard.press('Escape');
      }
    }
    // A menu that has only just opened may let a click pass without running the item (the menu stays open with
    // the item highlighted): click again until the menu closes.
    for (;;) {
      await item.click();
      try {
        await item.waitFor({ state: 'hidden', timeout: Math.min(2_000, Math.max(500, deadline - Date.now())) });
        return;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`Clicking "${label}" never closed the context menu`, { cause: error });
      }
    }
  }

  /**
   * Runs a command that shows a list of its own and waits for `item` in it. The list does not refresh while
   * open, so (like a person) it is closed and opened again until the item shows or time runs out.
   */
  async waitForPickerItem(title: string, item: string): Promise<void> {
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: item }).first();
    const deadline = Date.now() + TIMEOUT.ui;
    for (;;) {
      await this.runCommand(title, { opensPicker: true });
      try {
        await row.waitFor({ timeout: Math.min(5_000, Math.max(1000, deadline - Date.now())) });
        return;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`"${title}" never listed "${item}"`, { cause: error });
        await this.page.keyboard.press('Escape');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      }
    }
  }

  /**
   * Waits for `locator`, but fails at once, saying what it says, if VS Code shows an error instead (a command
   * that threw): a broken extension fails in seconds, not at the timeout.
   */
  async expect(locator: Locator, options: { state?: 'visible' | 'attached' | 'detached' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const timeout = options.timeout ?? TIMEOUT.ui;
    const error = this.page.locator(ERROR_ON_SCREEN).first();
    const expected = locator.waitFor({ ...options, timeout }).then(
      () => ({ kind: 'done' as const }),
      (failure: unknown) => ({ kind: 'failed' as const, failure }),
    );
    const shownError = error.waitFor({ timeout }).then(
      () => ({ kind: 'error' as const }),
      () => ({ kind: 'noError' as const }),
    );
    const first = await Promise.race([expected, shownError]);
    if (first.kind === 'error') {
      const text = await error.locator('.dialog-message-row, .notification-list-item-message').first().innerText();
      throw new Error(`VS Code showed an error instead: ${text.replace(/\s+/g, ' ').trim()}`);
    }
    const outcome = first.kind === 'noError' ? await expected : first;
    if (outcome.kind === 'failed') throw outcome.failure;
  }

  /**
   * Hovers the mouse over `target` until a hover with `text` shows. Right after a file opens the language
   * server may not answer yet, and the editor asks once per hover: like a person, move away and back.
   */
  async hoverUntil(target: Locator, text: string): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: text });
    const deadline = Date.now() + TIMEOUT.ui;
    for (;;) {
      await this.page.mouse.move(0, 0);
      await target.hover();
      try {
        await hover.waitFor({ timeout: Math.min(5_000, Math.max(1000, deadline - Date.now())) });
        return hover;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`No hover with "${text}" over the target`, { cause: error });
      }
    }
  }

  /**
   * The suggestion list's row labelled `label`. Typing opens the list; if the language server was not ready
   * to answer yet, ask again with Ctrl+Space, as a person would.
   */
  async suggestion(label: string): Promise<Locator> {
    const row = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
    const deadline = Date.now() + TIMEOUT.ui;
    for (;;) {
      try {
        await row.waitFor({ timeout: Math.min(10_000, Math.max(1000, deadline - Date.now())) });
        return row;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`No suggestion "${label}"`, { cause: error });
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+Space');
      }
    }
  }

  /** The active editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Puts the cursor just before the first occurrence of `text` in the active editor (Find, then Escape). */
  async cursorBefore(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
    await find.waitFor();
    await find.fill(text);
    await this.page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /^1 of/ }).waitFor();
    await this.page.keyboard.press('Escape');
    // The match stays selected; Left puts the cursor at its start.
    await this.page.keyboard.press('ArrowLeft');
  }

  async focusEditor(): Promise<void> {
    await this.editor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** A status bar item by its text. */
  statusBarItem(text: string | RegExp): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: text });
  }

  /** The ANCM hosting-model status bar item. */
  hostingModelStatus(): Locator {
    return this.page.locator('[id="ancm-tools.ancm-tools.ancm.hostingModel"]');
  }

  /** The ANCM "Offline" status bar item, shown while app_offline.htm is beside the active web.config. */
  appOfflineStatus(): Locator {
    return this.page.locator('[id="ancm-tools.ancm-tools.ancm.appOffline"]');
  }

  /** The ANCM Logs webview's document (nested iframes: the webview host, then its active frame). */
  logsPanel(): FrameLocator {
    // VS Code keeps webview iframes outside the view's DOM, laid over it; this window has only this webview.
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }
}

/**
 * A scenario's body with a screenshot when it fails: the error names the screenshot and says what was on
 * screen (notifications), so a broken command shows why.
 */
export async function withFailureScreenshot(name: string, workbench: () => Workbench | undefined, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const page = workbench()?.page;
    let note = '';
    if (page && !page.isClosed()) {
      try {
        const file = await screenshot(page, `FAILED-${name}`);
        note += `\nScreenshot: ${file}`;
      } catch (shotError) {
        note += `\n(no screenshot: ${shotError instanceof Error ? shotError.message : String(shotError)})`;
      }
      const shown = await visibleNotifications(page);
      if (shown.length) note += `\nOn screen: ${shown.join(' | ')}`;
    }
    // A new error, so the note is in what the reporter prints (it prints the stack, made with the old message).
    throw new Error(`${error instanceof Error ? error.message : String(error)}${note}`, { cause: error });
  }
}
