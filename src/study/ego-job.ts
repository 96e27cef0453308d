import { buildEgo, type BuildSetup, type EgoParts } from "../ingest/ego-parts.js";
import type { GraphmlEgoParts } from "../ingest/graphml-build.js";
import type { ThreeFileEgoParts } from "../ingest/three-file-build.js";
import type { SidePiece } from "../ingest/network-canvas-csv/csv-ego-parts.js";
import type { Ego, EgoNetwork } from "../model/index.js";
import { ProblemList } from "../model/index.js";
import type { ColumnPlan } from "../ingest/plan-columns.js";
import { measureEgo, type EgoRow, type EgoRowSpec } from "./measure-ego.js";

/**
 * The messages between the main thread and the worker threads that build and measure egos. Everything here
 * is plain data (structured-clonable); column plans, shared by many files, travel once each, by id.
 */

/** What every worker gets when it starts. */
export interface EgoWorkerSetup {
  build: BuildSetup;
  spec: EgoRowSpec;
}

/**
 * One ego to build and measure: its EgoParts, a Network Canvas CSV interview's side files with their plans
 * replaced by ids; other parts (a GraphML graph, three-table rows) as they are.
 */
export type EgoJob =
  | { index: number; kind: "network-canvas-csv"; ego: Ego; sides: EgoJobSide[] }
  | { index: number; kind: "parts"; parts: GraphmlEgoParts | ThreeFileEgoParts };

/** One side file's rows of a Network Canvas CSV interview, its plan sent by id. */
export interface EgoJobSide {
  name: string;
  kind: "node" | "edge";
  type: string;
  plan: number;
  width: number;
  pieces: SidePiece[];
}

export interface EgoJobBatch {
  /** Plans this worker has not had yet. */
  plans: Array<[number, ColumnPlan]>;
  jobs: EgoJob[];
}

export interface EgoJobResult {
  index: number;
  /** Absent when the ego could not be built here (the main thread builds and measures it). */
  measured?: EgoRow;
  /** Problems building the ego reported (with no memory of other egos): when any, the main thread builds it again. */
  problems: number;
  /** For "parts" jobs: the ego's id and where it was read (a GraphML reader learns them only when it is built). */
  ego?: Pick<Ego, "egoId" | "source">;
  /** The ego's distinct alter ids, in order, joined by NUL (a NUL byte cannot reach an id): checkNetwork remembers them. */
  alterIds: string;
  /** With problems: the job itself, for the main thread to build the ego again (it does not keep the text). */
  job?: EgoJob;
}

/** A worker's state: its setup and the plans it has been sent. */
export class EgoJobRunner {
  private readonly plans = new Map<number, ColumnPlan>();

  constructor(private readonly setup: EgoWorkerSetup) {}

  /** Builds and measures each ego of a batch, each with a fresh problem list. */
  run(batch: EgoJobBatch): EgoJobResult[] {
    for (const [id, plan] of batch.plans) this.plans.set(id, plan);
    return batch.jobs.map((job) => {
      const parts = partsOfJob(job, (id) => this.plan(id));
      const problems = new ProblemList();
      let network: EgoNetwork;
      try {
        network = buildEgo(parts, this.setup.build, problems);
      } catch (e) {
        // A GraphML graph that needs what only the main thread has (a plan, an error's exact place).
        if (job.kind !== "parts") throw e;
        return { index: job.index, problems: 1, alterIds: "", job };
      }
      const result: EgoJobResult = {
        index: job.index,
        measured: measureEgo(network, this.setup.spec),
        problems: problems.problems.length,
        alterIds: distinctAlterIds(network),
      };
      if (job.kind === "parts") result.ego = { egoId: network.ego.egoId, source: network.ego.source };
      if (result.problems > 0) result.job = job;
      return result;
    });
  }

  private plan(id: number): ColumnPlan {
    const plan = this.plans.get(id);
    if (plan === undefined) throw new Error(`bug: plan ${id} was not sent to this worker`);
    return plan;
  }
}

function distinctAlterIds(network: EgoNetwork): string {
  const ids = new Set<string>();
  for (const a of network.alters) ids.add(a.alterId);
  return [...ids].join("\u0000");
}

/** The job for one ego's parts (its index in input order), each side file's plan given an id by `planId`. */
export function jobOfParts(index: number, parts: EgoParts, planId: (plan: ColumnPlan) => number): EgoJob {
  if (parts.kind === "graphml" || parts.kind === "three-file") return { index, kind: "parts", parts };
  return {
    index,
    kind: "network-canvas-csv",
    ego: parts.ego,
    sides: parts.sides.map((s) => ({ name: s.file.name, kind: s.file.kind, type: s.file.type, plan: planId(s.file.plan), width: s.file.width, pieces: s.pieces })),
  };
}

/** The EgoParts a job was made from, its plans looked up by id. */
export function partsOfJob(job: EgoJob, planOf: (id: number) => ColumnPlan): EgoParts {
  if (job.kind === "parts") return job.parts;
  return {
    kind: "network-canvas-csv",
    ego: job.ego,
    sides: job.sides.map((s) => ({
      file: { name: s.name, kind: s.kind, type: s.type, plan: planOf(s.plan), width: s.width },
      pieces: s.pieces,
    })),
  };
}
