#!/usr/bin/env node
// Entry point of the `caravan` command: the bundled CLI (built by `npm install` via `prepare`: tsc, then scripts/bundle.mjs).
import "../dist/cli/main.js";
