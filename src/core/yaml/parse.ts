/**
 * Safe YAML parsing with two engines and one set of rules.
 *
 * Most workspace files are plain block YAML; for those, js-yaml with a schema that mirrors the
 * `yaml` package's YAML 1.2 core schema is several times faster. Anything out of the ordinary
 * (tags, anchors, aliases, explicit keys) and every file that fails goes through the `yaml`
 * Document API, which is also the one that knows positions. Both paths yield the same data:
 * dates stay strings, duplicate keys are errors, `__proto__` is an own key, and the same
 * limits apply (`limits.ts`). test/unit/yaml-paths.test.ts runs both over every fixture.
 */
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, visit, isNode, type Document } from 'yaml';
import { checkExpandedData, checkYamlText, describeDataViolation } from './limits.js';

export interface YamlError {
  message: string;
  line: number;
  column: number;
}

export type YamlResult = { ok: true; data: unknown } | { ok: false; error: YamlError };

const CORE_TYPES = [
  new jsyaml.Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
    construct: () => null,
  }),
  new jsyaml.Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
    construct: (s: string) => s[0] === 't' || s[0] === 'T',
  }),
  new jsyaml.Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
    construct: (s: string) =>
      s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10),
  }),
  new jsyaml.Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (s: string) =>
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(s),
    construct: (s: string) =>
      /nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s),
  }),
];

const FAST_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: CORE_TYPES });

/** Syntax the fast path leaves to the `yaml` package: tags, anchors, aliases, explicit keys, merge keys. */
const EXOTIC = /(?:^|[\s[{,])(?:[!&*]|\?(?:\s|$)|<<)/m;

const DOC_OPTIONS = { stringKeys: true, uniqueKeys: true, merge: false, prettyErrors: false, version: '1.2' } as const;

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
  if (!EXOTIC.test(text)) {
    let data: unknown;
    try {
      data = jsyaml.load(text, { schema: FAST_SCHEMA, json: false });
    } catch {
      // The `yaml` package words the error and places it.
      return parseYamlDocument(text).result;
    }
    return finish(data);
  }
  return parseYamlDocument(text).result;
}

export interface ParsedDocument {
  result: YamlResult;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** The slow path: the `yaml` Document API, with positions. */
export function parseYamlDocument(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...DOC_OPTIONS, lineCounter, keepSourceTokens: true });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const precheck = checkYamlText(text);
  if (precheck) return { result: { ok: false, error: precheck }, doc, lineCounter };
  const first = doc.errors[0];
  if (first) {
    return { result: { ok: false, error: { message: cleanMessage(first.message), ...at(first.pos[0]) } }, doc, lineCounter };
  }
  if (doc.directives?.docStart && doc.directives.yaml.explicit) {
    return { result: { ok: false, error: { message: 'YAML directives are not allowed in frontmatter', line: 1, column: 1 } }, doc, lineCounter };
  }
  let tagError: YamlError | undefined;
  visit(doc, {
    Node(_key, node) {
      if (tagError || !isNode(node) || !node.tag) return;
      if (!ALLOWED_TAGS.has(node.tag)) {
        const offset = node.range?.[0] ?? 0;
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
  const warning = doc.warnings[0];
  if (warning) {
    return { result: { ok: false, error: { message: cleanMessage(warning.message), ...at(warning.pos[0]) } }, doc, lineCounter };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (err) {
    return { result: { ok: false, error: { message: cleanMessage(String((err as Error).message)), line: 1, column: 1 } }, doc, lineCounter };
  }
  return { result: finish(data), doc, lineCounter };
}

function finish(data: unknown): YamlResult {
  const violation = checkExpandedData(data);
  if (violation) return { ok: false, error: { message: describeDataViolation(violation), line: 1, column: 1 } };
  return { ok: true, data };
}

function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
}
