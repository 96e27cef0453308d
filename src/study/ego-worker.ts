import { parentPort, workerData } from "node:worker_threads";
import { scanBatch, type ScanBatch } from "../ingest/graphml-scan.js";
import { scanTable, type TableScanJob } from "../ingest/three-file-scan.js";
import { EgoJobRunner, type EgoJobBatch, type EgoWorkerSetup } from "./ego-job.js";

/**
 * Entry point of a worker thread: of the ego pool (see measureInWorkers), building and measuring the batches
 * of egos it is sent; or, started with a `task`, of an opening scan (see scan-in-threads.ts). Results are
 * posted back in the order sent; any exception is posted as a failure.
 */
const data = workerData as EgoWorkerSetup | { task: "graphml-scan" | "three-file-scan" };
const runner = "task" in data ? undefined : new EgoJobRunner(data);
const handle = async (message: unknown): Promise<unknown> => {
  if (runner) return runner.run(message as EgoJobBatch);
  if ("task" in data && data.task === "three-file-scan") {
    const job = message as TableScanJob;
    return scanTable(job.table, job.egoIdIndex, job.typeIndex);
  }
  return scanBatch(message as ScanBatch);
};
// One message at a time, answered in order.
let queue: Promise<void> = Promise.resolve();
parentPort!.on("message", (message: unknown) => {
  queue = queue.then(() => answer(message));
});
async function answer(message: unknown): Promise<void> {
  try {
    parentPort!.postMessage({ results: await handle(message) });
  } catch (e) {
    parentPort!.postMessage({ failure: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
