/**
 * Every bound abx keeps, in one place (docs/security.md lists them). A pull request can change any
 * file of the workspace, the config included, so none of these can be lifted by the config: they
 * are what keeps a hostile change from making CI read outside the workspace, run for hours or
 * fill its memory. Each is far above what a real strategy repository needs.
 */
export { MAX_DATA_DEPTH, MAX_EXPANDED_NODES, MAX_FLOW_DEPTH, MAX_INDENT } from './yaml/limits.js';

/** Bytes of one file (workspace files, the config, a custom JSON Schema); larger ones are unreadable. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Files the kind globs may match in one workspace (the benchmarks run 50,000 accounts). */
export const MAX_WORKSPACE_FILES = 100_000;

/** Characters of a path or glob in the config (`paths`, `schemas`). */
export const MAX_CONFIG_PATH = 256;

/** `**` parts in one kind glob: each can stand for any number of folders. */
export const MAX_GLOB_DOUBLE_STARS = 4;

/** Days of a scoring window (`scoring.engagement.window_days`, `scoring.mqa.window_days`): ten years. */
export const MAX_WINDOW_DAYS = 3650;

/** Entries of a list or map in the config (`journey.stages`, `scoring.engagement.points`, `rules`, `kpis`). */
export const MAX_CONFIG_LIST = 200;

/**
 * Instructions of one compiled custom-schema `pattern` (re2js, linear time: the work is the length
 * of the text times this at most). `^[a-z0-9-]+$` is 9; `[\s\S]{1000}` alone is 1,000.
 */
export const MAX_PATTERN_INSTRUCTIONS = 2_000;

/**
 * Schemas (objects and arrays) in one custom JSON Schema with every `$ref` written out in place;
 * recursive schemas are refused (src/core/schema-size.ts).
 */
export const MAX_SCHEMA_NODES = 10_000;
