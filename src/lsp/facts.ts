/**
 * What the language server knows of the workspace, as the request handlers (completion, hover)
 * need it. The server's index (updated per change) implements it; handlers take it as a plain
 * value so they can be tested without a server, a client or a file system.
 */
import type { Config } from '../core/config.js';
import type { Kind } from '../core/kinds/index.js';
import type { AccountScore } from '../core/scoring/account.js';

/** One open or indexed document: its workspace-relative path (with `/`), kind and current text. */
export interface EditorDocument {
  /** Workspace-relative, `/`-separated (`accounts/acme.md`). */
  path: string;
  /** The kind its path gives under the config's paths; `'config'` for abx.config.yaml; undefined otherwise. */
  kind: Kind | 'config' | undefined;
  text: string;
}

export interface WorkspaceFacts {
  /** The resolved config (defaults where the file says nothing); undefined while the config is invalid. */
  config: Config | undefined;
  /** The ids of every file of a kind, from the index (unsaved buffers included). */
  ids(kind: Kind): Iterable<string>;
  /** The workspace-relative path of the file that defines an id, for go to definition. */
  pathOf(kind: Kind, id: string): string | undefined;
  /** The account's current score (as `abx score` computes it today), if it could be scored. */
  score(accountId: string): AccountScore | undefined;
  /** The as-of date the scores were computed at (YYYY-MM-DD). */
  asOf: string;
}
