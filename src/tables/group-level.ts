import { UsageError } from "../errors.js";

/**
 * A group level as levels are compared: spaces at the ends trimmed and Unicode in NFC, so `"high "` and
 * `"high"`, or `Café` typed with a precomposed `é` and with `e` + a combining accent, are one level. The
 * values in the rows are never changed; only their grouping is.
 */
export function groupLevel(value: string): string {
  const trimmed = value.trim();
  // ASCII text is already in NFC: most values skip the normalisation.
  return /^[\x00-\x7f]*$/.test(trimmed) ? trimmed : trimmed.normalize("NFC");
}

/** Levels met in the data under one compared level, as each was written, when more than one spelling was. */
export interface MergedSpellings {
  level: string;
  spellings: string[];
}

/** Counts values by compared level, remembering every spelling each level was written in. */
export class LevelTally {
  readonly counts = new Map<string, number>();
  private readonly spellings = new Map<string, Set<string>>();
  missing = 0;

  /** Adds one ego's value (a number or boolean counts under its text; an empty or blank value is missing). */
  add(value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.missing++;
      return;
    }
    const level = groupLevel(value);
    if (level === "") {
      this.missing++;
      return;
    }
    this.counts.set(level, (this.counts.get(level) ?? 0) + 1);
    let seen = this.spellings.get(level);
    if (seen === undefined) this.spellings.set(level, (seen = new Set()));
    seen.add(value);
  }

  /** Levels written in more than one way, in order of first appearance. */
  merged(): MergedSpellings[] {
    const out: MergedSpellings[] = [];
    for (const [level, seen] of this.spellings) if (seen.size > 1) out.push({ level, spellings: [...seen] });
    return out;
  }
}

/**
 * The warning that two or more spellings of a level were counted as one: names the variable and the
 * spellings (group levels are categories, not personal data) and says how they differ.
 *
 * Example: `ego variable deprivation: "high " and "high" differ only in spaces at the ends; counted as one level "high"`.
 */
export function mergedSpellingWarning(variable: string, merged: MergedSpellings): string {
  const spaces = merged.spellings.some((s) => s !== s.trim());
  const forms = new Set(merged.spellings.map((s) => s.trim())).size > 1;
  const how = [
    ...(spaces ? ["spaces at the ends"] : []),
    ...(forms ? ["how an accented letter is written (one character, or a letter and a combining accent)"] : []),
  ].join(" and ");
  return (
    `ego variable ${variable}: ${merged.spellings.map((s) => JSON.stringify(s)).join(" and ")} differ only in ${how}; ` +
    `counted as one level ${JSON.stringify(merged.level)}`
  );
}

/**
 * Refuses to compare groups most of which hold one ego. The rule: at least 3 levels, and more than half of
 * them with exactly one ego. Such a variable is a number (age, a slider) or an identifier, not a grouping:
 * Kruskal–Wallis and k(k−1)/2 pairwise tests on groups of one or two egos say nothing. Applies to levels
 * observed in the data only; levels declared in the config (or given with --levels) are the user's choice.
 * Throws UsageError saying to use `correlate`, or to declare the levels.
 */
export function refuseSparseGroups(variable: string, egosPerLevel: ReadonlyMap<string, number>, where: string): void {
  if (!sparseGroups(egosPerLevel)) return;
  const levels = egosPerLevel.size;
  const single = [...egosPerLevel.values()].filter((n) => n === 1).length;
  throw new UsageError(
    `${where}: ${variable} has ${levels} levels and ${single} of them hold a single ego, so its groups are too small to compare ` +
      `(${levels} groups, ${(levels * (levels - 1)) / 2} pairwise tests). If ${variable} is a number, correlate it instead: ` +
      `netsp correlate --vars ${variable},network_size. If it is a category, declare the levels to compare in netsp.config.json: ` +
      `"groups": {"${variable}": {"levels": [...]}}${where.startsWith("compare") ? ", or give them with --levels" : ""}`,
  );
}

/** The rule refuseSparseGroups applies: at least 3 levels, more than half of them with exactly one ego. */
export function sparseGroups(egosPerLevel: ReadonlyMap<string, number>): boolean {
  let single = 0;
  for (const n of egosPerLevel.values()) if (n === 1) single++;
  return egosPerLevel.size >= 3 && single * 2 > egosPerLevel.size;
}
