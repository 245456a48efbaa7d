/** What the questions of `abx new` share: reading flags, checking choices, naming what is missing. */
import { isDate } from '../dates.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { NewSetting } from './kind.js';

/**
 * A value the user typed, quoted back in a message: at most 60 characters. (The CLI shows every
 * message through `format/escape/terminal.ts`, so controls in it are never run.)
 */
export function quoted(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

/** The user said no at the last question: nothing is written, and that is not a failure. */
export class Cancelled extends Error {}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
export const flagName = (key: string) => `--${key.replace(/_/g, '-')}`;
export const required = (value: string) => (value.trim() === '' ? 'required' : true);

export function titleOf(id: string): string {
  return id.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

export function checkChoice(flag: string, value: string | undefined, choices: readonly string[]): void {
  if (value !== undefined && !choices.includes(value)) throw new UsageError(`${flag} must be one of ${choices.join(', ')}, not "${quoted(value)}"${didYouMean(value, choices)}`);
}

export function checkSegment(value: string | undefined, setting: NewSetting): void {
  if (value === undefined) return;
  if (!setting.segments.some((s) => s.id === value)) {
    const known = setting.segments.map((s) => s.id);
    throw new UsageError(`no segment "${quoted(value)}"${didYouMean(value, known)}${known.length > 0 ? `; segments: ${known.join(', ')}` : ': create one with abx new segment <id>'}`);
  }
}

export function dateFlag(flag: string, value: unknown): string | undefined {
  const s = str(value);
  if (s !== undefined && !isDate(s)) throw new UsageError(`${flag} must be a date in the form YYYY-MM-DD, not "${quoted(s)}"`);
  return s;
}

export function missingFlags(kind: string, missing: string[]): UsageError {
  return new UsageError(`abx new ${kind} is not on a terminal, so it cannot ask: give ${missing.join(', ')} (see abx new --help)`);
}

/** A segment picked from the workspace's segments, or none. */
export async function pickSegment(prompter: { select<T>(c: { message: string; choices: { name: string; value: T }[] }): Promise<T> }, setting: NewSetting, none: string): Promise<string | undefined> {
  const picked = await prompter.select<string>({
    message: 'Segment',
    choices: [...setting.segments.map((s) => ({ name: `${s.name} (${s.id})`, value: s.id })), { name: none, value: '' }],
  });
  return picked === '' ? undefined : picked;
}
