#!/usr/bin/env node
// The `ancm` command line (check, logs), bundled.
require('../dist/cli.js');
