#!/usr/bin/env node
// Thin launcher: the compiled CLI does everything (run `npm run build` after a change).
import { main } from '../dist/src/cli/main.js';

await main(process.argv);
