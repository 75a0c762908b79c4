// `ancm published [PROJECT]`: the project's web.config as `dotnet publish` writes it (the Web SDK's rewrite, then the
// XDT transforms in the SDK's order) for a configuration, publish profile and environment, printed to standard output;
// what each step did, the problems that fail or warn the publish, and with --check the web.config rules' findings on
// the result, to standard error. So CI sees the web.config a deploy will get before it deploys.

import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { projectFileAccess } from '../project/projectFiles';
import { projectFolderOf, publishProject } from '../project/publishedProject';
import { type PublishedWebConfig, doValidation, parseWebConfig } from '../service/languageService';
import { type CommandContext, UsageError } from './commandContext';
import { visibleText } from './formats/visibleText';

export const PUBLISHED_USAGE = `Usage: ancm published [PROJECT] [options]

Prints the web.config that \`dotnet publish\` writes for the project: the Web SDK's rewrite of the project's
web.config (processPath and arguments, hostingModel, stdoutLogFile, ASPNETCORE_ENVIRONMENT) followed by the
XDT transforms in the SDK's order (web.<Configuration>.config, web.<Profile>.config, web.<Environment>.config,
the profile's .transform). PROJECT is a project folder, its project file or its web.config (default: the
current folder). The project's properties are read from its files (Directory.Build.props, the project, the
profile's .pubxml); properties set by other imports are not seen.

Options:
  -c, --configuration NAME   the build configuration (default: Release)
  -p, --profile NAME         a publish profile, Properties/PublishProfiles/NAME.pubxml (default: none)
  -e, --environment NAME     $(EnvironmentName) (default: the project's own)
      --check                also run the web.config rules on the result; their findings go to standard error
  -h, --help                 show this help

Exit codes: 0 the publish succeeds (and with --check, no rule reports an error), 1 it fails (an SDK error, a
transform that fails) or a rule reports an error, 2 usage or I/O error (no project found).`;

interface PublishedOptions {
  readonly target: string;
  readonly configuration: string;
  readonly profile: string | undefined;
  readonly environment: string | undefined;
  readonly check: boolean;
}

function parsePublishedArguments(args: readonly string[], cwd: string): PublishedOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      configuration: { type: 'string', short: 'c', default: 'Release' },
      profile: { type: 'string', short: 'p' },
      environment: { type: 'string', short: 'e' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError('give one project');
  if (values.configuration.trim() === '') throw new UsageError('--configuration: give a name');
  return { target: path.resolve(cwd, positionals[0] ?? '.'), configuration: values.configuration.trim(), profile: values.profile?.trim() || undefined, environment: values.environment?.trim() || undefined, check: values.check };
}

export async function runPublished(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parsePublishedArguments(args, context.cwd);
  if (options === 'help') {
    context.out(PUBLISHED_USAGE);
    return 0;
  }
  const isFolder = await stat(options.target).then((info) => info.isDirectory(), () => undefined);
  if (isFolder === undefined) return context.fail(`cannot read ${options.target}: no such file or folder`);
  // The command line reads what it is pointed at: the whole file system is its root.
  const access = projectFileAccess(options.target, [path.parse(options.target).root]);
  const projectFolder = await projectFolderOf(access, isFolder ? options.target : path.dirname(options.target));
  if (!projectFolder) return context.fail(`no project file (.csproj, .fsproj, .vbproj) in ${isFolder ? options.target : path.dirname(options.target)} or the folders above it`);
  const result = await publishProject(access, projectFolder, {
    configuration: options.configuration,
    ...(options.profile && { publishProfile: options.profile }),
    ...(options.environment && { environmentName: options.environment }),
  });
  if (!result) return context.fail(`cannot read the project file in ${projectFolder}`);
  if (result.text !== '') context.out(result.text);
  reportSteps(result, context);
  const failed = result.problems.some((problem) => problem.severity === 'error');
  const ruleErrors = options.check && result.text !== '' ? reportRules(result.text, context) : 0;
  return failed || ruleErrors > 0 ? 1 : 0;
}

function reportSteps(result: PublishedWebConfig, context: CommandContext): void {
  const choice = [result.configuration, result.publishProfile && `profile ${result.publishProfile}`, result.environmentName && `environment ${result.environmentName}`].filter(Boolean).join(', ');
  context.error(`ancm published (${choice}):`);
  for (const step of result.steps) {
    if (step.outcome !== 'absent') context.error(`  ${step.outcome.padEnd(8)} ${step.fileName}: ${step.reason}`);
  }
  for (const problem of result.problems) context.error(`${problem.fileName}: ${problem.severity}: ${visibleText(problem.message)}`);
}

/** The web.config rules on the published text, one line each; returns how many are errors. */
function reportRules(text: string, context: CommandContext): number {
  const { issues } = doValidation(parseWebConfig(text));
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  for (const issue of issues) {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= issue.start) line++;
    context.error(`web.config (published):${line + 1}:${issue.start - lineStarts[line] + 1}: ${issue.severity}: ${visibleText(issue.message)} [${issue.rule}]`);
  }
  return issues.filter((issue) => issue.severity === 'error').length;
}
