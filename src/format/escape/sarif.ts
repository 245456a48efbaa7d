/**
 * Text on its way into SARIF. JSON.stringify escapes what JSON needs; on top of that, a file path
 * is a URI reference, so each segment is percent-encoded (a `#` or `?` in a file name is not a
 * fragment or a query), and `message.text` holds no control characters other than line breaks
 * (viewers print it as it is).
 */

export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function sarifText(value: string): string {
  return value.replace(CONTROLS, '?');
}
