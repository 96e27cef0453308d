import { parentPort, workerData } from "node:worker_threads";
import { EgoJobRunner, type EgoJobBatch, type EgoWorkerSetup } from "./ego-job.js";

/**
 * Entry point of a worker thread of the ego pool (see measureInWorkers): builds and measures the batches of
 * egos it is sent, and posts back their results in the same order. Any exception is posted as a failure.
 */
const runner = new EgoJobRunner(workerData as EgoWorkerSetup);
parentPort!.on("message", (batch: EgoJobBatch) => {
  try {
    parentPort!.postMessage({ results: runner.run(batch) });
  } catch (e) {
    parentPort!.postMessage({ failure: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
