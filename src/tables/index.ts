export * from "./table.js";
export * from "./format-number.js";
export * from "./format-cell.js";
export * from "./neutralise-formula.js";
export * from "./write-csv.js";
export * from "./write-markdown.js";
export * from "./write-json.js";
export * from "./render-terminal.js";
