#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it). Node's compile cache, where there is one, halves start-up.
import module from 'node:module';

module.enableCompileCache?.();
const { run } = await import('../dist/cli/main.js');
await run(process.argv);
