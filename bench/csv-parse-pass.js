// The floor for any tool that must read a cohort: one plain csv-parse pass over every CSV file in a folder
// (records counted, nothing else), in a process of its own as `netsp analyse` runs. Prints JSON.
// Usage: node bench/csv-parse-pass.js <folder>
import { createReadStream, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse";

const dir = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".csv"))
  .sort();
let records = 0;
for (const f of files) {
  const parser = createReadStream(path.join(dir, f)).pipe(parse({ relax_column_count: true }));
  for await (const _ of parser) records++;
}
process.stdout.write(JSON.stringify({ files: files.length, records }) + "\n");
