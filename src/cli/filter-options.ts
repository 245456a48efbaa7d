/**
 * The account filter and sort options of `list`, `score`, `report` and `export`, declared once.
 * Loaded with the command table, so it imports nothing heavy; `filters.ts` reads the values.
 */
import { Option, type Command } from 'commander';
import { SORT_KEYS, type SortKey } from '../core/filter.js';

export function withFilters(cmd: Command): Command {
  return cmd
    .option('--segment <id>', 'only accounts of this segment')
    .option('--tier <tier>', 'only accounts in this PURE tier (1-5), or fit:<1-3> / pure:<1-5>')
    .option('--owner <owner>', 'only accounts this person owns (the whole owner, any case)')
    .option('--motion <motion>', 'only accounts in this motion: detect, decode, engage, accelerate or expand')
    .option('--mqa', 'only marketing-qualified accounts')
    .option('--search <text>', 'only accounts whose name, id or domain contains the text (any case)');
}

export function withSort(cmd: Command, fallback: SortKey = 'fit'): Command {
  return cmd.addOption(new Option('--sort <key>', 'sort order').choices([...SORT_KEYS]).default(fallback));
}

