import { createHash } from "node:crypto";
import type { ColumnEvidence, ColumnProfile } from "./column-profile.js";
import { emptyProfile, evidenceOf } from "./column-profile.js";
import type { GraphmlKey } from "./graphml-stream.js";

const NUMERIC_KEY_TYPES = new Set(["int", "long", "float", "double"]);
/**
 * A categorical option's key id: the variable's UUID, `_`, and the sha1 (hex) of the option value (current
 * exporters) or the option value itself (older ones).
 */
const UUID_OPTION_KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(.+)$/i;
const SHA1_OPTION_KEY_ID = /^(.+)_([0-9a-f]{40})$/i;

function optionKeyId(id: string): { variable: string; suffix: string } | undefined {
  const m = UUID_OPTION_KEY_ID.exec(id) ?? SHA1_OPTION_KEY_ID.exec(id);
  return m ? { variable: m[1], suffix: m[2] } : undefined;
}

/**
 * What GraphML keys say about each variable name, for inference without a protocol:
 * - boolean keys whose ids share a variable UUID (`<uuid>_<sha1 of the value>`) are the options of one
 *   categorical variable; the variable name and each option value are found exactly, as the split of the
 *   key name `<name>_<value>` whose value hashes to the id's sha1 (the longest name all of them share when
 *   no split hashes right);
 * - another boolean key is a boolean; int, long, float and double keys are numbers;
 * - string keys are typed by their values as CSV columns are (datetime, text; empty when no element has one).
 *
 * Example: keys `3f…_<sha1("cis_male")>` named `gender_cis_male` and `3f…_<sha1("trans_male")>` named
 * `gender_trans_male` → both options of `gender`.
 */
export function graphmlEvidence(keys: readonly GraphmlKey[], profiles: ReadonlyMap<string, ColumnProfile>): (name: string) => ColumnEvidence | undefined {
  const byName = new Map<string, ColumnEvidence>();
  const families = new Map<string, GraphmlKey[]>();
  for (const key of keys) {
    const m = key.type === "boolean" ? optionKeyId(key.id) : undefined;
    if (!m) continue;
    const list = families.get(m.variable);
    if (list) {
      if (!list.some((k) => k.name === key.name)) list.push(key);
    } else families.set(m.variable, [key]);
  }
  for (const members of families.values()) {
    const splits = members.map(exactSplit);
    const names = new Set(splits.map((s) => s?.variable));
    if (names.size === 1 && !names.has(undefined)) {
      members.forEach((k, i) => byName.set(k.name, { kind: "option", option: splits[i]! }));
    } else if (members.length >= 2) {
      const variable = sharedName(members.map((k) => k.name));
      if (variable !== undefined) {
        for (const k of members) byName.set(k.name, { kind: "option", option: { variable, value: k.name.slice(variable.length + 1) } });
      }
    }
  }
  for (const key of keys) {
    if (byName.has(key.name)) continue;
    if (key.type === "boolean") byName.set(key.name, { kind: "boolean" });
    else if (NUMERIC_KEY_TYPES.has(key.type)) byName.set(key.name, { kind: "number" });
    else {
      const kind = evidenceOf(profiles.get(key.name) ?? emptyProfile());
      byName.set(key.name, { kind: kind === "option" || kind === "boolean" || kind === "number" ? "text" : kind });
    }
  }
  return (name) => byName.get(name);
}

/** The split of `<name>_<value>` whose value (or its sha1) is the key id's suffix, if one is. */
function exactSplit(key: GraphmlKey): { variable: string; value: string } | undefined {
  const suffix = optionKeyId(key.id)!.suffix;
  const name = key.written ?? key.name;
  for (let k = name.indexOf("_"); k > 0; k = name.indexOf("_", k + 1)) {
    const value = name.slice(k + 1);
    if (value === "") continue;
    if (value === suffix || createHash("sha1").update(value).digest("hex") === suffix.toLowerCase()) return { variable: name.slice(0, k), value };
  }
  return undefined;
}

/** The longest `_` prefix every name starts with (followed by something), or undefined. */
function sharedName(names: string[]): string | undefined {
  let best: string | undefined;
  for (let k = names[0].indexOf("_"); k > 0; k = names[0].indexOf("_", k + 1)) {
    const p = names[0].slice(0, k);
    if (names.every((n) => n.startsWith(p + "_") && n.length > k + 1)) best = p;
    else break;
  }
  return best;
}
