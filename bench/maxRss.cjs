// Preloaded into the measured `ancm` process (node --require): writes its peak memory to the file named by
// ANCM_BENCH_RSS_FILE when it exits, so the benchmark reads the product's own figure.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.ANCM_BENCH_RSS_FILE) writeFileSync(process.env.ANCM_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS / 1024));
});
