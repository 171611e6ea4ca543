import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directivesDocuments } from '../src/graphql/registry-directives';
import { exemplarDocuments } from '../src/graphql/registry-exemplars';
import { mediaDocuments } from '../src/graphql/registry-media';
import { myWorkDocuments } from '../src/graphql/my-work';

// The screens' own documents (beyond the registry's), checked like registry.test.ts checks the rest.
const sdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const documents = { ...directivesDocuments, ...exemplarDocuments, ...mediaDocuments, ...myWorkDocuments };

describe('the directives, exemplars and media screens’ GraphQL documents', () => {
  it.each(Object.entries(documents))('%s is valid against schema/supergraph.graphql', (_name, doc) => {
    expect(validate(api, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});
