/**
 * Git, through the git binary: the only way abx touches history, and the one place abx starts git
 * (every call goes through `safeGit` below). Everything here reads; abx never checks out, stashes
 * or clones. Failures that the user can fix (not a repository, an unknown revision) are
 * GitErrors: one line on stderr, exit status 2.
 *
 * The repository may come from a pull request no one has reviewed, and the user's own git config
 * may ask for pagers, signatures or drivers: git is run so that it starts no other program. No
 * pager, no hooks, no fsmonitor, no external diff or textconv drivers, no gpg (see docs/security.md).
 */
import type { SpawnSyncReturns } from 'node:child_process';
// child_process and crypto are fetched on first use (process.getBuiltinModule): loading them is
// about 6 ms of every start, and most runs never start git.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export class GitError extends Error {}

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** False when git itself is not installed. */
  available: boolean;
}

/** Config that overrides whatever the repository, the user or the system says. */
const SAFE_CONFIG = ['core.fsmonitor=false', 'core.hooksPath=/dev/null', 'core.pager=cat', 'log.showSignature=false', 'core.untrackedCache=false'];

/** Flags for the subcommands that could otherwise run a driver or gpg. */
const SAFE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  log: ['--no-show-signature', '--no-ext-diff', '--no-textconv'],
};

/**
 * The environment git runs in: the caller's, without any GIT_* variable (they can point git at
 * another repository, index or object store, add config, or name programs to run) and without a
 * pager; no system config, no prompts, no optional locks, no replace refs, C messages.
 */
export function safeGitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (key.toUpperCase().startsWith('GIT_') || key.toUpperCase() === 'PAGER') continue;
    env[key] = value;
  }
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_REPLACE_OBJECTS: '1', LC_ALL: 'C' };
}

/** `git <args>` made safe: `--no-pager`, the SAFE_CONFIG, and the subcommand's SAFE_FLAGS. */
export function safeGitArgs(args: readonly string[]): string[] {
  const [command, ...rest] = args;
  if (command === undefined) return ['--no-pager'];
  return ['--no-pager', ...SAFE_CONFIG.flatMap((c) => ['-c', c]), command, ...(SAFE_FLAGS[command] ?? []), ...rest];
}

let gitPath: string | undefined;

/**
 * The git program, by absolute path from the absolute folders of PATH. Left to the system, a
 * relative PATH entry (`.`, or an empty one) and, on Windows, the working folder itself are
 * searched too: a repository holding a file named `git` (or `git.exe`) would run it.
 */
export function gitProgram(path = process.env.PATH ?? process.env.Path ?? ''): string | undefined {
  const name = process.platform === 'win32' ? 'git.exe' : 'git';
  for (const dir of path.split(delimiter)) {
    if (!isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there, or not runnable: the next folder
    }
  }
  return undefined;
}

/** Runs git safely, synchronously, and returns what it wrote: the one way abx starts git. */
export function safeGit(cwd: string, args: readonly string[], options: { input?: string; maxBuffer?: number } = {}) {
  gitPath ??= gitProgram();
  if (gitPath === undefined) return notInstalled();
  return process.getBuiltinModule('node:child_process').spawnSync(gitPath, safeGitArgs(args), { cwd, input: options.input, maxBuffer: options.maxBuffer ?? 512 * 1024 * 1024, env: safeGitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** What spawning a program that is not there returns: callers say "git is not installed". */
function notInstalled(): SpawnSyncReturns<Buffer> {
  const error = Object.assign(new Error('git was not found in any absolute folder of PATH'), { code: 'ENOENT' });
  return { pid: 0, output: [], stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), status: null, signal: null, error };
}

export function git(cwd: string, args: readonly string[], input?: string): GitResult {
  const r = safeGit(cwd, args, { input });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { ok: false, stdout: '', stderr: String(r.error.message), available: code !== 'ENOENT' };
  }
  return { ok: r.status === 0, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), available: true };
}

export function isInsideRepository(dir: string): boolean {
  const r = git(dir, ['rev-parse', '--is-inside-work-tree']);
  return r.ok && r.stdout.trim() === 'true';
}

/** Runs git and returns stdout, or throws a GitError saying what failed in one line. */
function gitOrThrow(cwd: string, args: readonly string[], what: string): string {
  const r = git(cwd, args);
  if (!r.available) throw new GitError('git is not installed (or not on PATH): this command reads the repository history');
  if (!r.ok) throw new GitError(`${what}: ${firstLine(r.stderr) || 'git failed'}`);
  return r.stdout;
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.replace(/^(fatal|error): /, '').trim();
}

/** Fails with a clear message unless `dir` is inside a git work tree. */
export function requireRepository(dir: string): void {
  const r = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (!r.available) throw new GitError('git is not installed (or not on PATH): this command reads the repository history');
  if (!r.ok || r.stdout.trim() !== 'true') throw new GitError(`${dir} is not inside a git repository: this command compares revisions of the workspace`);
}

/** The full commit id a revision names; a GitError when it names none. */
export function resolveCommit(cwd: string, rev: string): string {
  if (rev.startsWith('-')) throw new GitError(`unknown revision "${rev}"`);
  const r = git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (!r.available) throw new GitError('git is not installed (or not on PATH): this command reads the repository history');
  if (!r.ok) throw new GitError(`unknown revision "${rev}": not a branch, tag or commit of this repository`);
  return r.stdout.trim();
}

/** The first of `names` that resolves to a commit, or undefined. */
export function firstExistingRevision(cwd: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const r = git(cwd, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
    if (r.ok) return name;
  }
  return undefined;
}

export function mergeBase(cwd: string, a: string, b: string): string {
  return gitOrThrow(cwd, ['merge-base', a, b], `no common ancestor of ${a} and ${b}`).trim();
}

/** The workspace folder's path inside the repository (`''` at the top, else `sub/dir/`). */
export function prefixInRepository(dir: string): string {
  return gitOrThrow(dir, ['rev-parse', '--show-prefix'], 'cannot place the workspace in the repository').replace(/\n$/, '');
}

export interface TreeEntry {
  /** Relative to the folder git ran in, with `/`. */
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Bytes, for blobs. */
  size: number;
}

/**
 * Every file in the tree of `commit` below the folder git runs in (paths relative to it), with
 * mode and size, so links and oversized files are known before anything is read.
 */
export function listTree(cwd: string, commit: string): TreeEntry[] {
  const what = `cannot list the files of ${commit}`;
  const r = git(cwd, ['ls-tree', '-r', '-z', '--long', commit]);
  if (!r.available) throw new GitError('git is not installed (or not on PATH): this command reads the repository history');
  if (!r.ok) throw new GitError(`${what}: ${firstLine(r.stderr) || 'git failed'}`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    const path = record.slice(tab + 1);
    // A blob whose size git cannot tell ("BAD") is a damaged object: git said why on stderr.
    if (type === 'blob' && !/^\d+$/.test(size ?? '')) throw new GitError(`cannot read ${path} from the repository: ${firstLine(r.stderr) || 'git cannot read its object'}`);
    entries.push({ path, mode: mode ?? '', type: (type ?? 'blob') as TreeEntry['type'], oid: oid ?? '', size: size === '-' ? 0 : Number(size) });
  }
  return entries;
}

/**
 * The id git gives a file of these bytes (`git hash-object --no-filters`), the text encoded as
 * UTF-8: equal to a tree entry's oid exactly when the bytes are the blob's. `like` is an oid of
 * the repository, for its hash (SHA-1, or SHA-256 in a repository made with that format).
 */
export function blobId(text: string, like = ''): string {
  return process.getBuiltinModule('node:crypto').createHash(like.length === 64 ? 'sha256' : 'sha1')
    .update(`blob ${Buffer.byteLength(text, 'utf8')}\0`)
    .update(text, 'utf8')
    .digest('hex');
}

/** At most this many bytes of blobs are asked of one `git cat-file --batch` run. */
export const BLOB_BATCH_BYTES = 32 * 1024 * 1024;

/**
 * The contents of blobs through `git cat-file --batch`, a run of at most BLOB_BATCH_BYTES at a
 * time (sizes from `ls-tree --long`), each run's map handed out before the next is read: a
 * revision of a thousand 1 MB files is never one buffer. A failure of git is a GitError with
 * git's own message.
 */
export function* readBlobBatches(cwd: string, blobs: readonly { oid: string; size: number }[], batchBytes = BLOB_BATCH_BYTES): Generator<Map<string, Buffer>> {
  let batch: string[] = [];
  let bytes = 0;
  const seen = new Set<string>();
  for (const blob of blobs) {
    if (seen.has(blob.oid)) continue;
    seen.add(blob.oid);
    if (batch.length > 0 && bytes + blob.size > batchBytes) {
      yield catFile(cwd, batch, bytes);
      batch = [];
      bytes = 0;
    }
    batch.push(blob.oid);
    bytes += blob.size;
  }
  if (batch.length > 0) yield catFile(cwd, batch, bytes);
}

function catFile(cwd: string, oids: readonly string[], bytes: number): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  // Room for the blobs and a header line each.
  const maxBuffer = bytes + oids.length * 128 + 1024 * 1024;
  const r = safeGit(cwd, ['cat-file', '--batch'], { input: `${oids.join('\n')}\n`, maxBuffer });
  if (r.error || r.status !== 0) {
    const why = firstLine(r.stderr ? r.stderr.toString('utf8') : '') || r.error?.message || `git exited with status ${r.status ?? 'unknown'}`;
    throw new GitError(`cannot read files from the repository: ${why}`);
  }
  const buf = r.stdout;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(0x0a, at);
    if (nl < 0) break;
    const header = buf.subarray(at, nl).toString('utf8');
    const [oid, type, size] = header.split(' ');
    if (type === 'missing' || size === undefined) {
      // A tree names it, so the object database is damaged: git said why on stderr.
      const why = firstLine(r.stderr ? r.stderr.toString('utf8') : '') || `git has no object ${oid ?? ''}`;
      throw new GitError(`cannot read files from the repository: ${why}`);
    }
    const length = Number(size);
    blobs.set(oid ?? '', buf.subarray(nl + 1, nl + 1 + length));
    at = nl + 1 + length + 1;
  }
  return blobs;
}

export interface CommitInfo {
  commit: string;
  /** Author date, `YYYY-MM-DD` in the author's time zone. */
  date: string;
  author: string;
  subject: string;
}

/**
 * Commits reachable from `rev` that changed a file `pathspecs` match (relative to cwd; magic such
 * as `:(literal)` or `:(glob)` allowed), newest first. Renames are not followed: an account's id
 * is its file name.
 */
export function commitsTouching(cwd: string, rev: string, pathspecs: readonly string[]): CommitInfo[] {
  const out = gitOrThrow(cwd, ['log', '-z', '--format=%H%x1f%ad%x1f%an%x1f%s', '--date=short', rev, '--', ...pathspecs], `cannot read the history of ${rev}`);
  return out
    .split('\0')
    .filter((r) => r.trim() !== '')
    .map((record) => {
      const [commit, date, author, subject] = record.replace(/^\n/, '').split('\x1f');
      return { commit: commit ?? '', date: date ?? '', author: author ?? '', subject: subject ?? '' };
    });
}
