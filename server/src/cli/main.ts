// The `ancm` command line: `ancm check` (web.config diagnostics for CI), `ancm logs` (a site's logs), `ancm explain`
// (what an ANCM failure means) and `ancm published` (the web.config a publish writes).

import { runCheck } from './checkCommand';
import { runExplain } from './explainCommand';
import { runLogs } from './logsCommand';
import { runPublished } from './publishedCommand';
import { type CommandContext, UsageError } from './commandContext';

const USAGE = `Usage: ancm <command> [options]

Commands:
  check [paths or globs...]   check web.config files, and publish folders (see: ancm check --help)
  logs [site|web.config]      print and follow a site's stdout and ANCM debug logs (see: ancm logs --help)
  explain <code|FILE|->       what an ANCM failure means and how to fix it: an HRESULT, 500.31, an event id,
                              or the failures in a log (see: ancm explain --help)
  published [PROJECT]         the web.config \`dotnet publish\` writes for a configuration, profile and
                              environment (see: ancm published --help)

Options:
  -h, --help      show this help
  -v, --version   show the version`;

declare const ANCM_VERSION: string | undefined;
const VERSION = typeof ANCM_VERSION === 'string' ? ANCM_VERSION : 'dev';

const COMMANDS: Record<string, (args: readonly string[], context: CommandContext) => Promise<number>> = {
  check: runCheck,
  logs: runLogs,
  explain: runExplain,
  published: runPublished,
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
  // A reader that goes away (`ancm logs | head -1`) ends the output, not the process with an EPIPE stack
  // trace: the rest of the output is dropped, the command ends with its own exit status (a running --fix
  // is not cut halfway), and a follow stops. Any other write error (a full disk) is reported, and the
  // exit status is 2. Both arrive as 'error' events after the write, possibly after the command ended.
  let stdoutOpen = true;
  let stderrOpen = true;
  let outputClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (outputClosed = resolve));
  const writeError = (text: string) => {
    if (stderrOpen) process.stderr.write(text);
  };
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (!stdoutOpen) return;
    stdoutOpen = false;
    outputClosed();
    if (error.code === 'EPIPE') return;
    writeError(`ancm: cannot write the output (${error.code ?? error.message})\n`);
    process.once('exit', () => (process.exitCode = 2));
  });
  // stderr has nowhere left to report its own failure.
  process.stderr.on('error', () => (stderrOpen = false));
  return {
    cwd: process.cwd(),
    env: process.env,
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
    version: VERSION,
    stdin: process.stdin,
    out(line) {
      if (stdoutOpen) process.stdout.write(line + '\n');
    },
    error: (line) => writeError(line + '\n'),
    fail(message) {
      writeError(`ancm: ${message}\n`);
      return 2;
    },
    untilStopped: () =>
      new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
        void closed.then(resolve);
      }),
  };
}
