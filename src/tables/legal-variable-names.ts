/**
 * Legal variable names for statistics packages, from column ids. A name that is already legal is kept; any
 * other is made legal: illegal characters become `_`, a name that may not start as it does (or has no
 * letter or digit) gets a `v` in front, a reserved word a `_` after it, and it is cut to the length limit.
 * A name already taken (compared without case, as SPSS does, and so as not to surprise Stata users) then
 * gets `_2`, `_3` … within the limit. Names are ASCII only, which every version of both packages reads.
 *
 * SPSS: IBM SPSS Statistics Command Syntax Reference, "Variable names": at most 64 bytes, letters, digits
 * and `_ . @ # $`, starting with a letter, not ending with a period, not a reserved keyword. Stata:
 * "[U] 11.3 Naming conventions": at most 32 characters, letters, digits and `_`, not starting with a
 * digit, not a reserved name.
 */
export interface NameRules {
  /** For messages and the renaming list: "SPSS" or "Stata". */
  system: string;
  maxLength: number;
  /** Characters allowed anywhere. */
  allowed: RegExp;
  /** What the first character may be. */
  start: RegExp;
  /** A name may not end with a period (SPSS). */
  noTrailingPeriod: boolean;
  /** A reserved name (compared in upper case). */
  reserved: (upper: string) => boolean;
}

const SPSS_RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);

export const SPSS_NAME_RULES: NameRules = {
  system: "SPSS",
  maxLength: 64,
  allowed: /[A-Za-z0-9_.@#$]/,
  start: /[A-Za-z]/,
  noTrailingPeriod: true,
  reserved: (upper) => SPSS_RESERVED.has(upper),
};

const STATA_RESERVED = new Set(
  ["_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N", "_pi", "_pred", "_rc", "_se", "_skip", "strL", "using", "with"].map(
    (w) => w.toUpperCase(),
  ),
);

export const STATA_NAME_RULES: NameRules = {
  system: "Stata",
  maxLength: 32,
  allowed: /[A-Za-z0-9_]/,
  start: /[A-Za-z_]/,
  noTrailingPeriod: false,
  reserved: (upper) => STATA_RESERVED.has(upper) || /^STR[0-9]+$/.test(upper),
};

export interface Renaming {
  id: string;
  name: string;
}

export interface LegalNames {
  /** One legal, unique name per id, in the order given. */
  names: string[];
  /** The ids whose name differs from the id, in column order. */
  renamed: Renaming[];
}

/** Whether `name` is legal as it stands under `rules` (uniqueness aside). */
export function isLegalName(name: string, rules: NameRules): boolean {
  if (name.length === 0 || name.length > rules.maxLength) return false;
  if (!rules.start.test(name[0]!) || !/[A-Za-z0-9]/.test(name)) return false;
  for (const ch of name) if (!rules.allowed.test(ch)) return false;
  if (rules.noTrailingPeriod && name.endsWith(".")) return false;
  return !rules.reserved(name.toUpperCase());
}

export function legalVariableNames(ids: readonly string[], rules: NameRules): LegalNames {
  const taken = new Set<string>();
  const names: Array<string | undefined> = ids.map(() => undefined);
  // Ids already legal keep their name (the first of any that differ only in case).
  ids.forEach((id, i) => {
    if (isLegalName(id, rules) && !taken.has(id.toUpperCase())) {
      names[i] = id;
      taken.add(id.toUpperCase());
    }
  });
  ids.forEach((id, i) => {
    if (names[i] !== undefined) return;
    const base = legalise(id, rules);
    let name = base;
    for (let n = 2; taken.has(name.toUpperCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, rules.maxLength - suffix.length) + suffix;
    }
    names[i] = name;
    taken.add(name.toUpperCase());
  });
  const legal = names as string[];
  return { names: legal, renamed: ids.flatMap((id, i) => (legal[i] === id ? [] : [{ id, name: legal[i]! }])) };
}

function legalise(id: string, rules: NameRules): string {
  let name = [...id].map((ch) => (rules.allowed.test(ch) ? ch : "_")).join("");
  if (!rules.start.test(name[0] ?? "") || !/[A-Za-z0-9]/.test(name)) name = "v" + name;
  name = name.slice(0, rules.maxLength);
  if (rules.noTrailingPeriod) name = name.replace(/\.+$/, (dots) => "_".repeat(dots.length));
  if (rules.reserved(name.toUpperCase())) name = name.slice(0, rules.maxLength - 1) + "_";
  return name;
}
