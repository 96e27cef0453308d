import { Worker } from "node:worker_threads";
import { checkNetwork } from "../ingest/check-network.js";
import type { ColumnPlan } from "../ingest/plan-columns.js";
import type { Dataset } from "../ingest/dataset.js";
import { plainBuilder, type EgoBuilder, type EgoParts } from "../ingest/ego-parts.js";
import { REMEMBERED_ALTERS } from "../ingest/check-network.js";
import type { Codebook, Ego, EgoNetwork, Problem, ProblemSink } from "../model/index.js";
import { jobOfParts, partsOfJob, type EgoJob, type EgoJobBatch, type EgoJobResult, type EgoWorkerSetup } from "./ego-job.js";
import { Wakeup } from "./wakeup.js";
import { measureEgo, type EgoRow, type EgoRowSpec } from "./measure-ego.js";

/** Egos read but not yet taken in order, at most. */
const MAX_HELD = 1024;

/** The main thread's end of one worker. */
export interface EgoWorker {
  post(batch: EgoJobBatch): void;
  /** Called with each batch's results (in the batch's order), or a failure (a bug) from the worker. */
  listen(onResults: (results: EgoJobResult[]) => void, onFailure: (error: Error) => void): void;
  terminate(): Promise<unknown>;
}

export type SpawnEgoWorker = (setup: EgoWorkerSetup) => EgoWorker;

/**
 * Whether worker threads can run: the worker is compiled JavaScript (dist/), not the TypeScript source a
 * test runner executes in place. Where they cannot, everything runs in this thread (same results).
 */
export const WORKER_THREADS_AVAILABLE = import.meta.url.endsWith(".js");

/** A worker thread running ego-worker.js. */
export function spawnEgoThread(setup: EgoWorkerSetup): EgoWorker {
  const worker = new Worker(new URL("./ego-worker.js", import.meta.url), { workerData: setup });
  let stopping = false;
  return {
    post: (batch) => worker.postMessage(batch),
    listen(onResults, onFailure) {
      worker.on("message", (m: { results?: EgoJobResult[]; failure?: string }) => {
        if (m.results) onResults(m.results);
        else onFailure(new Error(`a worker thread failed: ${m.failure}`));
      });
      worker.on("error", (e) => onFailure(e instanceof Error ? e : new Error(String(e))));
      worker.on("exit", (code) => {
        if (!stopping) onFailure(new Error(`a worker thread stopped (exit code ${code})`));
      });
    },
    terminate: () => {
      stopping = true;
      return worker.terminate();
    },
  };
}

export interface WorkerRunOptions {
  /** Worker threads; 1: build and measure in this thread. */
  workers: number;
  /** Read merged exports in one pass (see PartsOptions); RowsOutOfOrder may then be thrown. */
  inOrder: boolean;
  /** Reading again, after RowsOutOfOrder. */
  again?: boolean;
  /** Called once per ego, in input order. */
  onEgo: (measured: EgoRow) => void;
  /** For tests: how workers are started (default: threads). */
  spawn?: SpawnEgoWorker;
  /** Egos per message to a worker. */
  batchSize?: number;
}

/**
 * Builds and measures every ego of a dataset that gives its interviews in parts (Dataset.parts) in worker
 * threads, with exactly the results and problems of doing it in this thread (`dataset.egos()` then
 * measureEgo):
 * - this thread reads the data into EgoParts (reading problems are held per ego): a Network Canvas CSV or
 *   three-table interview's rows, a GraphML `<graph>`'s bytes;
 * - the workers build (buildEgo: decoding the rows, parsing the graph) and measure (measureEgo) them, in
 *   batches;
 * - results are taken in input order: the ego's reading problems are reported, then its row handed on;
 * - building problems depend on what came before (a warning given once per variable, an endpoint that is
 *   another ego's alter): a worker only says whether an ego had any, and such an ego is built again here,
 *   its problems reported to the same sink as in one thread, after the alter ids of the egos before it
 *   (which the workers send back) have been passed through checkNetwork's memory; what only the reading's
 *   memory can tell of an ego built without problems (a GraphML ego id read twice) is checked here
 *   (EgoBuilder.builtElsewhere).
 * So `--jobs` changes the time taken, never the output.
 */
export async function measureInWorkers(
  dataset: Dataset,
  codebook: Codebook,
  spec: EgoRowSpec,
  problems: ProblemSink,
  options: WorkerRunOptions,
): Promise<void> {
  if (options.workers <= 1) {
    // One thread: the same parts, built and measured here, problems straight to the sink.
    const sink = new SwitchSink(problems);
    const builder = builderOf(dataset, codebook);
    const source = partsOf(dataset, sink, options);
    for await (const parts of source) options.onEgo(measureEgo(builder.build(parts, sink), spec));
    return;
  }
  const spawn = options.spawn ?? spawnEgoThread;
  const batchSize = options.batchSize ?? 16;
  const count = Math.max(1, options.workers);
  // Each worker is kept two batches ahead. Egos are held until their results are taken in order (an ego
  // with problems is built again here), at most MAX_HELD of them, whatever a slow batch holds up.
  const queueLimit = count * batchSize * 2;
  const heldLimit = Math.max(MAX_HELD, queueLimit * 2);
  const sink = new SwitchSink(problems);
  const builder = builderOf(dataset, codebook);
  const memory = new AlterMemory(builder, sink);

  const setup: EgoWorkerSetup = { build: builder.setup, spec };
  const workers: EgoWorker[] = [];
  const load: number[] = [];
  const sent: Array<Set<number>> = [];
  const planIds = new Map<ColumnPlan, number>();
  const plans: ColumnPlan[] = [];
  // Per ego sent and not yet taken: the ego and its reading problems. Not its text, which is a worker's now:
  // kept here, it would keep alive the chunks of the files it was cut from until the ego is taken.
  const inflight = new Map<number, { ego: Ego | undefined; early: Problem[] }>();
  const done = new Map<number, EgoJobResult>();
  let next = 0;
  let failure: Error | undefined;
  const progress = new Wakeup();
  const signal = () => progress.signal();
  const waitForProgress = () => progress.wait();

  const take = (results: EgoJobResult[]) => {
    for (const r of results) done.set(r.index, r);
    try {
      for (let r = done.get(next); r !== undefined; r = done.get(next)) {
        done.delete(next);
        const job = inflight.get(next)!;
        inflight.delete(next);
        for (const p of job.early) problems.report(p);
        let measured = r.measured;
        if (r.problems > 0) {
          if (r.job === undefined) throw new Error("bug: a worker sent no job back for an ego with problems");
          const network = memory.rebuild(partsOfJob(r.job, (id) => plans[id]), problems);
          measured ??= measureEgo(network, spec);
        } else {
          const ego = job.ego ?? r.ego;
          if (ego === undefined || measured === undefined) throw new Error("bug: a worker's result lacks its ego");
          if (job.ego === undefined) builder.builtElsewhere(ego, problems);
          memory.add(ego, r.alterIds);
        }
        options.onEgo(measured);
        next++;
      }
    } catch (e) {
      failure ??= e instanceof Error ? e : new Error(String(e));
    }
    signal();
  };

  for (let w = 0; w < count; w++) {
    const worker = spawn(setup);
    const index = w;
    worker.listen(
      (results) => {
        load[index] -= results.length;
        take(results);
      },
      (e) => {
        failure ??= e;
        signal();
      },
    );
    workers.push(worker);
    load.push(0);
    sent.push(new Set());
  }

  const queued = () => load.reduce((a, b) => a + b, 0) + batch.length;
  let batch: EgoJob[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    let w = 0;
    for (let i = 1; i < workers.length; i++) if (load[i] < load[w]) w = i;
    const fresh: Array<[number, ColumnPlan]> = [];
    for (const job of batch) {
      if (job.kind !== "network-canvas-csv") continue;
      for (const side of job.sides) {
        if (!sent[w].has(side.plan)) {
          sent[w].add(side.plan);
          fresh.push([side.plan, plans[side.plan]]);
        }
      }
    }
    load[w] += batch.length;
    workers[w].post({ plans: fresh, jobs: batch });
    batch = [];
  };

  const parts = partsOf(dataset, sink, options)[Symbol.asyncIterator]();
  const planId = (plan: ColumnPlan) => {
    let id = planIds.get(plan);
    if (id === undefined) {
      planIds.set(plan, (id = plans.length));
      plans.push(plan);
    }
    return id;
  };
  let total = 0;
  let trailing: Problem[] = [];
  try {
    for (;;) {
      while ((queued() >= queueLimit || inflight.size >= heldLimit) && failure === undefined) {
        flush();
        await waitForProgress();
      }
      if (failure !== undefined) break;
      const early: Problem[] = [];
      sink.target = early;
      const r = await parts.next();
      if (r.done) {
        trailing = early;
        break;
      }
      const job = jobOfParts(total, r.value, planId);
      inflight.set(total, { ego: job.kind === "network-canvas-csv" ? job.ego : undefined, early });
      batch.push(job);
      total++;
      if (batch.length >= batchSize) flush();
    }
    flush();
    while (next < total && failure === undefined) await waitForProgress();
    if (failure !== undefined) throw failure;
    sink.target = problems;
    for (const p of trailing) problems.report(p);
  } finally {
    await parts.return?.(undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The builder of one reading of the dataset's parts. */
function builderOf(dataset: Dataset, codebook: Codebook): EgoBuilder {
  return dataset.builder?.() ?? plainBuilder(codebook);
}

/** The dataset's interviews in parts, read with the run's options. */
function partsOf(dataset: Dataset, sink: ProblemSink, options: WorkerRunOptions): AsyncIterable<EgoParts> {
  if (dataset.parts === undefined) throw new Error("bug: measureInWorkers needs a dataset that gives its interviews in parts");
  return dataset.parts(sink, { inOrder: options.inOrder, again: options.again });
}

/**
 * A sink whose destination can be switched. Some problems are given once per sink (a warning per variable)
 * or depend on what the sink has seen (alter ids of earlier egos): a new SwitchSink starts that memory afresh.
 */
export class SwitchSink implements ProblemSink {
  target: ProblemSink | Problem[];
  constructor(target: ProblemSink) {
    this.target = target;
  }
  report(problem: Problem): void {
    if (Array.isArray(this.target)) this.target.push(problem);
    else this.target.report(problem);
  }
}

/**
 * Rebuilds egos in this thread with the memory one thread would have had. checkNetwork remembers the last
 * REMEMBERED_ALTERS alter ids (to tell an endpoint that is another ego's alter); egos built only in workers
 * are passed through it (their alter ids, as a network with no ties) just before an ego is rebuilt here.
 * Those egos had no problems at all, so doing so reports nothing.
 */
class AlterMemory {
  private queue: Array<{ ego: Pick<Ego, "egoId" | "source">; ids: string[] }> = [];
  private queued = 0;

  constructor(
    private readonly builder: EgoBuilder,
    private readonly sink: SwitchSink,
  ) {}

  add(ego: Pick<Ego, "egoId" | "source">, alterIds: string): void {
    const ids = alterIds === "" ? [] : alterIds.split("\u0000");
    this.queue.push({ ego, ids });
    this.queued += ids.length;
    // Only the last REMEMBERED_ALTERS ids can matter.
    while (this.queue.length > 1 && this.queued - this.queue[0].ids.length >= REMEMBERED_ALTERS) this.queued -= this.queue.shift()!.ids.length;
  }

  rebuild(parts: EgoParts, problems: ProblemSink): EgoNetwork {
    const saved = this.sink.target;
    const replayed: Problem[] = [];
    this.sink.target = replayed;
    const quiet: Codebook = { source: "inferred", ego: {}, node: {}, edge: {} };
    for (const { ego, ids } of this.queue) {
      if (ids.length === 0) continue;
      const alters = ids.map((alterId) => ({ egoId: ego.egoId, alterId, nodeType: "", attributes: {}, source: ego.source }));
      checkNetwork({ ego: { ...ego, attributes: {}, meta: {} }, alters, ties: [] }, quiet, this.sink);
    }
    this.queue = [];
    this.queued = 0;
    if (replayed.length > 0) throw new Error(`bug: replaying alter ids reported ${replayed[0].code}`);
    this.sink.target = problems;
    try {
      return this.builder.build(parts, this.sink);
    } finally {
      this.sink.target = saved;
    }
  }
}
