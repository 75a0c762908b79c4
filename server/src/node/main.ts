// Entry point of the bundled server: the only file that knows the transport. `createConnection()`
// picks it from the command line (`--stdio` for most editors, `--node-ipc` for the VS Code client).

import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';

// V8 learns from the first findings of a validation pass, which the issue cap keeps, that their allocation sites'
// objects live long, and then allocates every later finding straight into the old generation, where only a full
// collection frees it: on a 20 MB file with a problem on each of 300,000 entries the peak then varied from 280 to
// 480 MB between runs. Without that guess the findings die young and the peak stays at the model's size.
setFlagsFromString('--no-allocation-site-pretenuring');

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, never the server: report it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

startServer(connection);
