import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on first use instead of at start-up. Loading every package a command might
 * need took a good part of a short run (the special functions behind the p-values alone take about 50 ms,
 * and most runs compute none); each caller names the package and its type once.
 *
 * Example: const erfc = lazyModule<typeof import("@stdlib/math-base-special-erfc")>("@stdlib/math-base-special-erfc");
 *          erfc()(0.5) → 0.4795001221869535.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
