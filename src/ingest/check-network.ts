import type { Codebook, EgoNetwork, ProblemSink, SourceRef, Tie } from "../model/index.js";
import { NearIds } from "./near-id.js";
import { showId } from "./quote-cell-value.js";

/**
 * How many alter ids, across egos, are remembered to tell "a tie to another ego's alter" from "a tie to an
 * unknown alter". A first-in-first-out window keeps memory bounded (about 100 bytes per id) whatever the
 * number of egos: a tie pointing at an alter of an ego read within the last this-many alters is reported as
 * such; further back (or at an ego read later) it is reported as an unknown alter. Either way it is an error.
 */
export const REMEMBERED_ALTERS = 100_000;

/**
 * Longest ego or alter id accepted, in characters. Real ids are UUIDs or short case ids; a longer one is a
 * shifted column or a damaged file, and could not be written to a spreadsheet cell (Excel holds 32,767).
 */
export const MAX_ID_LENGTH = 1000;

/**
 * The per-ego checks every reader runs on each interview before handing it on. Nothing is dropped or
 * changed here: the graph builder merges and drops exactly as the warnings say.
 * - errors: an alter id used twice in the ego (`duplicate-alter`); a tie whose endpoint is not an alter of
 *   the ego (`unknown-endpoint`, saying when an alter id differs from it only in spaces at either end, in
 *   letter case or in Unicode normalisation) or is an alter of another ego (`endpoint-of-other-ego`); an ego
 *   or alter id longer than MAX_ID_LENGTH characters (`long-id`);
 * - a warning for an ego id with spaces at either end (`id-whitespace`): it is kept as it is;
 * - warnings: a self-loop (`self-loop`, left out of the graph); the same tie twice (`duplicate-tie`) or
 *   once each way (`reciprocal-tie`) within one edge type (merged into one tie); an ego without alters
 *   (`no-alters`, kept with size 0); a node or edge type the protocol's codebook does not list
 *   (`unknown-node-type`, `unknown-edge-type`, once per type).
 * Problems carry file, line, egoId, code and a plain-English message.
 *
 * Example: an ego whose Close ties are a–b and b–a gets one `reciprocal-tie` warning at the second row.
 */
export function checkNetwork(network: EgoNetwork, codebook: Codebook, problems: ProblemSink): void {
  const memory = memoryOf(problems);
  const { ego, alters, ties } = network;
  const egoId = ego.egoId;

  if (codebook.source === "protocol") {
    for (const alter of alters) checkType("node", alter.nodeType, codebook, alter.source, egoId, memory, problems);
    for (const tie of ties) checkType("edge", tie.edgeType, codebook, tie.source, egoId, memory, problems);
  }

  if (egoId.length > MAX_ID_LENGTH) {
    problems.report({
      severity: "error",
      code: "long-id",
      ...where(ego.source, egoId),
      message: `the ego id is ${egoId.length} characters long (at most ${MAX_ID_LENGTH} are accepted): a shifted column or a damaged file?`,
    });
  } else if (egoId !== egoId.trim()) {
    problems.report({
      severity: "warning",
      code: "id-whitespace",
      ...where(ego.source, egoId),
      message: `ego id ${JSON.stringify(egoId)} has spaces at the start or end; it is kept as it is (other tables must match it exactly)`,
    });
  }

  if (alters.length === 0) {
    problems.report({
      severity: "warning",
      code: "no-alters",
      ...where(ego.source, egoId),
      message: `ego ${egoId} named no alters; kept, with network size 0`,
    });
  }

  // Each distinct alter id → its index in `alters` (the first, for an id used twice).
  const byId = new Map<string, number>();
  for (let i = 0; i < alters.length; i++) {
    const alter = alters[i];
    if (alter.alterId.length > MAX_ID_LENGTH) {
      problems.report({
        severity: "error",
        code: "long-id",
        ...where(alter.source, egoId),
        message: `this alter's id is ${alter.alterId.length} characters long (at most ${MAX_ID_LENGTH} are accepted): a shifted column or a damaged file?`,
      });
    }
    const first = byId.get(alter.alterId);
    if (first !== undefined) {
      problems.report({
        severity: "error",
        code: "duplicate-alter",
        ...where(alter.source, egoId),
        message: `alter id ${showId(alter.alterId)} is used twice in ego ${egoId} (first at ${ref(alters[first].source)})`,
      });
      continue;
    }
    byId.set(alter.alterId, i);
  }
  memory.remember(egoId, [...byId.keys()]);

  // A tie's key: its edge type's number and its two alters' indices, smaller first (ties are undirected).
  const n = alters.length;
  const typeNumbers = new Map<string, number>();
  const seen = new Map<number, Tie>();
  let near: NearIds | undefined;
  for (const tie of ties) {
    const s = byId.get(tie.sourceId);
    const t = byId.get(tie.targetId);
    if (s === undefined || t === undefined) {
      near ??= new NearIds(byId.keys());
      reportUnknownEnds(tie, byId, memory, near, egoId, problems);
      continue;
    }
    if (s === t) {
      problems.report({
        severity: "warning",
        code: "self-loop",
        ...where(tie.source, egoId),
        message: `${describe(tie)} joins alter ${showId(tie.sourceId)} to itself; it is left out of the graph`,
      });
      continue;
    }
    let type = typeNumbers.get(tie.edgeType);
    if (type === undefined) typeNumbers.set(tie.edgeType, (type = typeNumbers.size));
    const key = (type * n + Math.min(s, t)) * n + Math.max(s, t);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, tie);
      continue;
    }
    const reciprocal = first.sourceId !== tie.sourceId;
    problems.report({
      severity: "warning",
      code: reciprocal ? "reciprocal-tie" : "duplicate-tie",
      ...where(tie.source, egoId),
      message: reciprocal
        ? `${describe(tie)} repeats, in the other direction, the tie at ${ref(first.source)}; ties are undirected, so they count as one`
        : `${describe(tie)} repeats the tie at ${ref(first.source)}; they count as one tie`,
    });
  }
}

/** The errors for a tie with an endpoint that is not an alter of the ego: one per such end. */
function reportUnknownEnds(
  tie: Tie,
  byId: ReadonlyMap<string, number>,
  memory: CheckMemory,
  near: NearIds,
  egoId: string,
  problems: ProblemSink,
): void {
  for (const [side, end] of [
    ["source", tie.sourceId],
    ["target", tie.targetId],
  ] as const) {
    if (byId.has(end)) continue;
    const owner = end === "" ? undefined : memory.ownerOf(end);
    if (owner !== undefined && owner !== egoId) {
      problems.report({
        severity: "error",
        code: "endpoint-of-other-ego",
        ...where(tie.source, egoId),
        message: `${describe(tie)} points to alter ${showId(end)}, which belongs to ego ${owner}, not to ego ${egoId}`,
      });
    } else {
      problems.report({
        severity: "error",
        code: "unknown-endpoint",
        ...where(tie.source, egoId),
        message:
          end === ""
            ? `${describe(tie)} has no ${side} alter id`
            : `${describe(tie)} points to alter ${showId(end)}, which is not an alter of ego ${egoId}${near.hint(end, "alter")}`,
      });
    }
    if (tie.sourceId === tie.targetId) break; // one message for a self-loop on an unknown alter
  }
}

function checkType(
  kind: "node" | "edge",
  type: string,
  codebook: Codebook,
  source: SourceRef,
  egoId: string,
  memory: CheckMemory,
  problems: ProblemSink,
): void {
  const known = kind === "node" ? codebook.node : codebook.edge;
  if (Object.hasOwn(known, type) || memory.warnedTypes.has(`${kind}:${type}`)) return;
  memory.warnedTypes.add(`${kind}:${type}`);
  const listed = Object.keys(known).join(", ") || "none";
  problems.report({
    severity: "warning",
    code: kind === "node" ? "unknown-node-type" : "unknown-edge-type",
    ...where(source, egoId),
    message: `${kind} type ${type} is not in the protocol's codebook (${kind} types: ${listed}); its variables are read untyped`,
  });
}

function describe(tie: Tie): string {
  return `tie (${tie.edgeType}) ${tie.sourceId ? showId(tie.sourceId) : "?"} – ${tie.targetId ? showId(tie.targetId) : "?"}`;
}

function where(source: SourceRef, egoId: string): { file: string; line: number; egoId: string } {
  return { file: source.file, line: source.line, egoId };
}

function ref(source: SourceRef): string {
  return `${source.file}:${source.line}`;
}

/** What the checks remember across egos, per problem sink (so per run). */
class CheckMemory {
  readonly warnedTypes = new Set<string>();
  /**
   * The egos holding the last REMEMBERED_ALTERS alter ids, oldest first from `head`; `first` numbers an
   * ego's first id among all ids remembered. Looking an id up is rare (a tie to an unknown alter is an
   * error), so the index is only built at the first lookup and kept up to date from then on.
   */
  private readonly recent: Array<{ egoId: string; ids: readonly string[]; first: number }> = [];
  private head = 0;
  private count = 0;
  private index: Map<string, { egoId: string; seq: number }> | undefined;

  remember(egoId: string, ids: readonly string[]): void {
    const first = this.count;
    this.recent.push({ egoId, ids, first });
    this.count += ids.length;
    if (this.index) for (let i = 0; i < ids.length; i++) this.index.set(ids[i], { egoId, seq: first + i });
    const oldest = this.count - REMEMBERED_ALTERS; // ids numbered below this are forgotten
    while (this.head < this.recent.length) {
      const old = this.recent[this.head];
      if (old.first + old.ids.length > oldest) break;
      if (this.index) {
        for (const id of old.ids) if ((this.index.get(id)?.seq ?? Infinity) < old.first + old.ids.length) this.index.delete(id);
      }
      this.recent[this.head++] = undefined!;
    }
    if (this.head > 1024 && this.head * 2 > this.recent.length) {
      this.recent.splice(0, this.head);
      this.head = 0;
    }
  }

  ownerOf(alterId: string): string | undefined {
    if (!this.index) {
      this.index = new Map();
      for (let e = this.head; e < this.recent.length; e++) {
        const { egoId, ids, first } = this.recent[e];
        for (let i = 0; i < ids.length; i++) this.index.set(ids[i], { egoId, seq: first + i });
      }
    }
    const at = this.index.get(alterId);
    return at !== undefined && at.seq >= this.count - REMEMBERED_ALTERS ? at.egoId : undefined;
  }
}

const memories = new WeakMap<ProblemSink, CheckMemory>();

function memoryOf(problems: ProblemSink): CheckMemory {
  let memory = memories.get(problems);
  if (!memory) memories.set(problems, (memory = new CheckMemory()));
  return memory;
}
