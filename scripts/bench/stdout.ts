/**
 * stdout is for the report alone; progress goes to stderr. Libraries that log
 * with console.log go there too (MikroORM's migrator does, through a
 * console.log it binds when it loads: so bench.ts imports this module first).
 */
console.log = (...args: unknown[]): void => console.error(...args);
