/** How a failure reads on stderr: one clear line, problems where a config is invalid, a stack only with ABX_DEBUG=1. */
import { ConfigInvalid, WorkspaceError } from '../workspace/load.js';
import { UsageError } from './context.js';
import { GitError } from '../workspace/git.js';
import { renderStylish } from '../format/validate/stylish.js';
import { UnsafeWriteError } from '../workspace/write.js';
import { plainChalk } from './colour.js';
import { terminalText } from '../format/escape/terminal.js';

/** A message is one line: whatever user text it quotes is shown, never run (no line breaks or controls). */
const safe = (message: string) => terminalText(message, 2000);

export function describeFailure(err: unknown, debug: boolean): string {
  if (err instanceof ConfigInvalid) {
    return `${renderStylish(err.problems, { chalk: plainChalk, quiet: true, files: 1 })}abx: abx.config.yaml ${err.revision ? `at ${err.revision} ` : ''}is invalid: fix the problems above${err.revision ? ' (they are in that revision, not in your working tree)' : ''}\n`;
  }
  // A refused write (through a link, out of the workspace) is a refusal, not a crash.
  if (err instanceof UsageError || err instanceof WorkspaceError || err instanceof GitError || err instanceof UnsafeWriteError) {
    return `abx: ${safe(err.message)}\n`;
  }
  const message = safe(err instanceof Error ? err.message : String(err));
  if (debug) return `abx: internal error: ${err instanceof Error && err.stack ? err.stack : message}\n`;
  return `abx: internal error: ${message}\n(run again with ABX_DEBUG=1 to see where it happened, and please report it)\n`;
}
