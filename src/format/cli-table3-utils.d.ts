/** cli-table3 ships no types for its helpers; `strlen` is the width it gives a cell's text. */
declare module 'cli-table3/src/utils.js' {
  export function strlen(str: string): number;
}
