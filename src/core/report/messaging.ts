/**
 * The messaging report (method.md §1): for each messaging file, the capability translation matrix
 * (capabilities × segments, gaps marked) and the persona message map with its proof points
 * resolved to collateral names; coverage in percent, rounded once to one decimal.
 */
import type { Analysis } from '../analyze.js';
import { personaKey, servedSegments, type Messaging } from '../kinds/messaging.js';
import { roundTo } from './numbers.js';

export interface Coverage {
  filled: number;
  expected: number;
  /** filled ÷ expected in percent, one decimal; null when nothing is expected. */
  percent: number | null;
}

export interface MatrixCell {
  segment: string;
  served: boolean;
  benefit: string | null;
  /** A served segment without a benefit: `capability-benefit-missing`. */
  gap: boolean;
}

export interface CapabilityRow {
  capability: string;
  soWhat: string | null;
  cells: MatrixCell[];
}

export interface ProofPoint {
  id: string;
  /** The collateral's name, or null when no readable collateral file has this id. */
  name: string | null;
  type: string | null;
}

export interface PersonaRow {
  persona: string;
  caresAbout: string | null;
  message: string | null;
  proofPoints: ProofPoint[];
}

export interface MessagingCard {
  id: string;
  file: string;
  name: string;
  /** Served segments first, then segments only named in benefits. */
  columns: { segment: string; name: string | null; served: boolean }[];
  categoryNarrative: string | null;
  capabilities: CapabilityRow[];
  personas: PersonaRow[];
  /** Persona titles of served segments with no entry: `persona-message-missing`. */
  missingPersonas: string[];
  keywords: string[];
  benefitCoverage: Coverage;
  personaCoverage: Coverage;
}

export interface MessagingReport {
  total: number;
  messaging: MessagingCard[];
  /** Over every messaging file: served (capability, segment) cells with a benefit, persona titles with a message. */
  benefitCoverage: Coverage;
  personaCoverage: Coverage;
}

const clean = (v: string | null | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export function coverage(filled: number, expected: number): Coverage {
  return { filled, expected, percent: expected === 0 ? null : roundTo((filled / expected) * 100, 1) };
}

export function messagingReport(analysis: Analysis): MessagingReport {
  const cards = [...analysis.messaging.values()].map((e) => card(e.id, e.file, e.data, analysis)).sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  const sum = (pick: (c: MessagingCard) => Coverage) => cards.reduce((acc, c) => ({ f: acc.f + pick(c).filled, e: acc.e + pick(c).expected }), { f: 0, e: 0 });
  const b = sum((c) => c.benefitCoverage);
  const p = sum((c) => c.personaCoverage);
  return { total: cards.length, messaging: cards, benefitCoverage: coverage(b.f, b.e), personaCoverage: coverage(p.f, p.e) };
}

function card(id: string, file: string, m: Messaging, analysis: Analysis): MessagingCard {
  const served = servedSegments(m);
  const others = [...new Set((m.capabilities ?? []).flatMap((c) => Object.keys(c.benefits ?? {})))].filter((s) => !served.includes(s));
  const segmentName = (s: string) => analysis.segments.get(s)?.data.name ?? null;
  const columns = [...served.map((segment) => ({ segment, name: segmentName(segment), served: true })), ...others.map((segment) => ({ segment, name: segmentName(segment), served: false }))];

  let filled = 0;
  const capabilities = (m.capabilities ?? []).map((c) => ({
    capability: c.capability,
    soWhat: clean(c.so_what),
    cells: columns.map(({ segment, served: isServed }) => {
      const benefit = c.benefits && Object.prototype.hasOwnProperty.call(c.benefits, segment) ? clean(c.benefits[segment]) : null;
      if (isServed && benefit !== null) filled++;
      return { segment, served: isServed, benefit, gap: isServed && benefit === null };
    }),
  }));

  const titles = new Map<string, string>();
  for (const s of served) for (const p of analysis.segments.get(s)?.data.personas ?? []) if (!titles.has(personaKey(p.title))) titles.set(personaKey(p.title), p.title.trim());
  const covered = new Set((m.personas ?? []).map((p) => personaKey(p.persona)));
  const missingPersonas = [...titles].filter(([k]) => !covered.has(k)).map(([, t]) => t);

  const personas = (m.personas ?? []).map((p) => ({
    persona: p.persona,
    caresAbout: clean(p.cares_about),
    message: clean(p.message),
    proofPoints: (p.proof_points ?? []).map((pid) => {
      const asset = analysis.collateral.get(pid)?.data;
      return { id: pid, name: asset?.name ?? null, type: asset?.type ?? null };
    }),
  }));

  return {
    id,
    file,
    name: m.name,
    columns,
    categoryNarrative: clean(m.category_narrative),
    capabilities,
    personas,
    missingPersonas,
    keywords: m.keywords ?? [],
    benefitCoverage: coverage(filled, capabilities.length * served.length),
    personaCoverage: coverage(titles.size - missingPersonas.length, titles.size),
  };
}
