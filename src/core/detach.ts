/**
 * A copy of a string that holds no other string alive. V8 keeps a substring of 13 characters or
 * more as a view into its parent, so a value cut from a file's text (js-yaml slices scalars from
 * it) keeps the whole text in memory for as long as the value lives. What outlives its file in a
 * lean run (compact scores, export's facts) is detached: appending makes a new string, and the
 * slice of it refers to that string only.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}
