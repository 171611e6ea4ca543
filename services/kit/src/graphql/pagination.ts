// type-graphql decorators need the metadata API before they run.
import 'reflect-metadata';
import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { badUserInput, type FieldProblem } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Direction of an ordering term.' });

// Every subgraph defines the same PageInfo; federation needs it marked shareable.
@Directive('@shareable')
@ObjectType({ description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last node; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque keyset cursor: return the nodes after this one.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Skip this many nodes (page jumps in consoles); not together with `after`.' })
  offset?: number | null;
}

export interface Connection<T> {
  nodes: T[];
  totalCount: number | Promise<number>;
  pageInfo: PageInfo;
}

/**
 * Declares `<Name>Connection { nodes, totalCount, pageInfo }` for a node type.
 * `shareable` when several subgraphs return the same connection (the audit log).
 */
export function ConnectionType<T extends object>(Node: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Node], { description: 'The records of this page, in the requested order.' })
    nodes!: T[];

    @Field(() => Int, { description: 'How many records match the filter (and the caller may see), over all pages.' })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Cursor of this page’s end.' })
    pageInfo!: PageInfo;
  }
  if (options.shareable) Directive('@shareable')(ConnectionClass);
  return ConnectionClass;
}

/** Page arguments after validation. `limit` is the number of rows asked (one more than the page, to see if more follow). */
export interface PageRequest {
  first: number;
  offset: number;
  after: unknown[] | null;
}

export function parsePageArgs(args: PageArgs, pathPrefix = ''): PageRequest {
  const problems: FieldProblem[] = [];
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) problems.push({ path: `${pathPrefix}first`, message: `must be between 0 and ${MAX_PAGE_SIZE}.` });
  const offset = args.offset ?? 0;
  if (offset < 0) problems.push({ path: `${pathPrefix}offset`, message: 'must not be negative.' });
  if (args.after != null && args.offset != null) problems.push({ path: `${pathPrefix}offset`, message: 'cannot be combined with `after`.' });
  let after: unknown[] | null = null;
  if (args.after != null) {
    after = decodeCursor(args.after);
    if (!after) problems.push({ path: `${pathPrefix}after`, message: 'is not a cursor returned by this API.' });
  }
  if (problems.length) throw badUserInput(problems);
  return { first, offset, after };
}

/** Cursors are base64url JSON arrays of the sort values and the id; opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** Builds the connection from `first + 1` fetched rows; totalCount runs only if the client asks for it. */
export function toConnection<T>(rows: T[], page: PageRequest, cursorOf: (row: T) => unknown[], count: () => Promise<number>): Connection<T> {
  const hasNextPage = rows.length > page.first;
  const nodes = hasNextPage ? rows.slice(0, page.first) : rows;
  const last = nodes[nodes.length - 1];
  let counted: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: { hasNextPage, endCursor: last ? encodeCursor(cursorOf(last)) : null },
    get totalCount() {
      return (counted ??= count());
    },
  };
}
