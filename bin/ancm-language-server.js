#!/usr/bin/env node
// Starts the bundled ANCM language server. Editors other than VS Code run it with `--stdio`.
require('../dist/server.js');
