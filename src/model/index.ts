export * from "./value.js";
export * from "./source-ref.js";
export * from "./variable.js";
export * from "./codebook.js";
export * from "./ego-network.js";
export * from "./problem.js";
export * from "./study-config.js";
export * from "./network-canvas-columns.js";
