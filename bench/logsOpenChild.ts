// Run by bench/logsBench.ts as a bundled child: opens a debug log the way the panel and `ancm logs` do
// (a SiteLogFollower) and keeps its last 1,000 entries; prints the timings and the peak memory as JSON.
// The first open runs cold code; later opens are what a running language server does for the next site.

import * as path from 'node:path';
import { SiteLogFollower } from '../server/src/logs/siteLogFollower';

const WARM_OPENS = 5;

async function openOnce(file: string): Promise<{ ms: number; entries: number }> {
  const started = performance.now();
  const site = { siteRoot: path.dirname(file), stdoutFolder: path.dirname(file), stdoutPrefix: 'stdout', stdoutEnabled: false, debugLog: file, debugLevel: undefined, logLevel: undefined, stdoutLogFileSetting: '.\\stdout', debugFileSetting: file };
  const follower = new SiteLogFollower(site, { watch: false });
  let shown: number[] = [];
  follower.onEntries((_, entries) => {
    shown = [...shown, ...entries.map((entry) => entry.offset)].slice(-1000);
  });
  await follower.start();
  follower.flush();
  const ms = performance.now() - started;
  await follower.stop();
  return { ms, entries: shown.length };
}

async function main(file: string): Promise<void> {
  const cold = await openOnce(file);
  const warm: number[] = [];
  let entries = cold.entries;
  for (let open = 0; open < WARM_OPENS; open++) {
    const result = await openOnce(file);
    warm.push(result.ms);
    entries = result.entries;
  }
  warm.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ coldMs: cold.ms, ms: warm[Math.floor(warm.length / 2)], entries, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main(process.argv[2]);
