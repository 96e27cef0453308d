import { UsageError } from "../errors.js";
import type { Dataset, ReaderContext } from "./dataset.js";

/** Opens the three-table format (egos.csv, alters.csv, ties.csv), as egor's threefiles. */
export async function openThreeFile(input: string, _ctx: ReaderContext): Promise<Dataset> {
  throw new UsageError(`three-file input is not supported yet: ${input}`);
}
