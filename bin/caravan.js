#!/usr/bin/env node
// Entry point of the `caravan` command: the compiled CLI (built by `npm install` via `prepare`).
import "../dist/src/cli/main.js";
