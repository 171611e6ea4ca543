import { ConfigError, loadSubgraphConfig } from '@lantoa/kit';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demo-users.js';
import { subgraph } from './subgraph.js';

const loadIdentityConfig = (env: Record<string, string>) => loadSubgraphConfig(subgraph, env);

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/lantoa',
  GATEWAY_SECRET: 'g'.repeat(40),
  JWT_SECRET: 'j'.repeat(40),
};

const problems = (env: Record<string, string>) => {
  try {
    loadIdentityConfig(env);
    return '';
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
};

describe('identity configuration', () => {
  it('has defaults for everything but the database and the two secrets', () => {
    expect(loadIdentityConfig(base)).toMatchObject({ PORT: 4002, ACCESS_TOKEN_TTL_SECONDS: 600, REFRESH_TOKEN_TTL_DAYS: 30, DB_POOL_MAX: 10 });
    expect(loadIdentityConfig(base).ADMIN_EMAIL).toBeUndefined();
    expect(Object.keys(subgraph.envShape)).toEqual(
      expect.arrayContaining(['GATEWAY_SECRET', 'JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'ACCESS_TOKEN_TTL_SECONDS', 'REFRESH_TOKEN_TTL_DAYS']),
    );
    const missing = problems({});
    for (const name of ['DATABASE_URL', 'GATEWAY_SECRET', 'JWT_SECRET']) expect(missing).toContain(name);
  });

  it('refuses a short JWT secret, or one equal to the gateway secret', () => {
    expect(problems({ ...base, JWT_SECRET: 'short' })).toMatch(/JWT_SECRET: must be at least 32/);
    expect(problems({ ...base, JWT_SECRET: base.GATEWAY_SECRET })).toMatch(/JWT_SECRET: must differ from GATEWAY_SECRET/);
  });

  it('takes ADMIN_EMAIL and ADMIN_PASSWORD together or not at all, and never echoes the password', () => {
    expect(problems({ ...base, ADMIN_EMAIL: 'admin@example.vn' })).toMatch(/ADMIN_PASSWORD: .*set both or neither/);
    expect(problems({ ...base, ADMIN_PASSWORD: 'một mật khẩu dài' })).toMatch(/ADMIN_EMAIL: .*set both or neither/);
    const short = problems({ ...base, ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: 'ngắn9' });
    expect(short).toMatch(/ADMIN_PASSWORD: must be at least 10/);
    expect(short).not.toContain('ngắn9');
    expect(loadIdentityConfig({ ...base, ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: 'một mật khẩu dài' })).toMatchObject({
      ADMIN_EMAIL: 'admin@example.vn',
    });
  });

  it('refuses a published demo password as ADMIN_PASSWORD, in any letter case, without echoing it', () => {
    for (const password of [DEMO_PASSWORD, DEMO_PASSWORD.toUpperCase(), ` ${DEMO_PASSWORD} `]) {
      const said = problems({ ...base, ADMIN_EMAIL: 'admin@example.vn', ADMIN_PASSWORD: password, NODE_ENV: 'production' });
      expect(said).toMatch(/ADMIN_PASSWORD: is a published demo password/);
      expect(said).not.toContain(DEMO_PASSWORD);
    }
  });
});
