import { Worker } from "node:worker_threads";
import type { GraphmlScanPool, ScanBatch, ScanBatchResult } from "../ingest/graphml-scan.js";
import { Wakeup } from "./wakeup.js";
import type { TableScan, TableScanJob, TableScanPool } from "../ingest/three-file-scan.js";

/** Batches sent to one thread and not yet answered, at most. */
const AHEAD = 2;

/**
 * The GraphML opening scan in `count` worker threads (ego-worker.js, task "graphml-scan"): batches are sent
 * to the thread with the fewest waiting, and their results handed on in the order the batches came.
 */
export function scanInThreads(count: number): GraphmlScanPool {
  return {
    async run(batches: AsyncIterable<ScanBatch>, onResult: (result: ScanBatchResult) => void): Promise<void> {
      const workers = Array.from({ length: count }, () => new Worker(new URL("./ego-worker.js", import.meta.url), { workerData: { task: "graphml-scan" } }));
      const waiting = workers.map(() => [] as number[]);
      const done = new Map<number, ScanBatchResult>();
      let next = 0;
      let failure: Error | undefined;
      const progress = new Wakeup();
      const signal = () => progress.signal();
      workers.forEach((worker, w) => {
        worker.on("message", (m: { results?: ScanBatchResult; failure?: string }) => {
          const seq = waiting[w].shift()!;
          if (m.results) done.set(seq, m.results);
          else failure ??= new Error(`a worker thread failed: ${m.failure}`);
          for (let r = done.get(next); r !== undefined; r = done.get(next)) {
            done.delete(next++);
            onResult(r);
          }
          signal();
        });
        worker.on("error", (e) => {
          failure ??= e;
          signal();
        });
      });
      let sent = 0;
      try {
        for await (const batch of batches) {
          for (;;) {
            if (failure) throw failure;
            let w = 0;
            for (let i = 1; i < count; i++) if (waiting[i].length < waiting[w].length) w = i;
            if (waiting[w].length < AHEAD) {
              waiting[w].push(sent++);
              workers[w].postMessage(batch);
              break;
            }
            await progress.wait();
          }
        }
        while (next < sent) {
          if (failure) throw failure;
          await progress.wait();
        }
        if (failure) throw failure;
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
    },
  };
}

/** The three-table opening scan: one worker thread per table (ego-worker.js, task "three-file-scan"). */
export function scanTablesInThreads(): TableScanPool {
  return {
    scan: (jobs: TableScanJob[]) =>
      Promise.all(
        jobs.map(
          (job) =>
            new Promise<TableScan | undefined>((resolve) => {
              const worker = new Worker(new URL("./ego-worker.js", import.meta.url), { workerData: { task: "three-file-scan" } });
              const settle = (scan: TableScan | undefined) => {
                resolve(scan);
                void worker.terminate();
              };
              worker.on("message", (m: { results?: TableScan }) => settle(m.results));
              worker.on("error", () => settle(undefined));
              worker.postMessage(job);
            }),
        ),
      ),
  };
}
