/**
 * The queries and mutations that exist, read from the schema itself: the
 * supergraph's API (what the gateway serves) and each subgraph's own SDL
 * (what a subgraph answers directly). Nothing here is a hand-kept list.
 */
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import type { OperationType } from './rules.js';

export interface SchemaOperation {
  type: OperationType;
  name: string;
  /** The subgraph(s) that resolve it. */
  subgraphs: string[];
}

const ROOTS: Record<string, OperationType> = { Query: 'query', Mutation: 'mutation' };

/** Root type names, honouring a `schema { query: … mutation: … }` block. */
function rootNames(doc: DocumentNode): Map<string, OperationType> {
  const names = new Map<string, OperationType>(Object.entries(ROOTS));
  for (const def of doc.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const op of def.operationTypes ?? []) {
      if (op.operation === 'query' || op.operation === 'mutation') {
        for (const [k, v] of names) if (v === op.operation) names.delete(k);
        names.set(op.type.name.value, op.operation);
      }
    }
  }
  return names;
}

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

function rootTypes(doc: DocumentNode): { node: ObjectNode; type: OperationType }[] {
  const names = rootNames(doc);
  return doc.definitions
    .filter((d): d is ObjectNode => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && names.has(d.name.value))
    .map((node) => ({ node, type: names.get(node.name.value)! }));
}

const directives = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) => (node.directives ?? []).filter((d) => d.name.value === name);

function argOf(d: ConstDirectiveNode, name: string): string | undefined {
  const v = d.arguments?.find((a) => a.name.value === name)?.value;
  return v && (v.kind === Kind.ENUM || v.kind === Kind.STRING) ? v.value : undefined;
}

const isTrue = (d: ConstDirectiveNode, name: string) =>
  d.arguments?.some((a) => a.name.value === name && a.value.kind === Kind.BOOLEAN && a.value.value) ?? false;

/** Federation's own fields (_entities, _service) are the gateway's business, not a client's. */
const isFederationField = (f: FieldDefinitionNode) => f.name.value.startsWith('_');

/**
 * The root fields of the supergraph's API schema, each with the subgraph(s)
 * that resolve it (from @join__field, else the root type's @join__type).
 * Fields marked @inaccessible are not part of the API and are left out.
 */
export function supergraphOperations(supergraphSdl: string): SchemaOperation[] {
  const doc = parse(supergraphSdl);
  // join__Graph enum value → subgraph name
  const graphNames = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const v of def.values ?? []) {
      const name = directives(v, 'join__graph').map((d) => argOf(d, 'name'))[0];
      graphNames.set(v.name.value, name ?? v.name.value.toLowerCase());
    }
  }
  if (graphNames.size === 0) throw new Error('schema/supergraph.graphql has no join__Graph enum: is it a supergraph?');
  const graph = (d: ConstDirectiveNode) => {
    const g = argOf(d, 'graph');
    return g ? (graphNames.get(g) ?? g.toLowerCase()) : undefined;
  };

  const ops = new Map<string, SchemaOperation>();
  for (const { node, type } of rootTypes(doc)) {
    const typeGraphs = directives(node, 'join__type')
      .map(graph)
      .filter((g): g is string => !!g);
    for (const f of node.fields ?? []) {
      if (isFederationField(f) || directives(f, 'inaccessible').length) continue;
      const joined = directives(f, 'join__field');
      // A @join__field without `graph` (or an external one) does not say who resolves the field.
      const fieldGraphs = joined
        .filter((d) => !isTrue(d, 'external'))
        .map(graph)
        .filter((g): g is string => !!g);
      const subgraphs = fieldGraphs.length ? fieldGraphs : typeGraphs;
      const key = `${type} ${f.name.value}`;
      const seen = ops.get(key);
      if (seen) seen.subgraphs = [...new Set([...seen.subgraphs, ...subgraphs])].sort();
      else ops.set(key, { type, name: f.name.value, subgraphs: [...new Set(subgraphs)].sort() });
    }
  }
  return [...ops.values()];
}

/** The root fields of one subgraph's SDL (its `_service { sdl }`, or schema/<name>.graphql). */
export function subgraphOperations(sdl: string, subgraph: string): SchemaOperation[] {
  const ops = new Map<string, SchemaOperation>();
  for (const { node, type } of rootTypes(parse(sdl))) {
    for (const f of node.fields ?? []) {
      if (isFederationField(f) || directives(f, 'inaccessible').length) continue;
      ops.set(`${type} ${f.name.value}`, { type, name: f.name.value, subgraphs: [subgraph] });
    }
  }
  return [...ops.values()];
}
