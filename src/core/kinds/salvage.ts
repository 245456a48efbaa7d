/**
 * Salvage: a record with schema errors is still used for what is valid in it (an account is still
 * scored). The errors are reported all the same; list indexes are mapped back so that findings
 * on the salvaged record point at the right item of the file.
 */
import type { z } from 'zod';
import type { DataPath, Finding } from '../problem.js';
import type { IndexMaps } from './kind.js';

export interface SalvagePlan {
  /** Lists whose broken items are left out (the rest of the list is kept). */
  lists: readonly string[];
  /** Fields without which nothing can be salvaged. */
  vital: readonly string[];
  /** Maps dropped whole when anything in them is broken (elsewhere only the broken key goes). */
  whole: readonly string[];
}

export function salvageRecord<T>(schema: z.ZodType<T>, data: unknown, findings: readonly Finding[], plan: SalvagePlan): { record: T; indexes: IndexMaps } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  const dropItems = new Map<string, Set<number>>();
  for (const f of findings) {
    if (f.rule !== 'schema' || !f.path || f.path.length === 0) continue;
    const [top, index] = f.path;
    if (typeof top !== 'string' || plan.vital.includes(top)) return undefined;
    const value = copy[top];
    if (plan.lists.includes(top) && typeof index === 'number' && Array.isArray(value)) {
      const set = dropItems.get(top) ?? new Set<number>();
      set.add(index);
      dropItems.set(top, set);
    } else if (!plan.whole.includes(top) && typeof index === 'string' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      // A broken fact or given fit component: drop that one key, keep the rest of the map.
      const map: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      delete map[index];
      copy[top] = map;
    } else {
      delete copy[top];
    }
  }
  const indexes: IndexMaps = new Map();
  for (const [list, drop] of dropItems) {
    const items = copy[list];
    if (!Array.isArray(items)) continue;
    const kept: unknown[] = [];
    const origin: number[] = [];
    items.forEach((item, i) => {
      if (!drop.has(i)) {
        kept.push(item);
        origin.push(i);
      }
    });
    copy[list] = kept;
    indexes.set(list, origin);
  }
  const again = schema.safeParse(copy);
  return again.success ? { record: again.data, indexes } : undefined;
}

/** A path into the salvaged record, as a path into the file's data. */
export function remapPath(path: DataPath | undefined, indexes: IndexMaps | undefined): DataPath | undefined {
  if (!indexes || !path || path.length < 2) return path;
  const [top, index, ...rest] = path;
  const origin = typeof top === 'string' ? indexes.get(top) : undefined;
  if (!origin || typeof index !== 'number') return path;
  return [top as string, origin[index] ?? index, ...rest];
}

export function remap(findings: Finding[], indexes: IndexMaps | undefined): Finding[] {
  if (!indexes) return findings;
  return findings.map((f) => ({ ...f, path: remapPath(f.path, indexes) }));
}
