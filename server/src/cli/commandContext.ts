// What a subcommand gets from the process: where it runs, how to print, and how to fail. Tests pass
// their own to capture output without spawning.

export interface CommandContext {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Whether to colour the output (a terminal, and NO_COLOR not set). */
  readonly color: boolean;
  readonly version: string;
  out(line: string): void;
  error(line: string): void;
  /** Reports a usage or I/O problem and gives exit code 2. */
  fail(message: string): number;
}

/** A problem with the command line itself: reported with the usage hint, exit code 2. */
export class UsageError extends Error {}
