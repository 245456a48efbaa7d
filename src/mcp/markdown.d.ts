/** The method's documents, bundled as text by esbuild (scripts/build.mjs: the `.md` loader). */
declare module '*.md' {
  const text: string;
  export default text;
}
