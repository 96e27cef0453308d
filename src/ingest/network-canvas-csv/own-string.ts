/** A copy of a string that does not keep alive the (much longer) text it was cut from. */
export function own(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}
