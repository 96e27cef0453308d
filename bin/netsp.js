#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm run build`, which npm runs on install).
import { main } from "../dist/cli/main.js";

main(process.argv);
