/**
 * A mistake in how abx was called (a flag, an argument, an answer): printed as one line, exit
 * status 2. Defined in the core because the questions each kind asks (`abx new`) check flags
 * too; the CLI re-exports it.
 */
export class UsageError extends Error {}
