/**
 * A decoded cell. `null` is missing (an empty cell, no `<data>` element, `ENCRYPTED`), which is distinct
 * from `false`. A categorical value is the list of chosen option values (several may be chosen; an empty
 * list means the question was answered with no option, which older exports cannot tell from unanswered).
 */
export type Value = string | number | boolean | readonly string[] | null;

/** Attribute values keyed by variable name. */
export type Attributes = Record<string, Value>;
