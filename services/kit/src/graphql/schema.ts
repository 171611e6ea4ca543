import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { authChecker, RequireSignIn } from './authorization.js';
import { unauthenticated } from '../errors.js';
import type { RequestContext } from './context.js';
import { NormalizeInput } from './normalize-input.js';
import { DateTimeScalar } from './scalars.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export interface SubgraphSchema {
  schema: GraphQLSchema;
  /** The SDL the subgraph publishes (written to schema/<name>.graphql). */
  sdl: string;
}

/**
 * type-graphql builds the schema from the decorated classes; @apollo/subgraph
 * adds `_service` and `_entities`. The reference resolvers (one per entity
 * type) must batch: `_entities` with many representations may only cost one
 * SQL statement per type.
 */
export async function buildFederatedSchema(
  options: Pick<BuildSchemaOptions, 'resolvers' | 'orphanedTypes'>,
  referenceResolvers: Record<string, { __resolveReference: (ref: { id: string }, ctx: never) => unknown }>,
): Promise<SubgraphSchema> {
  const typeGraphqlSchema = await buildSchema({
    ...options,
    // Federation directives are not known to graphql-js; composition checks the result.
    skipCheck: true,
    // Input validation is ours (InputCheck), with field paths in the error.
    validate: false,
    // Sign-in first (cheapest refusal), then every string argument is normalized.
    globalMiddlewares: [RequireSignIn, NormalizeInput],
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}\n`;
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, object>;
  for (const [type, { __resolveReference }] of Object.entries(referenceResolvers)) {
    // _entities is @apollo/subgraph's resolver, outside type-graphql's middlewares:
    // entity lookups get the same sign-in rule as every other read here.
    const guarded = (ref: { id: string }, ctx: RequestContext) => {
      if (ctx.caller.kind === 'anonymous') throw unauthenticated();
      return __resolveReference(ref, ctx as never);
    };
    resolvers[type] = { ...resolvers[type], __resolveReference: guarded };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  carryFieldExtensions(typeGraphqlSchema, schema);
  return { schema, sdl };
}

/**
 * The subgraph schema is rebuilt from SDL, which loses type-graphql's field
 * extensions (`@Public()` marks); copy them onto the fields that execute.
 */
function carryFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const target = to.getType(type.name);
    if (!isObjectType(target)) continue;
    const targetFields = target.getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      if (field.extensions && Object.keys(field.extensions).length && targetFields[name]) {
        (targetFields[name] as { extensions: object }).extensions = { ...targetFields[name]!.extensions, ...field.extensions };
      }
    }
  }
}
