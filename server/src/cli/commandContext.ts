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
  /**
   * Resolves when a command that runs until stopped (`ancm logs --follow`) should end: Ctrl+C, SIGTERM, or
   * the reader of the output went away (`| head -1`). Called only by such a command: until then Ctrl+C
   * keeps its default of ending the process at once.
   */
  untilStopped(): Promise<void>;
  /** Standard input, for `ancm logs -`; absent where there is none to read (an empty input). */
  readonly stdin?: AsyncIterable<Buffer | string>;
}

/** A problem with the command line itself: reported with the usage hint, exit code 2. */
export class UsageError extends Error {}
