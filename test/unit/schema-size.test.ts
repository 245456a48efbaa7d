/** src/core/schema-size.ts: references written out, recursion refused, only local pointers followed. */
import { describe, expect, it } from 'vitest';
import { schemaSizeProblem } from '../../src/core/schema-size.js';

describe('schemaSizeProblem', () => {
  it('accepts references to definitions, counting what they copy', () => {
    const schema = { $id: 'https://example.com/s.json', definitions: { name: { type: 'string', maxLength: 9 } }, properties: { a: { $ref: '#/definitions/name' }, b: { $ref: '#/definitions/name' } } };
    expect(schemaSizeProblem(schema, 100)).toBeUndefined();
    // root, definitions, name, properties, a (+ name), b (+ name) = 8
    expect(schemaSizeProblem(schema, 8)).toBeUndefined();
    expect(schemaSizeProblem(schema, 7)).toBe('it is too large with every $ref written out (more than 7 schemas): each $ref copies what it points to');
  });

  it('refuses a schema that refers to itself or an ancestor', () => {
    expect(schemaSizeProblem({ properties: { next: { $ref: '#' } } }, 100)).toBe(
      'it refers to itself (at /properties/next/$ref): recursive schemas can take time exponential in the depth of the data, and abx does not run them',
    );
  });

  it('refuses references it cannot follow', () => {
    expect(schemaSizeProblem({ $ref: 'other.json#/a' }, 100)).toBe('its $ref "other.json#/a" (at /$ref) does not point inside the file: only "#" and "#/…" are supported');
    expect(schemaSizeProblem({ $ref: '#/nothing' }, 100)).toBe('its $ref "#/nothing" (at /$ref) does not point inside the file: only "#" and "#/…" are supported');
    expect(schemaSizeProblem({ properties: { a: { $id: 'https://x/y.json', type: 'string' } } }, 100)).toBe('it uses $id (at /properties/a/$id): only $ref to "#" or "#/…" inside the same file is supported');
    expect(schemaSizeProblem({ $dynamicRef: '#meta' }, 100)).toBe('it uses $dynamicRef (at /$dynamicRef): only $ref to "#" or "#/…" inside the same file is supported');
  });

  it('reads escaped pointers, and keys named $ref or $id in properties and data as keys', () => {
    expect(schemaSizeProblem({ definitions: { 'a/b~c': { type: 'string' } }, properties: { x: { $ref: '#/definitions/a~1b~0c' }, $ref: { type: 'string' }, $id: { type: 'number' } } }, 100)).toBeUndefined();
    expect(schemaSizeProblem({ enum: [{ $ref: 'anything' }], const: { $id: 'x' } }, 100)).toBeUndefined();
  });
});
