/**
 * The organization tree is a materialized path: `/rootId/…/id/`, compared
 * byte-wise (collate "C"). Paths hold '/', hex digits and '-', all below '~',
 * so every descendant path of P lies in [P, P || '~'): a subtree is one range
 * scan of the path index, in the organizations subgraph and in every replica.
 */
export const SUBTREE_END = '~';

/** [P, P || '~'): the bounds of the subtree of path P, for bound parameters. */
export const subtreeRange = (path: string) => [path, path + SUBTREE_END] as const;

/** `column` lies in the subtree of the path SQL expression `pathSql` (strict: below it only). */
export const inSubtreeOfPathSql = (column: string, pathSql: string, strict = false): string =>
  `${column} ${strict ? '>' : '>='} ${pathSql} and ${column} < ${pathSql} || '${SUBTREE_END}'`;

/**
 * `column` lies in the subtree of the node of `table` whose id is bound twice
 * (`[id, id]`). Scalar subqueries become init plans, so the path index applies.
 */
export const inSubtreeOfIdSql = (table: string, o: { column?: string; strict?: boolean } = {}): string =>
  `${o.column ?? 'path'} ${o.strict ? '>' : '>='} (select path from ${table} where id = ?) and ${o.column ?? 'path'} < (select path || '${SUBTREE_END}' from ${table} where id = ?)`;
