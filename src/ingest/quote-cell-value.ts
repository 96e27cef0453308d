/**
 * How problem messages quote a value from the data. Messages end up in report.md, run.json, `validate
 * --json` and CI logs, which get shared; a cell quoted there must not be a person's name. A row with an
 * unquoted comma in a name shifts that name into a number or true/false column, whose error would quote it.
 *
 * Rule: a value is shown (JSON-quoted, cut to 40 characters) when it cannot be a name: it has no letter
 * (`1,5`, `-`, a date), or it is one word of letters and digits, spaces at either end allowed (`12abc`,
 * ids such as `a1`, `LW01 `, a UUID), or a common missing-value or yes/no word (`NA`, `n/a`, `null`, `yes`, `TRUE`, …). Anything else
 * (names, words, addresses) is described by its length, never shown; the message's file, line and column
 * find it.
 *
 * Examples: quoteCellValue("1,5") === '"1,5"'; quoteCellValue("Smith, John") === "a text of 11 characters (not shown)".
 */
export function quoteCellValue(text: string): string {
  if (!canShow(text)) return `a text of ${[...text].length} characters (not shown)`;
  const shown = text.length > 40 ? text.slice(0, 37) + "..." : text;
  return JSON.stringify(shown);
}

/** An id as a message shows it: as it is when it cannot be a name (see quoteCellValue), else its length. */
export function showId(id: string): string {
  if (!canShow(id)) return `(an id of ${[...id].length} characters, not shown)`;
  return id.length > 100 ? `${id.slice(0, 60)}… (${id.length} characters)` : id;
}

const HARMLESS_WORDS = new Set([
  "na", "n/a", "nan", "null", "none", "nil", "missing", "unknown", "empty", "undefined",
  "yes", "no", "y", "n", "true", "false", "t", "f", "inf", "infinity", "-inf", "-infinity", "encrypted",
]);

function canShow(text: string): boolean {
  if (!/\p{L}/u.test(text)) return true;
  if (/\p{Nd}/u.test(text) && !/\s/u.test(text.trim())) return true;
  return HARMLESS_WORDS.has(text.trim().toLowerCase());
}
