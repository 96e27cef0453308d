import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";
import { MIN_KEY_BYTES, Pseudonymiser } from "../study/pseudonymise.js";
import { warn } from "./messages.js";

/** The environment variable that may hold the key (so it never appears on a command line or in shell history). */
export const KEY_VARIABLE = "NETSP_PSEUDONYMISE_KEY";

/** Largest key file read: a key is a few dozen bytes; anything bigger is the wrong file. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export interface PseudonymiseCliOptions {
  pseudonymise?: boolean;
  /** `--pseudonymise-key <file>`: implies --pseudonymise. */
  pseudonymiseKey?: string;
}

/**
 * The pseudonymiser the options ask for, or undefined. The key comes from the file given with
 * `--pseudonymise-key`, else from NETSP_PSEUDONYMISE_KEY; trailing line breaks are dropped (`openssl rand
 * -hex 32 > netsp.key` writes one). A missing, empty or short key is a usage error. The key is never printed.
 */
export async function pseudonymiserFor(
  options: PseudonymiseCliOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Pseudonymiser | undefined> {
  if (!options.pseudonymise && options.pseudonymiseKey === undefined) return undefined;
  let key: Buffer;
  let from: string;
  if (options.pseudonymiseKey !== undefined) {
    key = await readKeyFile(options.pseudonymiseKey);
    from = `the key file ${options.pseudonymiseKey}`;
  } else if (env[KEY_VARIABLE] !== undefined && env[KEY_VARIABLE] !== "") {
    key = Buffer.from(env[KEY_VARIABLE]!, "utf8");
    from = `${KEY_VARIABLE}`;
  } else {
    throw new UsageError(
      `--pseudonymise needs a secret key: put it in a file and give --pseudonymise-key <file>, or set ${KEY_VARIABLE} ` +
        "(never write the key itself on the command line). To make one: openssl rand -hex 32 > netsp.key",
    );
  }
  key = trimLineBreaks(key);
  if (key.length < MIN_KEY_BYTES) {
    throw new UsageError(
      `the pseudonymisation key in ${from} is ${key.length} byte${key.length === 1 ? "" : "s"}; use at least ${MIN_KEY_BYTES} ` +
        "random bytes (e.g. openssl rand -hex 32 > netsp.key): a short key lets anyone who can guess ego ids recover them",
    );
  }
  return new Pseudonymiser(key);
}

/** Refuses a key file the output folder would replace (the folder is swapped whole on every run). */
export function checkKeyOutsideOutput(options: PseudonymiseCliOptions, outDir: string): void {
  if (options.pseudonymiseKey === undefined) return;
  const relative = path.relative(path.resolve(outDir), path.resolve(options.pseudonymiseKey));
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    throw new UsageError(`the key file ${options.pseudonymiseKey} is inside the output folder, which each run replaces: keep the key elsewhere`);
  }
}

async function readKeyFile(file: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    throw new UsageError(`cannot read the key file ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (!info.isFile()) throw new UsageError(`the key file ${file} is not a regular file`);
  if (info.size > MAX_KEY_FILE_BYTES) throw new UsageError(`the key file ${file} is ${info.size} bytes: that is not a key file`);
  if (process.platform !== "win32" && (info.mode & 0o077) !== 0) {
    warn(`the key file ${file} can be read by other users of this computer: chmod 600 ${file}`);
  }
  try {
    return await readFile(file);
  } catch (e) {
    throw new UsageError(`cannot read the key file ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function trimLineBreaks(key: Buffer): Buffer {
  let end = key.length;
  while (end > 0 && (key[end - 1] === 0x0a || key[end - 1] === 0x0d)) end--;
  return key.subarray(0, end);
}
