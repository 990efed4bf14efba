#!/usr/bin/env node
// Entry point of the `newsbot` CLI: runs the compiled JavaScript (built by `npm run build`,
// which `npm ci` runs through the `prepare` script).
import '../dist/src/cli.js';
