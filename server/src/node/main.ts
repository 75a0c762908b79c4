// Entry point of the bundled server: the only file that knows the transport. `createConnection()`
// picks it from the command line (`--stdio` for most editors, `--node-ipc` for the VS Code client).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, never the server: report it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

startServer(connection);
