/** Words for counts, shared by messages, renderers and the CLI. */

/** `1 file`, `3 files`; irregular plurals are given (`plural(n, 'activity', 'activities')`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
