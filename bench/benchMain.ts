// How a benchmark script runs: its steps said on stderr as it goes, a watchdog so that a stuck server cannot hold the
// shared machine, and a failure's stack printed with exit code 1.

/** One step of the run, on stderr (stdout carries the results). */
export function progress(step: string): void {
  process.stderr.write(`... ${step}\n`);
}

/** Runs `main`, ending the process when it takes longer than `watchdogMs`. */
export function runBenchmark(main: () => Promise<void>, watchdogMs: number): void {
  const watchdog = setTimeout(() => {
    console.error(`The benchmark did not finish within ${watchdogMs / 1000} s.`);
    process.exit(1);
  }, watchdogMs);
  watchdog.unref();
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exitCode = 1;
  });
}
