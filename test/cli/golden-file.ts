import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

/** Where the expected outputs of the CLI live, one file per output. */
export const GOLDEN_DIR = path.resolve("test/cli/golden");

/** True when this run writes the golden files instead of checking against them. */
export const UPDATING = process.env.UPDATE_GOLDEN === "1";

/**
 * Checks `actual` against the golden file `name` (under test/cli/golden/). With UPDATE_GOLDEN=1 it writes
 * the file instead; review the diff (`git diff test/cli/golden`) before committing it. A missing file is a
 * failure, never created silently.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATING) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`no golden file test/cli/golden/${name}: run UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts, then review it`);
  }
  expect(actual, `test/cli/golden/${name} (UPDATE_GOLDEN=1 rewrites it; review the diff)`).toBe(readFileSync(file, "utf8"));
}
