/**
 * Safe YAML parsing with two engines and one set of rules.
 *
 * Most workspace files are plain block YAML; for those, js-yaml with a schema that mirrors the
 * `yaml` package's YAML 1.2 core schema is several times faster. Anything out of the ordinary
 * (tags, anchors, aliases, explicit keys) and every file that fails goes through the `yaml`
 * Document API, which is also the one that knows positions. Both paths yield the same data:
 * dates stay strings, duplicate keys are errors, `__proto__` is an own key, and the same
 * limits apply (`limits.ts`). test/unit/yaml-paths.test.ts runs both over every fixture, and
 * test/unit/yaml-test-suite.test.ts holds the result to the YAML test suite.
 */
import jsyaml from 'js-yaml';
import type { Document, LineCounter, YAMLParseError } from 'yaml';
import { yamlLib } from './lib.js';
import { aliasTargets, toJSLinear } from './aliases.js';
import { checkExpandedData, checkTreeData, checkYamlText, describeDataViolation } from './limits.js';

export interface YamlError {
  message: string;
  line: number;
  column: number;
}

export type YamlResult = { ok: true; data: unknown } | { ok: false; error: YamlError };

// Most plain scalars are words; a look at the first character spares them the regular expressions.
const firstIs = (s: string, chars: string) => s.length > 0 && chars.includes(s[0] as string);

const CORE_TYPES = [
  new jsyaml.Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (s: string) => s === '' || (firstIs(s, '~nN') && /^(?:~|[Nn]ull|NULL)$/.test(s)),
    construct: () => null,
  }),
  new jsyaml.Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (s: string) => firstIs(s, 'tTfF') && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
    construct: (s: string) => s[0] === 't' || s[0] === 'T',
  }),
  new jsyaml.Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (s: string) => firstIs(s, '0123456789+-') && /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
    construct: (s: string) =>
      s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10),
  }),
  new jsyaml.Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (s: string) =>
      firstIs(s, '0123456789+-.') &&
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(s),
    construct: (s: string) =>
      /nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s),
  }),
];

const FAST_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: CORE_TYPES });

/**
 * Syntax the fast path leaves to the `yaml` package: node properties (tags `!`, anchors `&`),
 * aliases `*`, explicit keys `? ` and merge keys `<<`. They can only stand where a node starts:
 * after the indentation and `- ` of a line, after `: `, `? `, `- `, or after `[`, `{`, `,`
 * (`:` too, for JSON-like flow keys). A ` & ` inside a plain scalar ("VP Quality & Compliance")
 * is text and keeps the fast path. The pattern errs on the side of "exotic": a false hit only
 * costs speed.
 */
const EXOTIC = /(?:^[ \t-]*|[-:?,[{][ \t]+|[:,[{])(?:[!&*]|\?(?:[ \t]|$)|<<)/m;
/** Every match of EXOTIC holds one of these: five scans for a character cost a third of the pattern's one. */
const mayBeExotic = (text: string) => text.includes('&') || text.includes('*') || text.includes('!') || text.includes('?') || text.includes('<<');

/**
 * A flow collection used as a key: `[a, b]: 1`, or a key with no value inside a flow map
 * (`{{company}}`, `{x: 1, [a]}`). js-yaml makes such keys strings ("a,b", "[object Object]"), the
 * `yaml` package an error. The second half also catches lists of flow collections (`[{a: 1}, [b]]`),
 * which only costs those files the fast path.
 */
const FLOW_KEY = /[\]}][ \t]*:(?:[ \t]|$)|[{,]\s*[[{]/m;

const LONE_CR = /\r(?!\n)/;
/**
 * Where js-yaml is more lenient than YAML 1.2 (the YAML test suite, test/unit/yaml-test-suite.test.ts),
 * the file goes the slow way and the `yaml` package judges it:
 * - a tab in a line's indentation (js-yaml takes tabs where YAML 1.2 requires spaces);
 * - a block scalar header followed by a line of only blanks (YAML 1.2 rejects more-indented
 *   leading empty lines without an indentation indicator; js-yaml reads them as empty);
 * - a comment glued to a closing quote (`"value"# text`), which YAML 1.2 rejects;
 * - a line starting with `---` or `...` that is not a fence (`---word`): js-yaml ends the document there.
 */
const TAB_INDENT = /^[ ]*\t/m;
const BLANK_AFTER_BLOCK_HEADER = /[|>][-+0-9]{0,2}[ \t]*(?:#[^\n]*)?\r?\n[ \t]+\r?\n/;
const GLUED_COMMENT = /["']#/;
const MARKER_LIKE = /^(?:---|\.\.\.)/m;
/** A quote that opens a scalar and does not close on its line (conservative: a stray quote counts too). */
const OPEN_DOUBLE = /(?:^|[\s[{,:])"(?:[^"\\\n]|\\.)*\\?$/m;
const OPEN_SINGLE = /(?:^|[\s[{,:])'[^'\n]*$/m;

// Duplicate keys are errors, found by firstDuplicateKey: the `yaml` package's own check compares
// each key with every key before it in its map, quadratic in a map's size.
const DOC_OPTIONS = { stringKeys: true, uniqueKeys: false, merge: false, prettyErrors: false, version: '1.2' } as const;

/** Tags that only restate what the core schema would resolve anyway. */
const ALLOWED_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

export function parseYaml(text: string): YamlResult {
  const precheck = checkYamlText(text);
  if (precheck) return { ok: false, error: precheck };
  return parseYamlFast(text) ?? parseYamlDocument(text).result;
}

/**
 * The fast path alone: js-yaml with the core-schema mirror, for text that uses none of the syntax
 * it leaves to the `yaml` package. Undefined when the text is not for the fast path or js-yaml
 * rejects it (the `yaml` package then words and places the error). The text limits of
 * `checkYamlText` must have been checked before.
 */
export function parseYamlFast(text: string): YamlResult | undefined {
  if (mayBeExotic(text) && EXOTIC.test(text)) return undefined;
  if (FLOW_KEY.test(text)) return undefined;
  // A carriage return on its own ends a line for js-yaml, not for the `yaml` package.
  if (text.includes('\r') && LONE_CR.test(text)) return undefined;
  if (text.includes('\t') && TAB_INDENT.test(text)) return undefined;
  if ((text.includes('|') || text.includes('>')) && BLANK_AFTER_BLOCK_HEADER.test(text)) return undefined;
  if (text.includes('#') && GLUED_COMMENT.test(text)) return undefined;
  if ((text.includes('---') || text.includes('...')) && MARKER_LIKE.test(text)) return undefined;
  // Quoted scalars over several lines: js-yaml takes continuation lines the `yaml` package
  // rejects as under-indented. Rare, so they all go the slow way.
  if ((text.includes('"') && OPEN_DOUBLE.test(text)) || (text.includes("'") && OPEN_SINGLE.test(text))) return undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: FAST_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  // Without anchors and aliases the data is a tree: no cycles, no shared parts to count twice.
  // js-yaml reads keys like `1.0`, `~`, `TRUE` or an empty key as numbers, null or booleans and
  // then stringifies them ("1", "null", "true"); the `yaml` package with `stringKeys` keeps the
  // text. Such keys send the file the slow way, which has the final word.
  const check = checkTreeData(data);
  if (check.oddKey) return undefined;
  // Over a bound: a tree without aliases is as large or deep in either engine, and the `yaml`
  // package takes seconds to compose a megabyte of deeply nested flow collections only to say so.
  if (check.violation) return { ok: false, error: { message: describeDataViolation(check.violation, false), line: 1, column: 1 } };
  // An empty document is null on both paths (js-yaml says undefined).
  return { ok: true, data: data === undefined ? null : data };
}

export interface ParsedDocument {
  result: YamlResult;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** The slow path: the `yaml` Document API, with positions. */
export function parseYamlDocument(text: string): ParsedDocument {
  // The limits first: text nested too deep can abort Node inside the parser, past any try/catch.
  // Such a text gets the Document of an empty text, which locates everything at 1:1.
  const precheck = checkYamlText(text);
  const { LineCounter, parseDocument, visit, isNode } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(precheck ? '' : text, { ...DOC_OPTIONS, lineCounter, keepSourceTokens: true });
  if (precheck) return { result: { ok: false, error: precheck }, doc, lineCounter };
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.some((e) => e.code === 'NON_STRING_KEY')) allowAliasKeys(doc);
  const first = doc.errors[0];
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== undefined && (!first || duplicate < first.pos[0])) {
    return { result: { ok: false, error: { message: duplicateKeyMessage(text, duplicate), ...at(duplicate) } }, doc, lineCounter };
  }
  if (first) {
    const message =
      first.code === 'DUPLICATE_KEY' && text[first.pos[0]] !== '*'
        ? duplicateKeyMessage(text, first.pos[0])
        : first.code === 'NON_STRING_KEY'
          ? 'a key must be text: a list or map cannot be a key (frontmatter keys are field names)'
          : cleanMessage(first.message);
    return { result: { ok: false, error: { message, ...at(first.pos[0]) } }, doc, lineCounter };
  }
  if (doc.directives?.docStart && doc.directives.yaml.explicit) {
    return { result: { ok: false, error: { message: 'YAML directives are not allowed in frontmatter', line: 1, column: 1 } }, doc, lineCounter };
  }
  let tagError: YamlError | undefined;
  visit(doc, {
    Node(_key, node) {
      if (tagError || !isNode(node) || !node.tag) return;
      if (!ALLOWED_TAGS.has(node.tag)) {
        // The range starts at the value; the tag stands just before it on the same line.
        const start = node.range?.[0] ?? 0;
        const bang = text.lastIndexOf('!', start);
        const lineStart = text.lastIndexOf('\n', start - 1);
        let offset = bang > lineStart ? bang : start;
        while (offset > 0 && text[offset - 1] === '!') offset--;
        tagError = { message: `the YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed`, ...at(offset) };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (tagError) {
    // The tag token precedes the node's value; point at the line the node starts on.
    return { result: { ok: false, error: tagError }, doc, lineCounter };
  }
  // `&a:` names the anchor "a:" in YAML 1.2 (the test suite's 2SXE, W5VH); the `yaml` package
  // only warns that a reader might take it for a key.
  const warning = doc.warnings.find((w) => !(w.code === 'BAD_ALIAS' && w.message.includes('ending in : is ambiguous')));
  if (warning) {
    return { result: { ok: false, error: { message: cleanMessage(warning.message), ...at(warning.pos[0]) } }, doc, lineCounter };
  }
  let data: unknown;
  try {
    data = toJSLinear(doc, { maxAliasCount: -1 });
  } catch (err) {
    return { result: { ok: false, error: { message: cleanMessage(String((err as Error).message)), line: 1, column: 1 } }, doc, lineCounter };
  }
  return { result: finish(data, aliasTargets(doc).size > 0), doc, lineCounter };
}

/**
 * An alias as a key (`*a : x`, test suite 26DV, E76Z) names a string key when its anchor is on a
 * scalar, but `stringKeys` admits scalar nodes only and rejects it. Those errors are dropped (the
 * Document stays as written, for `fmt`); toJS then makes the key the scalar's value as a string.
 * An alias to a list or map stays an error. The `yaml` package compares scalar keys only, so
 * duplicates that involve such a key are looked for here.
 */
function allowAliasKeys(doc: Document.Parsed): void {
  const { visit, isAlias, isScalar, YAMLParseError } = yamlLib();
  const allowed = new Set<number>();
  const duplicates: YAMLParseError[] = [];
  visit(doc, {
    Map(_key, map) {
      if (!map.items.some((pair) => isAlias(pair.key))) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const alias = isAlias(pair.key) ? pair.key : undefined;
        const key = alias ? alias.resolve(doc) : pair.key;
        if (!isScalar(key)) continue;
        if (alias?.range) allowed.add(alias.range[0]);
        const text = key.value === null || key.value === undefined ? '' : String(key.value);
        const range = (alias ?? key).range ?? [0, 0];
        if (seen.has(text)) duplicates.push(new YAMLParseError([range[0], range[1]], 'DUPLICATE_KEY', `duplicate key "${text.slice(0, 60)}": a key may appear only once in a map`));
        seen.add(text);
      }
      return undefined;
    },
  });
  doc.errors = [...doc.errors.filter((e) => !(e.code === 'NON_STRING_KEY' && allowed.has(e.pos[0]))), ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
}

function finish(data: unknown, aliases: boolean): YamlResult {
  const violation = checkExpandedData(data);
  if (violation) return { ok: false, error: { message: describeDataViolation(violation, aliases), line: 1, column: 1 } };
  return { ok: true, data };
}

/** The offset of the first key that repeats an earlier key of its map (scalar keys, by value), in one walk. */
function firstDuplicateKey(doc: Document.Parsed): number | undefined {
  const { visit, isScalar } = yamlLib();
  let found: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else {
          const at = key.range?.[0] ?? 0;
          if (found === undefined || at < found) found = at;
          break;
        }
      }
    },
  });
  return found;
}

function duplicateKeyMessage(text: string, offset: number): string {
  const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#\n]*?))\s*:/.exec(text.slice(offset, offset + 200));
  const name = key ? (key[1] ?? key[2] ?? key[3] ?? '').trim() : '';
  return name ? `duplicate key "${name.slice(0, 60)}": a key may appear only once in a map` : 'duplicate key: a key may appear only once in a map';
}

function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
}
