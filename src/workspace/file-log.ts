/** The last commits that changed a file, for `abx show`: read-only, through the safe git runner (`git.ts`). */
import type { Change } from '../core/card.js';
import { commitsTouching, GitError, isInsideRepository } from './git.js';

/** Newest first, at most `limit`; null when the folder is not in a git repository (or git is missing). */
export function lastChanges(root: string, file: string, limit = 5): Change[] | null {
  if (!isInsideRepository(root)) return null;
  try {
    // `:(literal)`: a file name is a name, never a pattern.
    return commitsTouching(root, 'HEAD', [`:(literal)${file}`])
      .slice(0, limit)
      .map((c) => ({ ...c, commit: c.commit.slice(0, 7) }));
  } catch (err) {
    // A repository without commits yet has no history to show.
    if (err instanceof GitError) return [];
    throw err;
  }
}
