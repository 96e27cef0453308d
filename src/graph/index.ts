export * from "./compact-adjacency.js";
export * from "./exclude-alter.js";
export * from "./build-ego-graph.js";
