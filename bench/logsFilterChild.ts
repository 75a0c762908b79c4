// Run by bench/logsBench.ts as a bundled child: level plus text searches over a log's whole history;
// prints the time of the last one (a running server has searched before: its code is compiled) and the
// number of entries found, as JSON.

import { searchLogHistory } from '../server/src/logs/historySearch';

const SEARCHES = 3;

async function search(file: string, text: string): Promise<{ ms: number; found: number }> {
  const started = performance.now();
  let found = 0;
  for await (const batch of searchLogHistory(file, { kind: 'debug', level: 'INFO', text })) found += batch.length;
  return { ms: performance.now() - started, found };
}

async function main(file: string, text: string): Promise<void> {
  let last = await search(file, text);
  for (let round = 1; round < SEARCHES; round++) last = await search(file, text);
  process.stdout.write(JSON.stringify(last));
}

void main(process.argv[2], process.argv[3]);
