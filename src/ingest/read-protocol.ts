import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { InputError } from "../errors.js";
import type { Codebook, Variable, VariableOption, VariableSet, VariableType } from "../model/index.js";
import { unzipEntries } from "./read-zip.js";

/** protocol.json larger than this is refused (real ones are well under 1 MB). */
export const MAX_PROTOCOL_BYTES = 50 * 1024 * 1024;

/**
 * Reads the codebook of a Network Canvas protocol: a `.netcanvas` zip holding `protocol.json` (a bare
 * `protocol.json` is accepted too). Node and edge types are keyed by their export name (see
 * `exportTypeName`), variables by name; option values become strings, labels are kept as plain text
 * (see `plainLabel`).
 *
 * Example: readProtocol("IJE_RADAR_Protocol.netcanvas") → codebook.node.Person.Gender.options[2]
 * = {value: "Gender_non-conforming", label: "Gender non-conforming"}.
 */
export async function readProtocol(path: string): Promise<Codebook> {
  let bytes: Uint8Array;
  try {
    // A device or a named pipe (`--protocol /dev/zero`) would be read for ever: regular files only.
    if (!(await stat(path)).isFile()) throw new InputError("the protocol is not a regular file", { file: path });
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read the protocol: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file: path });
  }
  return codebookFromProtocolFile(bytes, path);
}

/** `readProtocol` for bytes already in memory (a `.netcanvas` found inside an export zip). */
export function codebookFromProtocolFile(bytes: Uint8Array, file: string): Codebook {
  return codebookFromProtocolJson(protocolJsonText(bytes, file), file);
}

/** The text of protocol.json inside a `.netcanvas` (or the file itself when it is JSON). */
export function protocolJsonText(bytes: Uint8Array, file: string): string {
  if (looksLikeJson(bytes)) {
    if (bytes.length > MAX_PROTOCOL_BYTES) throw new InputError("protocol file is larger than 50 MB", { file });
    return new TextDecoder().decode(bytes);
  }
  const entries = unzipEntries(bytes, file, (name) => basename(name) === "protocol.json" && !name.includes("/"), {
    maxEntryBytes: MAX_PROTOCOL_BYTES,
    maxTotalBytes: MAX_PROTOCOL_BYTES,
    maxRatio: 1000,
    ratioFloorBytes: 1024 * 1024,
  });
  const json = entries.get("protocol.json");
  if (!json) throw new InputError("not a Network Canvas protocol: the .netcanvas file holds no protocol.json", { file });
  return new TextDecoder().decode(json);
}

/** Parses protocol.json text into a Codebook. */
export function codebookFromProtocolJson(text: string, file: string): Codebook {
  let protocol: unknown;
  try {
    protocol = JSON.parse(text);
  } catch (e) {
    throw new InputError(`protocol.json is not valid JSON (${(e as Error).message})`, { file });
  }
  const codebook = isObject(protocol) ? protocol.codebook : undefined;
  if (!isObject(codebook)) throw new InputError("not a Network Canvas protocol: protocol.json has no codebook", { file });
  return {
    source: "protocol",
    ego: variablesOf(isObject(codebook.ego) ? codebook.ego.variables : undefined),
    node: typesOf(codebook.node),
    edge: typesOf(codebook.edge),
  };
}

/**
 * The name Network Canvas gives a type in export file names: the codebook name with non-word characters
 * removed. Letters, marks and digits of any script are kept, as Fresco does (Interviewer 6 removes
 * non-ASCII letters too; `typeNameMatches` accepts both).
 *
 * Example: exportTypeName("Close friend") === "Closefriend"; exportTypeName("Café") === "Café".
 */
export function exportTypeName(name: string): string {
  return name.replace(/[^\p{L}\p{M}\p{N}\p{Pc}]/gu, "");
}

/** True when a type name from a file name denotes the codebook type `codebookName`. */
export function typeNameMatches(fileTypeName: string, codebookName: string): boolean {
  return (
    fileTypeName === codebookName ||
    fileTypeName === exportTypeName(codebookName) ||
    fileTypeName === codebookName.replace(/[^A-Za-z0-9_]/g, "")
  );
}

const KNOWN_TYPES = new Set<VariableType>([
  "categorical",
  "ordinal",
  "number",
  "boolean",
  "text",
  "datetime",
  "layout",
  "scalar",
]);

function typesOf(entry: unknown): Record<string, VariableSet> {
  const out: Record<string, VariableSet> = {};
  if (!isObject(entry)) return out;
  for (const [typeId, def] of Object.entries(entry)) {
    if (!isObject(def)) continue;
    const name = typeof def.name === "string" && def.name.length > 0 ? def.name : typeId;
    out[exportTypeName(name) || typeId] = variablesOf(def.variables);
  }
  return out;
}

function variablesOf(entry: unknown): VariableSet {
  const out: VariableSet = {};
  if (!isObject(entry)) return out;
  for (const [variableId, def] of Object.entries(entry)) {
    if (!isObject(def)) continue;
    const name = typeof def.name === "string" && def.name.length > 0 ? def.name : variableId;
    const type = typeof def.type === "string" && KNOWN_TYPES.has(def.type as VariableType) ? (def.type as VariableType) : "unknown";
    const variable: Variable = { name, type, source: "protocol" };
    if (Array.isArray(def.options)) variable.options = def.options.flatMap(optionOf);
    out[name] = variable;
  }
  return out;
}

function optionOf(option: unknown): VariableOption[] {
  if (isObject(option) && "value" in option) {
    const value = String(option.value);
    const label = typeof option.label === "string" ? plainLabel(option.label) || value : value;
    return [{ value, label }];
  }
  // Very old protocols list bare values.
  if (typeof option === "string" || typeof option === "number" || typeof option === "boolean") {
    return [{ value: String(option), label: String(option) }];
  }
  return [];
}

/**
 * A label as plain text: Network Canvas labels are Markdown, so `Gender non\\-conforming\n` becomes
 * `Gender non-conforming` and `Don&#39;t know` becomes `Don't know` (escapes and entities decoded, trimmed).
 */
export function plainLabel(label: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return label
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, "$1")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .trim();
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x7b; // "{"
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
