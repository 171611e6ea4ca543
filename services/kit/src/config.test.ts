import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, commonEnv, loadConfig, port, postgresUrl } from './config.js';

const shape = { ...commonEnv, PORT: port(4001), DATABASE_URL: postgresUrl, POOL: z.coerce.number().int().min(1).default(10) };

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig(shape, { DATABASE_URL: 'postgres://u@h:5432/db' })).toMatchObject({ NODE_ENV: 'development', PORT: 4001, POOL: 10 });
  });

  it('names every bad variable and refuses to go on', () => {
    const load = () => loadConfig(shape, { PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging', POOL: '' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT/);
    expect(load).toThrow(/DATABASE_URL: must be a postgres/);
    expect(load).toThrow(/NODE_ENV/);
  });

  it('reports a missing required variable', () => {
    expect(() => loadConfig(shape, {})).toThrow(/DATABASE_URL: Required/);
  });
});
