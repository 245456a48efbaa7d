/** The last commits that changed a file, for `abx show`: read-only, through the git runner of `git.ts`. */
import type { Change } from '../core/card.js';
import { git, isInsideRepository } from './git.js';

/** Newest first, at most `limit`; null when the folder is not in a git repository (or git is missing). */
export function lastChanges(root: string, file: string, limit = 5): Change[] | null {
  if (!isInsideRepository(root)) return null;
  // A tab cannot appear in the hash, date or author git prints here; the subject comes last.
  const r = git(root, ['log', '--no-show-signature', '--no-color', `-n${limit}`, '--date=short', '--format=%h%x09%ad%x09%an%x09%s', '--', file]);
  // A repository without commits yet (or a file git does not know) has no history to show.
  if (!r.ok) return [];
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [commit = '', date = '', author = '', ...subject] = l.split('\t');
      return { commit, date, author, subject: subject.join('\t') };
    });
}
