import { createLogger, ErrorCode, requireGatewayProof, sendHttpError, type Orm, type startSubgraphServer } from '@lantoa/kit';
import type { IncomingMessage } from 'node:http';
import { scrubDatabaseError } from '../database-errors.js';
import type { IdentitySettings } from '../settings.js';
import { AUTHENTICATE_PATH, authenticateCredential, CredentialRefused, type AuthenticateResponse } from './authenticate.js';

type App = Parameters<NonNullable<Parameters<typeof startSubgraphServer>[0]['routes']>>[0];

const log = createLogger('identity');
const MAX_BODY = 8 * 1024;

class BadRequest extends Error {}

/**
 * The body is read by hand: a JSON parser's error message quotes the input,
 * which here is a credential, and must not reach a response or a log.
 */
async function readCredential(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest(`Body exceeds ${MAX_BODY} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('Body is not JSON.');
  }
  const credential = (body as { credential?: unknown } | null)?.credential;
  if (typeof credential !== 'string' || credential.length === 0) throw new BadRequest('Body must be {"credential": "<access token or API token>"}.');
  return credential;
}

/** Mounts POST /internal/authenticate: only the gateway (holding GATEWAY_SECRET) may ask. */
export function authenticateRoute(orm: Orm, settings: IdentitySettings, gatewaySecret: string) {
  return (app: App) => {
    app.post(AUTHENTICATE_PATH, requireGatewayProof(gatewaySecret), async (req, res) => {
      res.set('cache-control', 'no-store');
      try {
        const credential = await readCredential(req);
        const answer: AuthenticateResponse = await authenticateCredential(orm, settings, credential);
        res.json(answer);
      } catch (err) {
        if (err instanceof BadRequest) sendHttpError(req, res, 400, ErrorCode.BAD_REQUEST, err.message);
        else if (err instanceof CredentialRefused) sendHttpError(req, res, 401, ErrorCode.UNAUTHENTICATED, err.message);
        else {
          // Only our own messages and scrubbed driver errors are logged; never the credential.
          log.error('authenticate failed', { error: scrubDatabaseError(err) });
          sendHttpError(req, res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error.');
        }
      }
    });
  };
}
