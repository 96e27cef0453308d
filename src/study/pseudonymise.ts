import { createHmac } from "node:crypto";
import type { Dataset } from "../ingest/dataset.js";
import type { EgoNetwork, Problem } from "../model/index.js";
import type { Table } from "../model/index.js";

/** What every pseudonymous id starts with, so it is never read as a number (`12e45` would be, by Excel). */
export const PSEUDONYM_PREFIX = "ego-";

/** Hex digits of the HMAC kept: 64 bits, so two egos of a study share one only with negligible chance. */
const PSEUDONYM_HEX = 16;

/** Shortest key accepted, in bytes: the key is the only secret (ego ids such as LW01 are easy to guess). */
export const MIN_KEY_BYTES = 16;

/**
 * Stable pseudonymous ego ids: `ego-` and the first 16 hex digits of HMAC-SHA-256(key, "netsp-ego-id:" +
 * id). The same key always gives the same pseudonym, so runs, waves and tables can be joined, and whoever
 * holds the key can link a pseudonym back to its ego; without the key the id cannot be recovered or
 * guessed. The key itself is never stored or written anywhere.
 *
 * Besides ids, it rewrites free text (problem messages, file names, which in Network Canvas exports start
 * with the case id): every identifying string it has seen is replaced by its pseudonym where it stands
 * alone (not inside a longer word: `LW1` is not replaced inside `LW10`).
 *
 * Example: with key "0123456789abcdef", id("LW01") is always the same `ego-` + 16 hex digits.
 */
export class Pseudonymiser {
  private readonly key: Buffer;
  private readonly cache = new Map<string, string>();
  private readonly owners = new Map<string, string>();
  private pattern: RegExp | null | undefined;

  constructor(key: Uint8Array) {
    if (key.length < MIN_KEY_BYTES) throw new RangeError(`pseudonymisation key shorter than ${MIN_KEY_BYTES} bytes`);
    this.key = Buffer.from(key);
  }

  /** The pseudonym of an id (an ego id, or a case id found in file names). */
  id(real: string): string {
    let pseudonym = this.cache.get(real);
    if (pseudonym === undefined) {
      const hex = createHmac("sha256", this.key).update(`netsp-ego-id:${real}`, "utf8").digest("hex");
      pseudonym = PSEUDONYM_PREFIX + hex.slice(0, PSEUDONYM_HEX);
      const other = this.owners.get(pseudonym);
      if (other !== undefined && other !== real) {
        // 64 bits: about one study in 10^8 of a million egos. Refuse rather than merge two egos.
        throw new RangeError(`two ids share the pseudonym ${pseudonym}; use another key`);
      }
      this.owners.set(pseudonym, real);
      this.cache.set(real, pseudonym);
      this.pattern = undefined;
    }
    return pseudonym;
  }

  /** Registers identifying strings (an ego's id, its case id) so that `text` replaces them. Empty ones are skipped. */
  learn(...ids: Array<string | undefined>): void {
    for (const real of ids) if (real !== undefined && real !== "") this.id(real);
  }

  /** Free text with every learned id, standing alone, replaced by its pseudonym. */
  text(text: string): string {
    if (this.pattern === undefined) this.pattern = this.buildPattern();
    if (this.pattern === null) return text;
    return text.replace(this.pattern, (real) => this.cache.get(real) ?? real);
  }

  /** A problem with its ego id, file and message pseudonymised. */
  problem(p: Problem): Problem {
    const out: Problem = { ...p, file: this.text(p.file), message: this.text(p.message) };
    if (p.egoId !== undefined) out.egoId = this.id(p.egoId);
    return out;
  }

  private buildPattern(): RegExp | null {
    const ids = [...this.cache.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    if (ids.length === 0) return null;
    const alternatives = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");
    // Not inside a longer run of letters or digits: `LW1` stays in `LW10`, `LW01` goes in `LW01_38bc…_ego.csv`.
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "gu");
  }
}

/** The same dataset, teaching the pseudonymiser each ego's id and case id as the interviews stream past. */
export function learningIds(dataset: Dataset, pseudonymiser: Pseudonymiser): Dataset {
  return {
    ...dataset,
    // Its egos() is the one that teaches the ids: not the interviews in parts, which would bypass it.
    parts: undefined,
    async *egos(): AsyncIterable<EgoNetwork> {
      for await (const network of dataset.egos()) {
        pseudonymiser.learn(network.ego.egoId, network.ego.meta.caseId);
        yield network;
      }
    },
  };
}

/**
 * Per-ego rows with `ego_id` replaced by its pseudonym. With `sort` (for any table that lists egos) the
 * rows are put in pseudonym order, since the order of the real ids would tell who is who; without it they
 * keep their order, so statistics computed from them add up in the same order, to the same bits, as
 * without pseudonymisation.
 */
export function pseudonymiseRows(table: Table, pseudonymiser: Pseudonymiser, { sort = true, column = "ego_id" } = {}): Table {
  if (!table.columns.some((c) => c.id === column)) return table;
  const rows = table.rows.map((row) => {
    const id = row[column];
    return id === null || id === undefined ? row : { ...row, [column]: pseudonymiser.id(String(id)) };
  });
  if (sort) rows.sort((a, b) => {
    const [x, y] = [String(a[column] ?? ""), String(b[column] ?? "")];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { ...table, rows };
}

const SESSION_FILE = /^(.+)_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:_(?:ego|attributeList|edgeList|adjacencyMatrix)(?:_.*)?\.csv|\.graphml)$/i;

/**
 * The case id a per-session Network Canvas file name starts with (`<caseId>_<sessionUUID>_ego.csv`,
 * `<caseId>_<sessionUUID>.graphml`), or undefined. Lets file names be pseudonymised even for an interview
 * that was never read (a session whose ego file is missing).
 */
export function caseIdOfFileName(file: string): string | undefined {
  const name = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  return SESSION_FILE.exec(name)?.[1];
}

/**
 * Teaches the pseudonymiser every id a result can mention: each row's `ego_id` (egos measured in worker
 * threads never pass through learningIds), each problem's ego id, and the case id in each problem's file
 * name (an interview that was never read, such as one whose ego file is missing).
 */
export function learnIds(
  pseudonymiser: Pseudonymiser,
  rows: ReadonlyArray<Record<string, unknown>>,
  problems: readonly Problem[],
): void {
  for (const row of rows) if (row.ego_id !== null && row.ego_id !== undefined) pseudonymiser.learn(String(row.ego_id));
  for (const p of problems) pseudonymiser.learn(p.egoId, caseIdOfFileName(p.file));
}
