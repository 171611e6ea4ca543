import { ANONYMOUS, demoId, Role, signCallerProof } from '@lantoa/kit';
import { SignJWT } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../index.js';
import { createUser, demoCaller, refresh, SESSION_FIELDS, signIn, startTestService, uniqueEmail, userCaller, type TestService } from '../../testing/harness.js';
import { SIGN_IN_POLICY } from './sign-in-throttle.js';

let t: TestService;

beforeAll(async () => {
  t = await startTestService('identity_sessions');
});

afterAll(async () => {
  await t?.stop();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const WRONG = 'E-mail or password is wrong.';
const PASSWORD = 'mật khẩu dài đủ 10';

async function freshUser(label: string, roles: Role[] = [Role.EDITOR]) {
  const email = uniqueEmail(label);
  const id = await createUser(t, { email, password: PASSWORD, roles });
  return { id, email, caller: userCaller(id, roles, demoId('organization', 'tu-bac-kan'), email) };
}

const signInRaw = (email: string, password: string) =>
  t.gql(ANONYMOUS, `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }`, { e: email, p: password });

/** A sign-in as the gateway forwards it from a client at `address` (the signed proof carries the address). */
const signInFrom = async (address: string, email: string, password: string) =>
  t.gql(
    ANONYMOUS,
    `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { ${SESSION_FIELDS} } }`,
    { e: email, p: password },
    {
      'x-lantoa-caller': await signCallerProof(ANONYMOUS, randomUUID(), t.gatewaySecret, 60, address),
    },
  );

describe('signIn', () => {
  it('returns a session for the right password, with any letter case in the e-mail', async () => {
    const s = await signIn(t, 'BienTap@LanToa.vn', DEMO_PASSWORD);
    expect(s.user).toMatchObject({ email: 'bientap@lantoa.vn', roles: ['EDITOR'] });
    expect(s.accessToken.split('.')).toHaveLength(3);
    expect(new Date(s.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 500_000);
    expect(new Date(s.refreshTokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // Only the hash of the refresh token is stored.
    const { rows } = await t.sql.query('select * from refresh_token where user_id = $1', [s.user.id]);
    expect(rows.map((r) => r.token_hash)).toContain(sha256(s.refreshToken));
    expect(JSON.stringify(rows)).not.toContain(s.refreshToken);
    const me = await t.gql(demoCaller('bientap'), '{ me { email lastSignInAt } }');
    expect(me.data!.me.email).toBe('bientap@lantoa.vn');
    expect(new Date(me.data!.me.lastSignInAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers a wrong password and an unknown e-mail with the same UNAUTHENTICATED message', async () => {
    const wrong = await signInRaw('xem@lantoa.vn', 'not the password');
    const unknown = await signInRaw('nobody@lantoa.vn', 'not the password');
    for (const res of [wrong, unknown]) {
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({ message: WRONG, extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(Object.keys(wrong.errors![0]!.extensions!).sort()).toEqual(Object.keys(unknown.errors![0]!.extensions!).sort());
    const { rows } = await t.sql.query(`select failed_sign_ins from user_account where email = 'xem@lantoa.vn'`);
    expect(rows[0].failed_sign_ins).toBe(1);
    // A successful sign-in resets the count.
    await signIn(t, 'xem@lantoa.vn', DEMO_PASSWORD);
    expect((await t.sql.query(`select failed_sign_ins from user_account where email = 'xem@lantoa.vn'`)).rows[0].failed_sign_ins).toBe(0);
  });

  it('an admin’s password reset lifts the throttle of the account, from every source', async () => {
    const u = await freshUser('reset-throttle');
    for (let i = 0; i < 6; i++) await signInFrom('198.51.100.7', u.email, `wrong password ${i}`);
    expect((await signInFrom('198.51.100.7', u.email, PASSWORD)).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    const reset = await t.gql(demoCaller('admin'), 'mutation($id: ID!) { setUserPassword(id: $id, password: "mật khẩu mới 2026") { id lockedUntil } }', {
      id: u.id,
    });
    expect(reset.data!.setUserPassword.lockedUntil).toBeNull();
    expect((await signInFrom('198.51.100.7', u.email, 'mật khẩu mới 2026')).errors).toBeUndefined();
  });

  it('refuses a disabled or deleted user with the same message', async () => {
    const u = await freshUser('disabled');
    await t.sql.query('update user_account set active = false where id = $1', [u.id]);
    expect((await signInRaw(u.email, PASSWORD)).errors![0]!.message).toBe(WRONG);
    await t.sql.query('update user_account set active = true, deleted_at = now() where id = $1', [u.id]);
    expect((await signInRaw(u.email, PASSWORD)).errors![0]!.message).toBe(WRONG);
  });

  it('names empty fields with BAD_USER_INPUT', async () => {
    const res = await signInRaw('', '');
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'email' }, { path: 'password' }] });
  });
});

describe('wrong passwords (the sign-in throttle)', () => {
  const ATTACKER = '203.0.113.66';
  const VICTIM = '192.0.2.10';
  const throttleRows = async (email: string) =>
    (await t.sql.query('select source, failures, blocked_until from sign_in_throttle where account = $1 order by source', [sha256(email.toLowerCase())])).rows;

  it('slow one source down for one account, and never end a session or refuse another source', async () => {
    const u = await freshUser('victim');
    const before = (await signInFrom(VICTIM, u.email, PASSWORD)).data!.signIn;
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await signInFrom(ATTACKER, u.email, `guess number ${i}`)).errors![0]!);
    // The free failures answer as any wrong password; from then on this source waits, told how long.
    for (const e of answers.slice(0, SIGN_IN_POLICY.freeFailures)) expect(e).toMatchObject({ message: WRONG, extensions: { code: 'UNAUTHENTICATED' } });
    for (const e of answers.slice(SIGN_IN_POLICY.freeFailures)) {
      expect(e.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(e.extensions!.retryAfter).toBeGreaterThan(0);
      expect(e.extensions!.retryAfter).toBeLessThanOrEqual(60);
    }
    // The right password from the waiting source is refused exactly like a wrong one: it tells nothing.
    const right = (await signInFrom(ATTACKER, u.email, PASSWORD)).errors![0]!;
    const wrong = (await signInFrom(ATTACKER, u.email, 'yet another guess')).errors![0]!;
    const shape = (e: typeof right) => ({ message: e.message.replace(/\d+/g, 'N'), code: e.extensions!.code, keys: Object.keys(e.extensions!).sort() });
    expect(shape(right)).toEqual(shape(wrong));
    // The victim's session goes on: its access token is accepted, its refresh token works.
    expect((await t.authenticate(before.accessToken)).status).toBe(200);
    expect((await refresh(t, before.refreshToken)).errors).toBeUndefined();
    // And the victim signs in from their own network.
    expect((await signInFrom(VICTIM, u.email, PASSWORD)).errors).toBeUndefined();
    // Waiting attempts are not counted: the attacker's count stopped at the free failures.
    expect((await throttleRows(u.email)).find((r) => r.source === ATTACKER)).toMatchObject({ failures: SIGN_IN_POLICY.freeFailures });
  });

  it('doubles the wait with each failure after one, and a success from the source starts it again', async () => {
    const u = await freshUser('backoff');
    for (let i = 0; i < SIGN_IN_POLICY.freeFailures; i++) await signInFrom(ATTACKER, u.email, `guess ${i}`);
    const waits = [];
    for (let round = 0; round < 3; round++) {
      const row = (await throttleRows(u.email)).find((r) => r.source === ATTACKER)!;
      waits.push(Math.round((new Date(row.blocked_until).getTime() - Date.now()) / 60_000));
      // The wait is over (played by moving it into the past), and the source guesses wrong once more.
      await t.sql.query(`update sign_in_throttle set blocked_until = now() - interval '1 second' where source = $1`, [ATTACKER]);
      expect((await signInFrom(ATTACKER, u.email, `another guess ${round}`)).errors![0]!.message).toBe(WRONG);
    }
    expect(waits).toEqual([1, 2, 4]);
    await t.sql.query(`update sign_in_throttle set blocked_until = null where source = $1`, [ATTACKER]);
    expect((await signInFrom(ATTACKER, u.email, PASSWORD)).errors).toBeUndefined();
    expect((await throttleRows(u.email)).find((r) => r.source === ATTACKER)).toBeUndefined();
  });

  it('throttles an unknown e-mail exactly like a known one', async () => {
    const unknown = uniqueEmail('nobody');
    const answers = [];
    for (let i = 0; i < SIGN_IN_POLICY.freeFailures + 1; i++) answers.push((await signInFrom(ATTACKER, unknown, `guess ${i}`)).errors![0]!.extensions!.code);
    expect(answers).toEqual([...Array<string>(SIGN_IN_POLICY.freeFailures).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
  });

  it('past the ceiling across all sources, only slows the account down: the right password still signs in', async () => {
    const u = await freshUser('ceiling');
    for (let i = 0; i < SIGN_IN_POLICY.accountCeiling; i++) {
      expect((await signInFrom(`10.9.${i}.1`, u.email, `distributed guess ${i}`)).errors![0]!.message).toBe(WRONG);
    }
    const rows = await throttleRows(u.email);
    expect(rows.find((r) => r.source === '*')).toMatchObject({ failures: SIGN_IN_POLICY.accountCeiling, blocked_until: null });
    // Admins see until when the account is slowed down.
    const seen = await t.gql(demoCaller('admin'), 'query($id: ID!) { user(id: $id) { lockedUntil } }', { id: u.id });
    expect(new Date(seen.data!.user.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    expect((await signInFrom('10.200.0.1', u.email, PASSWORD)).errors).toBeUndefined();
  });

  it('counts wrong current passwords of changePassword too, per source', async () => {
    const u = await freshUser('change-throttle');
    const change = async (current: string) =>
      t.gql(
        u.caller,
        'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
        { c: current, n: 'a brand new password' },
        {
          'x-lantoa-caller': await signCallerProof(u.caller, randomUUID(), t.gatewaySecret, 60, ATTACKER),
        },
      );
    const codes = [];
    for (let i = 0; i < SIGN_IN_POLICY.freeFailures + 1; i++) codes.push((await change(`not it ${i}`)).errors![0]!.extensions!.code);
    expect(codes).toEqual([...Array<string>(SIGN_IN_POLICY.freeFailures).fill('BAD_USER_INPUT'), 'RATE_LIMITED']);
    expect((await change(PASSWORD)).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    // The password is unchanged, and the user signs in from elsewhere.
    expect((await signInFrom(VICTIM, u.email, PASSWORD)).errors).toBeUndefined();
  });
});

describe('refreshSession', () => {
  it('rotates: the presented token is used up and a new one of the same session is returned', async () => {
    const s1 = await signIn(t, 'kiemduyet@lantoa.vn', DEMO_PASSWORD);
    const r2 = await refresh(t, s1.refreshToken);
    expect(r2.errors).toBeUndefined();
    const s2 = r2.data!.refreshSession;
    expect(s2.refreshToken).not.toBe(s1.refreshToken);
    expect(s2.accessToken).not.toBe(s1.accessToken);
    const { rows } = await t.sql.query('select token_hash, family_id, used_at, revoked_at from refresh_token where token_hash = any($1)', [
      [sha256(s1.refreshToken), sha256(s2.refreshToken)],
    ]);
    const byHash = Object.fromEntries(rows.map((r) => [r.token_hash, r]));
    expect(byHash[sha256(s1.refreshToken)].used_at).not.toBeNull();
    expect(byHash[sha256(s2.refreshToken)].used_at).toBeNull();
    expect(byHash[sha256(s1.refreshToken)].family_id).toBe(byHash[sha256(s2.refreshToken)].family_id);
    expect((await t.authenticate(s2.accessToken)).status).toBe(200);
  });

  it('revokes the whole session when a used token comes back (theft detection)', async () => {
    const s1 = await signIn(t, 'kiemduyet@lantoa.vn', DEMO_PASSWORD);
    const other = await signIn(t, 'kiemduyet@lantoa.vn', DEMO_PASSWORD);
    const s2 = (await refresh(t, s1.refreshToken)).data!.refreshSession;
    const s3 = (await refresh(t, s2.refreshToken)).data!.refreshSession;
    const replay = await refresh(t, s1.refreshToken);
    expect(replay.data).toBeNull();
    expect(replay.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // The thief's (or the user's) latest token is dead too, and so are the session's access tokens.
    expect((await refresh(t, s3.refreshToken)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await t.authenticate(s3.accessToken)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'Session ended (signed out).', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    const { rows } = await t.sql.query(
      'select count(*)::int as live from refresh_token where family_id = (select family_id from refresh_token where token_hash = $1) and revoked_at is null',
      [sha256(s1.refreshToken)],
    );
    expect(rows[0].live).toBe(0);
    // Another session of the same user is untouched.
    expect((await refresh(t, other.refreshToken)).errors).toBeUndefined();
  });

  it('refuses unknown and expired tokens', async () => {
    expect((await refresh(t, 'not-a-token')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const s = await signIn(t, 'kiemduyet@lantoa.vn', DEMO_PASSWORD);
    await t.sql.query(`update refresh_token set expires_at = now() - interval '1 second' where token_hash = $1`, [sha256(s.refreshToken)]);
    expect((await refresh(t, s.refreshToken)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('ending sessions', () => {
  const signOut = (r: string) => t.gql(ANONYMOUS, 'mutation($r: String!) { signOut(refreshToken: $r) }', { r });

  it('signOut ends that session only', async () => {
    const a = await signIn(t, 'xem@lantoa.vn', DEMO_PASSWORD);
    const b = await signIn(t, 'xem@lantoa.vn', DEMO_PASSWORD);
    expect((await signOut(a.refreshToken)).data).toEqual({ signOut: true });
    expect((await refresh(t, a.refreshToken)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.authenticate(a.accessToken)).status).toBe(401);
    expect((await t.authenticate(b.accessToken)).status).toBe(200);
    expect((await signOut('unknown-token')).data).toEqual({ signOut: false });
  });

  it('signOutEverywhere ends every session; a new sign-in right after works', async () => {
    const u = await freshUser('everywhere');
    const a = await signIn(t, u.email, PASSWORD);
    const b = await signIn(t, u.email, PASSWORD);
    expect((await t.gql(u.caller, 'mutation { signOutEverywhere }')).data).toEqual({ signOutEverywhere: true });
    for (const s of [a, b]) {
      expect((await refresh(t, s.refreshToken)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(await t.authenticate(s.accessToken)).toMatchObject({
        status: 401,
        body: { errors: [{ message: expect.stringMatching(/^Session ended/), extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    }
    // Within the same second as the sign-out: the new token must still be accepted.
    const c = await signIn(t, u.email, PASSWORD);
    expect((await t.authenticate(c.accessToken)).status).toBe(200);
  });

  it('changePassword checks the current password, then ends every session', async () => {
    const u = await freshUser('change');
    const s = await signIn(t, u.email, PASSWORD);
    const change = (current: string, next: string) =>
      t.gql(u.caller, 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: current, n: next });
    const wrong = await change('not my password', 'a brand new password');
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'currentPassword', message: 'is wrong.' }] });
    const short = await change(PASSWORD, 'short');
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'newPassword' }] });
    expect(JSON.stringify(short.errors)).not.toContain('short"');
    expect((await t.authenticate(s.accessToken)).status).toBe(200);

    expect((await change(PASSWORD, 'a brand new password')).data).toEqual({ changePassword: true });
    expect((await t.authenticate(s.accessToken)).status).toBe(401);
    expect((await refresh(t, s.refreshToken)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await signInRaw(u.email, PASSWORD)).errors![0]!.message).toBe(WRONG);
    const again = await signIn(t, u.email, 'a brand new password');
    expect((await t.authenticate(again.accessToken)).status).toBe(200);
    const { rows } = await t.sql.query('select password_hash from user_account where id = $1', [u.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('setUserPassword, disabling and a role change end the user’s sessions', async () => {
    for (const [label, mutation] of [
      ['reset', 'mutation($id: ID!) { setUserPassword(id: $id, password: "another long password") { id } }'],
      ['disable', 'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }'],
      ['roles', 'mutation($id: ID!) { updateUser(id: $id, input: { roles: [VIEWER] }) { id } }'],
    ] as const) {
      const u = await freshUser(label);
      const s = await signIn(t, u.email, PASSWORD);
      expect((await t.authenticate(s.accessToken)).status).toBe(200);
      const res = await t.gql(demoCaller('admin'), mutation, { id: u.id });
      expect(res.errors, label).toBeUndefined();
      expect((await t.authenticate(s.accessToken)).status, label).toBe(401);
      expect((await refresh(t, s.refreshToken)).errors![0]!.extensions!.code, label).toBe('UNAUTHENTICATED');
    }
  });

  it('a display-name change leaves sessions alone', async () => {
    const u = await freshUser('rename');
    const s = await signIn(t, u.email, PASSWORD);
    await t.gql(demoCaller('admin'), 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Tên mới" }) { id } }', { id: u.id });
    expect((await t.authenticate(s.accessToken)).status).toBe(200);
  });

  it('refuses these operations to API-token callers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const token = { kind: 'token' as const, id: randomUUID(), name: 'Cổng', organizationId: null, roles: [Role.INTEGRATOR], scopes: [] };
    expect((await t.gql(token, 'mutation { signOutEverywhere }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(ANONYMOUS, 'mutation { signOutEverywhere }')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ANONYMOUS, 'mutation { changePassword(currentPassword: "a", newPassword: "bbbbbbbbbbbb") }')).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('/internal/authenticate with access tokens', () => {
  const key = () => new TextEncoder().encode(t.jwtSecret);
  let session: Awaited<ReturnType<typeof signIn>>;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    session = await signIn(t, 'bientap.babe@lantoa.vn', DEMO_PASSWORD);
    claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
  });

  const forge = (payload: Record<string, unknown>, alg = 'HS256', secret: Uint8Array = key()) =>
    new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(secret);

  it('answers the caller with the user’s current roles and organization', async () => {
    expect(claims).toMatchObject({ iss: 'lantoa-identity', aud: 'lantoa', sub: session.user.id });
    expect(typeof claims.jti).toBe('string');
    expect(typeof claims.iat).toBe('number');
    const ok = await t.authenticate(session.accessToken);
    expect(ok).toMatchObject({
      status: 200,
      body: {
        caller: {
          kind: 'user',
          id: session.user.id,
          name: 'bientap.babe@lantoa.vn',
          organizationId: demoId('organization', 'hu-ba-be'),
          roles: ['EDITOR'],
          scopes: [],
        },
        expiresAt: new Date((claims.exp as number) * 1000).toISOString(),
      },
    });
    // Roles are read from the database on every call, not from the token.
    await t.sql.query(`update user_account set roles = '{EDITOR,REVIEWER}' where id = $1`, [session.user.id]);
    expect((await t.authenticate(session.accessToken)).body.caller).toMatchObject({ roles: ['EDITOR', 'REVIEWER'] });
    await t.sql.query(`update user_account set roles = '{EDITOR}' where id = $1`, [session.user.id]);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await forge({ ...claims, iat: now - 700, exp: now - 100 });
    expect(await t.authenticate(expired)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'Access token expired.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('refuses tampered tokens, other algorithms, other keys, issuers and audiences', async () => {
    const [h, p, s] = session.accessToken.split('.') as [string, string, string];
    const otherSub = Buffer.from(JSON.stringify({ ...claims, sub: demoId('user', 'admin') })).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
    const cases: Record<string, string> = {
      'payload swapped': `${h}.${otherSub}.${s}`,
      'signature changed': `${h}.${p}.${flipped}`,
      'alg none': none,
      'alg none with signature': `${none}${s}`,
      HS512: await forge(claims, 'HS512'),
      'gateway secret': await forge(claims, 'HS256', new TextEncoder().encode(t.gatewaySecret)),
      'other issuer': await forge({ ...claims, iss: 'lantoa-gateway' }),
      'other audience': await forge({ ...claims, aud: 'lantoa-subgraphs' }),
      'no session claims': await forge({ iss: claims.iss, aud: claims.aud, sub: claims.sub, iat: claims.iat, exp: claims.exp, jti: claims.jti }),
      garbage: 'definitely.not.ajwt',
    };
    for (const [label, credential] of Object.entries(cases)) {
      expect(await t.authenticate(credential), label).toMatchObject({
        status: 401,
        body: { errors: [{ message: 'Access token is invalid.', extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    }
  });

  it('refuses tokens of disabled, deleted and unknown users', async () => {
    const u = await freshUser('auth-gone');
    const s = await signIn(t, u.email, PASSWORD);
    await t.sql.query('update user_account set active = false where id = $1', [u.id]);
    expect(await t.authenticate(s.accessToken)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'User is disabled.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    await t.sql.query('update user_account set active = true, deleted_at = now() where id = $1', [u.id]);
    expect(await t.authenticate(s.accessToken)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'User does not exist.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect((await t.authenticate(await forge({ ...claims, sub: randomUUID() }))).status).toBe(401);
  });

  it('answers 400 to a malformed body without echoing it', async () => {
    expect(await t.authenticate(undefined)).toMatchObject({ status: 400 });
    const bad = await t.authenticate(`RAW:{"credential": "${session.accessToken}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain(session.accessToken.slice(0, 20));
  });

  it('answers 401 without the gateway’s proof, or with a forged one', async () => {
    expect(await t.authenticate(session.accessToken, { proof: false })).toMatchObject({ status: 401 });
    const base = t.url.replace(/\/graphql$/, '');
    const forged = await fetch(`${base}/internal/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lantoa-caller': await signCallerProof(ANONYMOUS, 'r', 'x'.repeat(40)) },
      body: JSON.stringify({ credential: session.accessToken }),
    });
    expect(forged.status).toBe(401);
    expect(JSON.stringify(await forged.json())).not.toContain('caller');
  });
});

describe('the GraphQL endpoint', () => {
  it('answers HTTP 401 to requests without the gateway’s proof, even for signIn', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { signIn(email: "admin@lantoa.vn", password: "${DEMO_PASSWORD}") { accessToken } }` }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });
});
