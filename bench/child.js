// Runs one netsp command exactly as bin/netsp.js does, then reports the process's peak resident memory
// (ru_maxrss, worker threads included) on stderr as a last line "netsp-bench-maxrss <kilobytes>".
// Usage: node bench/child.js analyse <folder> --out <dir> ...
process.on("exit", () => process.stderr.write(`\nnetsp-bench-maxrss ${process.resourceUsage().maxRSS}\n`));
await import("../bin/netsp.js");
