// `ancm check [paths or globs...]`: the editor's diagnostics for CI pipelines, and the publish checks for a folder that
// is a publish output (checkPublish.ts).
// Exit codes: 0 clean, 1 errors (or more warnings than --max-warnings), 2 usage or I/O error (also a
// fix that could not be written: the other files are still checked and fixed).

import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectFileRule, findRule, RULE_SEVERITY_OVERRIDES, type RuleSeverityOverride, type ValidationSettings } from '../service/languageService';
import { type InstalledFramework, readRuntimeInventory } from '../publish/runtimeMatch';
import { type CheckedFile, type FixOptions, type PublishOutput, checkFile } from './checkFiles';
import { isPublishCheck, publishOutputWebConfig } from './checkPublish';
import { ConfigFileError } from './configFile';
import { NoSuchPathError, checkedFolders, findCheckedFiles } from './findCheckedFiles';
import { ProjectChecks } from '../project/projectChecks';
import { formatGitHubAnnotations } from './formats/githubAnnotations';
import { formatJson } from './formats/jsonFormat';
import { formatSarif } from './formats/sarifFormat';
import { countTotals, formatFileAsText, formatSummary } from './formats/textFormat';
import { type CommandContext, UsageError } from './commandContext';

export const CHECK_USAGE = `Usage: ancm check [paths or globs...] [options]

Checks web.config files with the same rules as the editor. With no path, every web.config and
web.*.config under the current folder (skipping node_modules, bin, obj and .git), and the files that decide what
web.config becomes: project files (*.csproj, *.fsproj, *.vbproj, Directory.Build.props, *.pubxml),
launchSettings.json, and applicationHost.config (also IIS Express's .vs/<solution>/config/applicationhost.config).
They are checked with the files beside them (web.config against its project and back; each app an
applicationHost.config names, from its folder), read only inside the folders checked. --fix writes only web.config.

A folder given that is a publish output (web.config beside a *.runtimeconfig.json or *.deps.json) is also
checked as one, and the findings are reported on its web.config: processPath/arguments name files that are
there (HTTP 500.38, 502.5), single-file in-process, the app's bitness against the app pool (500.32),
Microsoft.AspNetCore.App referenced (500.33), the files deps.json lists, app_offline.htm (503), shadow
copy folders, Visual Studio leftovers; with --runtimes, whether the server's runtimes run the app (500.31).

Options:
  --format text|json|sarif   output format (default text; GitHub Actions annotations are added to text when GITHUB_ACTIONS=true)
  --fix                      apply the safe fixes in place and report what changed; each file is replaced
                             whole (a temporary file beside it, renamed over it) keeping its mode and owner
  --fix-follow-symlinks      let --fix write through symlinks to files outside the checked folders (the
                             folders given, the folder of each file given, or the current folder); by default
                             such a file is reported as not fixed, while a symlink inside them is written through
  --max-warnings N           exit with 1 when there are more than N warnings
  --rule ID=SEVERITY         change a rule's severity (error, warning, information, hint) or turn it off; repeatable
                             (publish checks too: --rule publish-app-offline=off)
  --runtimes FILE|-          the server's runtimes, for publish folders: \`dotnet --list-runtimes\` output, a
                             hostfxr "frameworks were found" block, shared\\<name>\\<version> folder paths or
                             "Microsoft.AspNetCore.App 8.0.11 x86" lines; - reads standard input
  --app-pool-32bit true|false
                             the app pool's Enable 32-Bit Applications, for the bitness check of publish folders
  -h, --help                 show this help

Control characters in quoted web.config values are shown as escapes in text output (as in ancm logs --help).

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage or I/O error (also when the output cannot
be written, or when --fix cannot write a file: it is reported, left unchanged, and the other files are
still fixed; a closed output, as with | head, does not change the exit code).`;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface CheckOptions {
  readonly patterns: string[];
  readonly format: Format;
  readonly fix: boolean;
  readonly followSymlinksOut: boolean;
  readonly maxWarnings: number | undefined;
  readonly settings: ValidationSettings;
  readonly runtimes: string | undefined;
  readonly appPool32Bit: boolean | undefined;
}

function parseCheckArguments(args: readonly string[]): CheckOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      'fix-follow-symlinks': { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      runtimes: { type: 'string' },
      'app-pool-32bit': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, 0 or more (got "${values['max-warnings']}")`);
  }
  const rules: Record<string, RuleSeverityOverride> = {};
  for (const rule of values.rule) {
    const [id, severity] = rule.split('=');
    if (!findRule(id) && !isPublishCheck(id) && !findProjectFileRule(id)) throw new UsageError(`--rule: no rule named "${id}"`);
    if (!(RULE_SEVERITY_OVERRIDES as readonly string[]).includes(severity)) throw new UsageError(`--rule ${id}=...: the severity must be one of ${RULE_SEVERITY_OVERRIDES.join(', ')}`);
    rules[id] = severity as RuleSeverityOverride;
  }
  if (values['fix-follow-symlinks'] && !values.fix) throw new UsageError('--fix-follow-symlinks goes with --fix');
  const bitness = values['app-pool-32bit']?.trim().toLowerCase();
  if (bitness !== undefined && bitness !== 'true' && bitness !== 'false') throw new UsageError(`--app-pool-32bit takes true or false (got "${values['app-pool-32bit']}")`);
  if (values.runtimes === '') throw new UsageError('--runtimes takes a file, or - for standard input');
  return {
    patterns: positionals,
    format: values.format as Format,
    fix: values.fix,
    followSymlinksOut: values['fix-follow-symlinks'],
    maxWarnings,
    settings: { rules },
    runtimes: values.runtimes,
    appPool32Bit: bitness === undefined ? undefined : bitness === 'true',
  };
}

export async function runCheck(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseCheckArguments(args);
  if (options === 'help') {
    context.out(CHECK_USAGE);
    return 0;
  }
  let paths: string[];
  try {
    paths = await findCheckedFiles(options.patterns, context.cwd);
  } catch (error) {
    if (error instanceof NoSuchPathError) return context.fail(error.message);
    throw error;
  }
  let runtimes: InstalledFramework[] | undefined;
  if (options.runtimes !== undefined) {
    const inventory = await readInventory(options.runtimes, context);
    if (typeof inventory === 'string') return context.fail(inventory);
    runtimes = inventory;
  }
  const publishOutputs = await findPublishOutputs(options.patterns, context.cwd, paths);
  const fix: FixOptions | undefined = options.fix ? { checkedFolders: await checkedFolders(options.patterns, context.cwd), followSymlinksOut: options.followSymlinksOut } : undefined;
  // The files around a checked one (its project file, each app of an applicationHost.config) are read only inside the
  // folders checked and the current one.
  const roots = [context.cwd, ...(await checkedFolders(options.patterns, context.cwd, { realPaths: false }))];
  const project = new ProjectChecks(() => roots);
  const files: CheckedFile[] = [];
  const textOutput = options.format === 'text';
  const annotate = textOutput && context.env.GITHUB_ACTIONS === 'true';
  let ioErrors = 0;
  for (const path of paths) {
    try {
      const folder = publishOutputs.get(path);
      const publish: PublishOutput | undefined = folder === undefined ? undefined : { folder, rules: options.settings.rules, ...(runtimes ? { runtimes } : {}), ...(options.appPool32Bit !== undefined ? { appPool32Bit: options.appPool32Bit } : {}) };
      const file = await checkFile(path, options.settings, project, fix, publish);
      files.push(file);
      if (file.fixNotWritten !== undefined) {
        context.error(`ancm: ${path}: cannot write the fix (${file.fixNotWritten}); left unchanged`);
        ioErrors++;
      }
      if (textOutput) for (const line of formatFileAsText(file, context.cwd, context.color)) context.out(line);
      if (annotate) for (const line of formatGitHubAnnotations(file, context.cwd)) context.out(line);
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      context.error(error.message);
      ioErrors++;
    }
  }
  const totals = countTotals(files);
  if (textOutput) context.out(formatSummary(totals));
  else if (options.format === 'json') context.out(formatJson(files, totals));
  else context.out(formatSarif(files, context.cwd, context.version));
  if (ioErrors > 0) return 2;
  if (totals.error > 0) return 1;
  if (options.maxWarnings !== undefined && totals.warning > options.maxWarnings) {
    context.error(`${totals.warning} warnings, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

/** The most `--runtimes` reads: a `dotnet --list-runtimes` output is a few KB. */
const RUNTIMES_SIZE_CAP = 4 * 1024 * 1024;

/** `--runtimes FILE|-` read into an inventory, or why it cannot be (exit code 2). */
async function readInventory(source: string, context: CommandContext): Promise<InstalledFramework[] | string> {
  let text: string;
  if (source === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of context.stdin ?? []) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > RUNTIMES_SIZE_CAP) return `--runtimes -: more than ${RUNTIMES_SIZE_CAP / 1024 / 1024} MB on standard input`;
      chunks.push(bytes);
    }
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    try {
      const bytes = await readFile(nodePath.resolve(context.cwd, source));
      if (bytes.length > RUNTIMES_SIZE_CAP) return `--runtimes ${source}: larger than ${RUNTIMES_SIZE_CAP / 1024 / 1024} MB`;
      text = bytes.toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return `--runtimes ${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? String(error)})`}`;
    }
  }
  const inventory = readRuntimeInventory(text);
  if (inventory.length === 0) {
    return `--runtimes ${source === '-' ? '-' : source}: no runtimes found in it (give \`dotnet --list-runtimes\` output, a hostfxr "frameworks were found" block, or "Microsoft.AspNetCore.App 8.0.11" lines)`;
  }
  return inventory;
}

/** The web.configs of the folders given that are publish outputs, each with its folder; they are checked even where a glob skipped them. */
async function findPublishOutputs(patterns: readonly string[], cwd: string, paths: string[]): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  for (const pattern of patterns) {
    const folder = nodePath.resolve(cwd, pattern);
    const webConfig = await publishOutputWebConfig(folder);
    if (webConfig === undefined) continue;
    outputs.set(nodePath.normalize(webConfig), folder);
    if (!paths.includes(nodePath.normalize(webConfig))) paths.push(nodePath.normalize(webConfig));
  }
  paths.sort();
  return outputs;
}
