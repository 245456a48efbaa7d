import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FIELD_DESCRIPTIONS } from '../../src/core/field-descriptions.js';
import { allJsonSchemas, kindJsonSchema, schemaKindOf, SCHEMA_KINDS } from '../../src/core/json-schema.js';

const ajv = new Ajv2020({ strict: false, validateFormats: false });

describe('JSON Schemas from the zod schemas', () => {
  it('are draft 2020-12 documents that ajv compiles', () => {
    for (const kind of SCHEMA_KINDS) {
      const schema = kindJsonSchema(kind);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  it('accept a valid account and reject a wrong type, an out-of-range score and a malformed date', () => {
    const validate = ajv.compile(kindJsonSchema('account'));
    const good = {
      name: 'Acme',
      segment: 'defense-primes',
      motion: 'decode',
      pure: { painful: { score: 3, evidence: 'x' }, urgent: { score: 0 }, recognized: { score: 1, evidence: 'y' }, expensive: { score: 2, evidence: null } },
      engagement: [{ date: '2026-10-01', type: 'website-visit' }],
      custom_field: 'unknown keys are allowed (abx warns)',
    };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, pure: { ...good.pure, urgent: { score: 5 } } })).toBe(false);
    expect(validate({ ...good, motion: 'sprint' })).toBe(false);
    expect(validate({ ...good, engagement: [{ date: '1 Oct', type: 'x' }] })).toBe(false);
    expect(validate({ segment: 'x' })).toBe(false);
  });

  it('describe the config with literal version, tier thresholds as a pair and rule severities', () => {
    const schema = kindJsonSchema('config') as any;
    expect(schema.required).toEqual(['version']);
    expect(schema.properties.version).toEqual({ description: "The config format's version: 1 (required).", type: 'number', const: 1 });
    expect(schema.properties.scoring.properties.fit_tiers).toMatchObject({ type: 'array', minItems: 2, maxItems: 2 });
    expect(schema.properties.rules.additionalProperties).toEqual({ description: 'error, warn or off.', type: 'string', enum: ['error', 'warn', 'off'] });
    const validate = ajv.compile(schema);
    expect(validate({ version: 1, scoring: { fit_tiers: [80, 60] }, rules: { 'tier1-coverage': 'off' } })).toBe(true);
    expect(validate({ version: 2 })).toBe(false);
  });

  it('list KPI ids and period forms for kpi files', () => {
    const validate = ajv.compile(kindJsonSchema('kpi'));
    expect(validate([{ kpi: 'message-resonance-rate', period: '2026-10', value: 0.42 }, { kpi: 'deal-influence-rate', period: '2026-Q3', value: 0.8 }])).toBe(true);
    expect(validate([{ kpi: 'made-up', period: '2026-10', value: 1 }])).toBe(false);
    expect(validate([{ kpi: 'message-resonance-rate', period: 'October', value: 1 }])).toBe(false);
  });

  it('put every kind under $defs when no kind is named', () => {
    const all = allJsonSchemas() as any;
    expect(Object.keys(all.$defs)).toEqual([...SCHEMA_KINDS]);
    expect(all.$defs.account.title).toBe('abx account scorecard');
    expect(() => ajv.compile({ ...all, $ref: '#/$defs/bet' })).not.toThrow();
  });

  it('describe every key, and every description names a key', () => {
    const undescribed: string[] = [];
    const used = new Set<string>();
    for (const kind of SCHEMA_KINDS) {
      const walk = (node: any, path: string) => {
        if (typeof node !== 'object' || node === null) return;
        for (const branch of node.anyOf ?? []) walk(branch, path);
        for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
          const at = path === '' ? key : `${path}.${key}`;
          if (child.description === undefined) undescribed.push(`${kind} ${at}`);
          used.add(`${kind} ${at}`);
          walk(child, at);
        }
        if (typeof node.additionalProperties === 'object') {
          const at = `${path}${path === '' ? '' : '.'}*`;
          if (node.additionalProperties.description === undefined) undescribed.push(`${kind} ${at}`);
          used.add(`${kind} ${at}`);
          walk(node.additionalProperties, at);
        }
        if (node.items) walk(node.items, `${path}[]`);
      };
      walk(kindJsonSchema(kind), '');
    }
    expect(undescribed).toEqual([]);
    const written = Object.entries(FIELD_DESCRIPTIONS).flatMap(([kind, paths]) => Object.keys(paths).map((p) => `${kind} ${p}`));
    expect(written.filter((w) => !used.has(w))).toEqual([]);
  });

  it('take singular or plural kind names', () => {
    expect(['account', 'accounts', 'kpis', 'KPI', 'config', 'journeys'].map(schemaKindOf)).toEqual(['account', 'account', 'kpi', 'kpi', 'config', 'journey']);
    expect(schemaKindOf('nope')).toBeUndefined();
  });
});
