/**
 * Which kind of file a place in a record names (`segment` → segments, `proof_points[]` →
 * collateral), asked of the kinds themselves: each kind's `references` is run on a record that
 * holds one marker value at the place, so the editor knows every reference the kinds declare and
 * no second list can drift from them.
 */
import { KINDS, kindDef, type Kind } from '../core/kinds/index.js';

const MARK = 'abx-editor-probe';
const cache = new Map<string, Kind | null>();

function recordWith(path: readonly string[], i = 0): unknown {
  if (i === path.length) return MARK;
  const seg = path[i] as string;
  if (seg === '[]') return [recordWith(path, i + 1)];
  return { [seg === '*' ? MARK : seg]: recordWith(path, i + 1) };
}

/** The kind whose ids belong at `path` in a file of `kind` (`*` for a key of a map), if any. */
export function referencedKind(kind: Kind, path: readonly string[]): Kind | undefined {
  const id = `${kind}\u0000${path.join('.')}`;
  let found = cache.get(id);
  if (found === undefined) {
    found = null;
    try {
      const refs = kindDef(kind).references?.(recordWith(path)) ?? [];
      const ref = refs.find((r) => r.value === MARK);
      if (ref && (KINDS as readonly string[]).includes(ref.kind)) found = ref.kind as Kind;
    } catch {
      // A kind that reads more of the record than the marker gives declares nothing here.
    }
    cache.set(id, found);
  }
  return found ?? undefined;
}
