/**
 * Every kind of workspace file, in the order files are matched to globs (a file two globs match
 * belongs to the first). Adding a kind is adding its file here, its template and its fixtures.
 */
import { accountKind } from './account.js';
import { betKind } from './bet.js';
import { collateralKind } from './collateral.js';
import { investmentKind } from './investment.js';
import { journeyKind } from './journey.js';
import type { KindDef } from './kind.js';
import { kpiKind } from './kpi.js';
import { messagingKind } from './messaging.js';
import { planKind } from './plan.js';
import { segmentKind } from './segment.js';

export const KIND_DEFS = [segmentKind, accountKind, betKind, journeyKind, kpiKind, messagingKind, collateralKind, planKind, investmentKind] as const;

export type Kind = (typeof KIND_DEFS)[number]['kind'];

export const KINDS: readonly Kind[] = KIND_DEFS.map((k) => k.kind);

const BY_KIND = new Map<string, KindDef>(KIND_DEFS.map((k) => [k.kind, k as unknown as KindDef]));

export function kindDef(kind: Kind): KindDef {
  return BY_KIND.get(kind) as KindDef;
}

/** A kind as the user may type it: the folder's plural or the singular (`accounts`, `account`). */
export function kindNamed(value: string): KindDef | undefined {
  const v = value.toLowerCase();
  return (KIND_DEFS as readonly KindDef[]).find((k) => k.kind === v || k.singular === v);
}

export function defaultPaths(): Record<Kind, string> {
  return Object.fromEntries(KIND_DEFS.map((k) => [k.kind, k.glob])) as Record<Kind, string>;
}

/** The id of a file: its name without the extension. */
export function fileId(path: string, kind: Kind): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return kindDef(kind).format === 'yaml' ? base.replace(/\.ya?ml$/i, '') : base.replace(/\.md$/i, '');
}

export type { Entry, FileIds, KindDef } from './kind.js';
