// The `ancm` command line: `ancm check` (web.config diagnostics for CI) and `ancm logs` (a site's logs).

import { runCheck } from './checkCommand';
import { runLogs } from './logsCommand';
import { type CommandContext, UsageError } from './commandContext';

const USAGE = `Usage: ancm <command> [options]

Commands:
  check [paths or globs...]   check web.config files (see: ancm check --help)
  logs [site|web.config]      print and follow a site's stdout and ANCM debug logs (see: ancm logs --help)

Options:
  -h, --help      show this help
  -v, --version   show the version`;

declare const ANCM_VERSION: string | undefined;
const VERSION = typeof ANCM_VERSION === 'string' ? ANCM_VERSION : 'dev';

const COMMANDS: Record<string, (args: readonly string[], context: CommandContext) => Promise<number>> = {
  check: runCheck,
  logs: runLogs,
};

export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    context.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    context.out(context.version);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) return context.fail(`unknown command "${command}"\n\n${USAGE}`);
  try {
    return await run(rest, context);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      return context.fail(`${(error as Error).message}\nRun "ancm ${command} --help" for usage.`);
    }
    return context.fail(`unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

export function processContext(): CommandContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
    version: VERSION,
    out: (line) => process.stdout.write(line + '\n'),
    error: (line) => process.stderr.write(line + '\n'),
    fail(message) {
      process.stderr.write(`ancm: ${message}\n`);
      return 2;
    },
  };
}
