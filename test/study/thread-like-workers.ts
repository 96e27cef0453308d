import { EgoJobRunner, type EgoJobBatch, type EgoJobResult } from "../../src/study/ego-job.js";
import type { SpawnEgoWorker } from "../../src/study/measure-in-workers.js";

/**
 * Workers that run in this thread (the test runner executes TypeScript, which a worker thread cannot): each
 * "worker" gets structured clones of its batches, as a thread would, and answers after a random delay, so
 * results come back out of order. Real threads are compared in jobs-bin.test.ts.
 */
export function threadLikeWorkers(seed: number): SpawnEgoWorker {
  let state = seed;
  const delay = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % 4;
  };
  return (setup) => {
    const runner = new EgoJobRunner(structuredClone(setup));
    let onResults: (r: EgoJobResult[]) => void = () => undefined;
    return {
      post: (batch: EgoJobBatch) => {
        const copy = structuredClone(batch);
        setTimeout(() => onResults(structuredClone(runner.run(copy))), delay());
      },
      listen: (results) => (onResults = results),
      terminate: async () => undefined,
    };
  };
}
