import { BACKGROUND_SQL, createLogger, ErrorCode, type Orm, type startSubgraphServer } from '@lantoa/kit';
import {
  FEED_DEFAULT_LIMIT,
  FEED_MAX_LIMIT,
  ORGANIZATION_FEED_AUDIENCE,
  ORGANIZATION_FEED_PATH,
  requireServiceProof,
  sendHttpError,
  type FeedChange,
  type FeedPage,
} from '@lantoa/kit/directory';

type App = Parameters<NonNullable<Parameters<typeof startSubgraphServer>[0]['routes']>>[0];
const log = createLogger('organizations');

interface ChangeRow {
  seq: string;
  organization_id: string;
  state: FeedChange['state'];
  xid: string;
}

const toChange = (r: ChangeRow): FeedChange => ({ seq: Number(r.seq), organizationId: r.organization_id, state: r.state });

/** One page of the change feed (see Migration20261201200000_organization_feed): after `after`, ordered by seq, whole transactions only. */
export async function readFeedPage(orm: Orm, after: number, limit: number): Promise<FeedPage> {
  const db = orm.em.getConnection();
  const rows = await db.execute<ChangeRow[]>(
    BACKGROUND_SQL + 'select seq, organization_id, state, xid::text as xid from organization_change where seq > ? order by seq limit ?',
    [after, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (hasMore && last && rows[limit]!.xid === last.xid) {
    // The page ends inside a transaction (a large move): finish it, so a follower never applies half a move.
    page.push(
      ...(await db.execute<ChangeRow[]>(
        BACKGROUND_SQL + 'select seq, organization_id, state, xid::text as xid from organization_change where seq > ? and xid = ?::xid8 order by seq',
        [last.seq, last.xid],
      )),
    );
  }
  return { changes: page.map(toChange), lastSeq: page.length ? Number(page.at(-1)!.seq) : after, hasMore };
}

const whole = (v: unknown, min: number, max: number): number | null => {
  if (v === undefined) return null;
  const n = typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : NaN;
};

/**
 * GET /internal/organization-feed?after=<seq>&limit=<n>: for the other
 * subgraphs' directory followers only (a service proof for this endpoint's
 * audience; a client's credentials or the gateway's caller proof get 401).
 */
export function organizationFeedRoute(orm: Orm, gatewaySecret: string) {
  return (app: App) => {
    app.get(ORGANIZATION_FEED_PATH, requireServiceProof(gatewaySecret, ORGANIZATION_FEED_AUDIENCE), async (req, res) => {
      const after = whole(req.query.after, 0, Number.MAX_SAFE_INTEGER) ?? 0;
      const limit = whole(req.query.limit, 1, FEED_MAX_LIMIT) ?? FEED_DEFAULT_LIMIT;
      if (Number.isNaN(after) || Number.isNaN(limit)) {
        sendHttpError(req, res, 400, ErrorCode.BAD_USER_INPUT, `after must be a whole number ≥ 0 and limit one from 1 to ${FEED_MAX_LIMIT}.`);
        return;
      }
      try {
        res.set('cache-control', 'no-store').json(await readFeedPage(orm, after, limit));
      } catch (err) {
        log.error('organization feed failed', { error: err });
        sendHttpError(req, res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
      }
    });
  };
}
