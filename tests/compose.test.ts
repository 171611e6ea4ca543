/**
 * No Docker engine runs in CI, so docker-compose.yml is kept honest here: it
 * is read as compose would read it and checked against the code it deploys —
 * kit's SUBGRAPHS list and each service's own environment schema.
 */
import { GATEWAY_PORT, loadSubgraphConfig, SUBGRAPHS } from '@lantoa/kit';
import { loadDescriptor } from '../scripts/lib/subgraphs.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: unknown[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[] };
}

// What a deployer would put in .env: the variables the file requires (`${X:?…}`).
const deployEnv: Record<string, string> = {
  GATEWAY_SECRET: 'test-gateway-secret-test-gateway-secret-0123456789',
  JWT_SECRET: 'test-jwt-secret-test-jwt-secret-test-jwt-secret-0123',
};

/** Compose's variable substitution: ${X}, ${X:-default}, ${X-default}, ${X:?error}, ${X?error}, $$. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (whole, name: string | undefined, op?: string, arg?: string) => {
    if (!name) return '$';
    const value = env[name];
    const unset = value === undefined || (op?.startsWith(':') === true && value === '');
    if (!unset) return value;
    if (op?.endsWith('-')) return arg ?? '';
    if (op?.endsWith('?')) throw new Error(`docker-compose.yml requires ${name}: ${arg} (add it to deployEnv if the test should supply it)`);
    throw new Error(`docker-compose.yml uses ${whole} with no default`);
  });
}

const compose = parse(interpolate(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), deployEnv), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

const envOf = (s: ComposeService): Record<string, string> => {
  if (Array.isArray(s.environment)) {
    return Object.fromEntries(s.environment.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, v == null ? '' : String(v)]));
};
const commandOf = (s: ComposeService): string => (Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? ''));

// Our image runs every service; postgres is the only third-party container.
const appServices = Object.entries(services).filter(([, s]) => s.image === services.gateway?.image);

type Module = Record<string, unknown>;
const load = async (file: string): Promise<Module> => (await import(pathToFileURL(join(root, file)).href)) as Module;

/** Where each compose service's environment schema lives: a subgraph's descriptor, or the gateway's and the launcher's config modules. */
async function configModuleOf(service: string): Promise<Module> {
  if (service === 'migrate') return load('scripts/lib/config.ts');
  if (service === 'gateway') return load('services/gateway/src/config.ts');
  const d = await loadDescriptor(service);
  return { subgraphEnv: d.envShape, loadSubgraphConfig: (env: Record<string, string>) => loadSubgraphConfig(d, env) };
}

const isZodType = (v: unknown): boolean => typeof (v as { safeParse?: unknown } | null)?.safeParse === 'function';

/**
 * The variables a service reads, from what its config module exports: a
 * `…Variables` list, else a zod shape, else the keys its loader returns when
 * every variable is given (zod drops the ones it does not know).
 */
function acceptedVariables(mod: Module, env: Record<string, string>): Set<string> {
  for (const [name, value] of Object.entries(mod)) {
    if (/Variables$/.test(name) && Array.isArray(value)) return new Set(value as string[]);
  }
  for (const [name, value] of Object.entries(mod)) {
    if (/(Env|Shape)$/.test(name) && value && typeof value === 'object' && Object.values(value).every(isZodType)) {
      return new Set(Object.keys(value));
    }
  }
  return new Set(Object.keys(loaderOf(mod)(env) as object));
}

function loaderOf(mod: Module): (env: Record<string, string>) => unknown {
  const entry = Object.entries(mod).find(([name, value]) => /^load\w*Config$/.test(name) && typeof value === 'function');
  if (!entry) throw new Error(`no load…Config export among ${Object.keys(mod).join(', ')}`);
  return entry[1] as (env: Record<string, string>) => unknown;
}

describe('docker-compose.yml', () => {
  it('runs one service per subgraph, named as in SUBGRAPHS, on its port, running its compiled main.js', () => {
    for (const s of SUBGRAPHS) {
      const service = services[s.name];
      expect(service, `service "${s.name}"`).toBeDefined();
      expect(envOf(service!).PORT, `${s.name} PORT`).toBe(String(s.port));
      expect(commandOf(service!)).toBe(`node --conditions=lantoa-dist services/${s.name}/dist/main.js`);
      expect(existsSync(join(root, 'services', s.name, 'src', 'main.ts'))).toBe(true);
    }
    expect(envOf(services.gateway!).PORT).toBe(String(GATEWAY_PORT));
    expect(commandOf(services.gateway!)).toBe('node --conditions=lantoa-dist services/gateway/dist/main.js');
  });

  it('points the gateway at every subgraph by its service name', () => {
    const env = envOf(services.gateway!);
    for (const s of SUBGRAPHS) expect(env[s.urlEnv], s.urlEnv).toBe(`http://${s.name}:${s.port}/graphql`);
  });

  it('publishes the gateway port and nothing else', () => {
    expect(services.gateway!.ports).toEqual([`${GATEWAY_PORT}:${GATEWAY_PORT}`]);
    for (const [name, s] of Object.entries(services)) if (name !== 'gateway') expect(s.ports, `${name} publishes ports`).toBeUndefined();
  });

  it('runs every service of our image in production mode, listening on the container network', () => {
    for (const [name, s] of appServices) {
      const env = envOf(s);
      expect(env.NODE_ENV, name).toBe('production');
      if (name !== 'migrate') expect(env.HOST, name).toBe('0.0.0.0');
    }
  });

  it('sets only variables each service reads, with values its config accepts', async () => {
    for (const [name, s] of appServices) {
      const env = envOf(s);
      const mod = await configModuleOf(name);
      const accepted = acceptedVariables(mod, env);
      const unknown = Object.keys(env).filter((k) => !accepted.has(k));
      expect(unknown, `${name} sets variables its config does not read`).toEqual([]);
      expect(() => loaderOf(mod)(env), `${name} config`).not.toThrow();
    }
  });

  it('migrates once, after PostgreSQL is healthy, before any service starts; the gateway waits for healthy subgraphs', () => {
    expect(commandOf(services.migrate!)).toBe('pnpm db:migrate');
    expect(services.postgres!.healthcheck?.test).toBeDefined();
    expect(services.migrate!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    for (const s of SUBGRAPHS) {
      expect(services[s.name]!.depends_on, s.name).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
      expect(services[s.name]!.healthcheck?.test, `${s.name} healthcheck`).toBeDefined();
      expect(services.gateway!.depends_on, `gateway waits for ${s.name}`).toMatchObject({ [s.name]: { condition: 'service_healthy' } });
    }
  });
});

describe('.env.example', () => {
  const documented = new Set([...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

  it('documents every variable of the launcher and of every service', async () => {
    const launcher = await load('scripts/lib/config.ts');
    const wanted = new Map<string, string[]>([['launcher', (launcher.launcherVariables as () => string[])()]]);
    for (const name of [...SUBGRAPHS.map((s) => s.name), 'gateway']) {
      wanted.set(name, [...acceptedVariables(await configModuleOf(name), envOf(services[name] ?? {}))]);
    }
    for (const [name, vars] of wanted)
      expect(
        vars.filter((v) => !documented.has(v)),
        `${name} variables missing`,
      ).toEqual([]);
    const composeVars = [...readFileSync(join(root, 'docker-compose.yml'), 'utf8').matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!);
    expect(
      composeVars.filter((v) => !documented.has(v)),
      'docker-compose.yml variables missing',
    ).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());

  it('builds the image compose runs from the lockfile with the pinned pnpm', () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/npm install -g pnpm@12\.4\.2/);
    expect(dockerfile).toMatch(/pnpm install [^\n]*--frozen-lockfile/);
    for (const [name, s] of appServices) expect(s.build, `${name} builds from this Dockerfile`).toBe('.');
  });

  it('keeps local installs, builds, data and secrets out of the build context', () => {
    for (const entry of ['node_modules', '**/node_modules', '**/dist', '.data', '.env', '.git']) expect(ignored).toContain(entry);
  });

  it('compiles every package in the image and runs the gateway from its build by default', () => {
    expect(dockerfile).toMatch(/pnpm install [^\n]*&& pnpm build$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--conditions=lantoa-dist", "services\/gateway\/dist\/main\.js"\]$/m);
  });
});

/**
 * What `node --conditions=lantoa-dist services/<name>/dist/main.js` needs from `pnpm build`, checked on the
 * configuration rather than by building (tsc takes tens of seconds): each service package compiles src/ to dist/
 * (so src/main.ts becomes dist/main.js), and every export of every workspace package has a compiled twin under
 * that condition, so compiled code never reaches a .ts file.
 */
describe('pnpm build', () => {
  const packages = readdirSync(join(root, 'services')).filter((d) => existsSync(join(root, 'services', d, 'package.json')));
  // tsconfig files carry // comments on their own lines.
  const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;

  it('compiles each service package from src to dist with decorator metadata', () => {
    const base = json('tsconfig.base.json').compilerOptions as Record<string, unknown>;
    expect(base).toMatchObject({ experimentalDecorators: true, emitDecoratorMetadata: true });
    for (const name of packages) {
      const pkg = json(`services/${name}/package.json`) as { scripts?: Record<string, string> };
      expect(pkg.scripts?.build, `${name} build script`).toBe('tsc -b');
      const tsconfig = json(`services/${name}/tsconfig.json`) as { extends?: string; compilerOptions?: Record<string, unknown>; include?: string[] };
      expect(tsconfig.extends, name).toBe('../../tsconfig.base.json');
      expect(tsconfig.compilerOptions, name).toMatchObject({ rootDir: 'src', outDir: 'dist' });
      expect(tsconfig.include, name).toContain('src/**/*.ts');
    }
    for (const s of [...SUBGRAPHS.map((x) => x.name), 'gateway']) expect(packages, `${s} is a package`).toContain(s);
  });

  it('gives every export of every workspace package a compiled dist/ entry', () => {
    for (const name of packages) {
      const { exports } = json(`services/${name}/package.json`) as { exports: Record<string, unknown> };
      for (const [subpath, target] of Object.entries(exports)) {
        const t = target as Record<string, string>;
        expect(typeof t, `services/${name} exports "${subpath}" without conditions`).toBe('object');
        expect(t['lantoa-dist'], `services/${name} "${subpath}"`).toBe(t.default!.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js'));
      }
    }
  });
});
