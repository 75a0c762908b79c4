// Entry point of the bundled `ancm` command.

import { main, processContext } from './main';

main(process.argv.slice(2), processContext()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ancm: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
