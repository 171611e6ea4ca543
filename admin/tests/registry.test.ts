import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allDocuments } from '../src/graphql/documents';
import { registry } from '../src/graphql/registry';

// The API schema clients see: the supergraph without @join__* and @inaccessible.
const sdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();

describe('the console’s GraphQL documents', () => {
  const documents = allDocuments();

  it('cover every resource of the registry', () => {
    for (const name of Object.keys(registry)) expect(Object.keys(documents).some((k) => k.startsWith(`${name}.`))).toBe(true);
  });

  it.each(Object.entries(documents))('%s is valid against schema/supergraph.graphql', (_name, doc) => {
    const errors = validate(api, parse(doc)).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('an unknown field fails validation (the check can fail)', () => {
    const errors = validate(api, parse('{ organizations { nodes { id nameX } } }'));
    expect(errors.map((e) => e.message).join()).toMatch(/nameX/);
  });

  it('sort fields map to values of each resource’s order enum', () => {
    for (const [name, d] of Object.entries(registry)) {
      if (!d.orderType) continue;
      const order = api.getType(d.orderType) as { getFields(): Record<string, { type: { toString(): string } }> };
      const enumName = order.getFields().field!.type.toString().replace('!', '');
      const values = (api.getType(enumName) as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name);
      for (const v of Object.values(d.sort)) expect(values, `${name}: ${v}`).toContain(v);
    }
  });

  it('filters and writable fields exist on the API’s input types', () => {
    for (const [name, d] of Object.entries(registry)) {
      if (d.filterType) {
        const fields = Object.keys((api.getType(d.filterType) as { getFields(): object }).getFields());
        expect(fields, name).toEqual(expect.arrayContaining(d.filters));
      }
      for (const w of [d.create, d.update]) {
        if (!w) continue;
        const fields = Object.keys((api.getType(w.inputType) as { getFields(): object }).getFields());
        expect(fields, `${name} ${w.inputType}`).toEqual(expect.arrayContaining(w.fields));
      }
    }
  });
});
