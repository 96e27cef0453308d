#!/usr/bin/env node
// Entry point: the CLI compiled (tsc, into dist/) and bundled into one file, dist/main.js, by `npm run
// build`, which npm runs on install. One file starts several times faster than the modules it holds.
import { main } from "../dist/main.js";

main(process.argv);
