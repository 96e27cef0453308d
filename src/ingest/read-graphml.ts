import { UsageError } from "../errors.js";
import type { Dataset, ReaderContext } from "./dataset.js";

/** Opens Network Canvas GraphML (one or several `<graph>` elements per file). */
export async function openGraphml(input: string, _ctx: ReaderContext): Promise<Dataset> {
  throw new UsageError(`GraphML input is not supported yet: ${input}`);
}
