// Preloaded into the language server by bench/editorBench.ts (node --expose-gc --require): on SIGUSR2 it runs a
// full collection and writes the heap then in use, in MiB, to the file named by ANCM_BENCH_HEAP_FILE. The benchmark
// then tells the memory the server keeps from garbage V8 has not collected yet.
const { writeFileSync } = require('node:fs');
process.on('SIGUSR2', () => {
  globalThis.gc();
  writeFileSync(process.env.ANCM_BENCH_HEAP_FILE, String(process.memoryUsage().heapUsed / 1024 / 1024));
});
