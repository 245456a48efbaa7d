/**
 * Text on its way into GitHub Actions workflow commands (`::error file=…::message`). Escaping
 * follows the runner's rules (`%`, CR and LF in the message; also `:` and `,` in properties), so
 * a message cannot end the command or start a new one; other control characters become `?`.
 */

// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Escaping for a command's message (the runner's `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(OTHER_CONTROLS, '?').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a command's properties (the runner's `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A plain line in the step log (not a command): line breaks become spaces, controls `?`. */
export function logLine(value: string): string {
  return value.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ').replace(OTHER_CONTROLS, '?');
}
