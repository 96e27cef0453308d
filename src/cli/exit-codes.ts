import { CommanderError } from "commander";
import { DataError, InputError, NetspError, OutputError, UsageError } from "../errors.js";

/** Exit codes, in one place. 0 success; 1 bad data or input; 2 bad usage; 70 an internal error (a bug). */
export const EXIT = { ok: 0, data: 1, usage: 2, internal: 70 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof InputError || error instanceof DataError || error instanceof OutputError) return EXIT.data;
  if (error instanceof NetspError) return EXIT.data;
  return EXIT.internal;
}
