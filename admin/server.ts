/**
 * The console's own process under `pnpm start`: the launcher supervises it
 * like a service (restarted after a crash, stopped first), so nothing that
 * parses a client's request runs in the launcher. Serves admin/dist (rebuilt
 * first when older than the sources), or Vite's dev server with
 * CONSOLE_MODE=dev, on HOST:PORT, forwarding /graphql, /uploads and /files to
 * GATEWAY_URL.
 */
import { ConfigError, commonEnv, loadConfig, port } from '../services/kit/src/config.js';
import { runService } from '../services/kit/src/process.js';
import { startConsole } from './serve.js';

function loadConsoleConfig() {
  const config = loadConfig({ ...commonEnv, PORT: port(5173) });
  const gatewayUrl = process.env.GATEWAY_URL ?? '';
  if (!URL.canParse(gatewayUrl)) {
    throw new ConfigError('Invalid configuration:\n  GATEWAY_URL: must be the gateway’s GraphQL URL, e.g. http://127.0.0.1:4000/graphql');
  }
  return { ...config, gatewayUrl, mode: process.env.CONSOLE_MODE === 'dev' ? ('dev' as const) : ('built' as const) };
}

void runService('console', loadConsoleConfig, (c) => startConsole({ port: c.PORT, host: c.HOST, gatewayUrl: c.gatewayUrl, mode: c.mode }));
