export * from "./compact-adjacency.js";
export * from "./exclude-alter.js";
export * from "./build-ego-graph.js";
export * from "./core-numbers.js";
export * from "./connected-components.js";
export * from "./alter-betweenness.js";
export * from "./component-labels.js";
export * from "./sociogram-ties.js";
