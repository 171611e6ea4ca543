import { demoId } from '@lantoa/kit';
import { gql, gqlOk } from '@lantoa/kit/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
const btg = demoId('organization', 'btg-tu-bac-kan');
const baBe = demoId('organization', 'hu-ba-be');

beforeAll(async () => {
  s = await startStack('audit');
});
afterAll(async () => {
  await s?.stop();
});

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id occurredAt actorKind actorId actorName requestId entityType entityId action organizationId changes { field before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('audit log through the gateway', () => {
  it('shows the before and after of a change, with the user and the request id', async () => {
    const admin = await s.as('admin@lantoa.vn');
    const res = await gql(
      s.gateway.url,
      `mutation($id: ID!) { updateOrganization(id: $id, input: { shortName: "Ban Tuyên giáo" }) { id } }`,
      { id: btg },
      { ...admin, 'x-request-id': randomUUID() },
    );
    expect(res.errors).toBeUndefined();
    // The gateway's own id (a client's is taken only from a trusted proxy), as the response names it.
    const requestId = res.headers.get('x-request-id')!;

    const data = await gqlOk(s.gateway.url, EVENTS, { filter: { requestId } }, admin);
    expect(data.auditEvents.totalCount).toBe(1);
    expect(data.auditEvents.nodes[0]).toMatchObject({
      actorKind: 'user',
      actorId: demoId('user', 'admin'),
      actorName: 'admin@lantoa.vn',
      requestId,
      entityType: 'Organization',
      entityId: btg,
      action: 'UPDATE',
      changes: [{ field: 'shortName', before: 'Ban Tuyên giáo Tỉnh ủy', after: 'Ban Tuyên giáo' }],
    });
    // The same event on the record itself.
    const history = await gqlOk(
      s.gateway.url,
      `query($id: ID!) { organization(id: $id) { history(first: 1) { nodes { requestId action } } } }`,
      { id: btg },
      admin,
    );
    expect(history.organization.history.nodes).toEqual([{ requestId, action: 'UPDATE' }]);
  });

  it('merges every subgraph’s log, newest first, and never records secrets', async () => {
    const admin = await s.as('admin@lantoa.vn');
    const password = 'Mật-khẩu-rất-dài-2026';
    const created = await gqlOk(
      s.gateway.url,
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: 'moi@lantoa.vn', displayName: 'Người dùng mới', organizationId: baBe, roles: ['EDITOR'], password } },
      admin,
    );
    await gqlOk(s.gateway.url, `mutation($id: ID!) { updateOrganization(id: $id, input: { shortName: "Ba Bể" }) { id } }`, { id: baBe }, admin);

    const data = await gqlOk(s.gateway.url, EVENTS, { first: 2 }, admin);
    expect(data.auditEvents.nodes.map((e: { entityType: string; entityId: string }) => [e.entityType, e.entityId])).toEqual([
      ['Organization', baBe],
      ['User', created.createUser.id],
    ]);
    const userEvent = data.auditEvents.nodes[1];
    expect(userEvent.action).toBe('CREATE');
    expect(JSON.stringify(userEvent)).not.toContain(password);
    expect(userEvent.changes.map((c: { field: string }) => c.field)).not.toContain('passwordHash');
    expect(JSON.stringify(userEvent)).not.toMatch(/argon2/);
  });

  it('pages across subgraphs with one cursor, visiting every event exactly once', async () => {
    const admin = await s.as('admin@lantoa.vn');
    const all = await gqlOk(s.gateway.url, EVENTS, { first: 200 }, admin);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { auditEvents: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await gqlOk(
        s.gateway.url,
        EVENTS,
        { first: 2, after },
        admin,
      );
      seen.push(...page.auditEvents.nodes.map((e) => e.id));
      after = page.auditEvents.pageInfo.hasNextPage ? page.auditEvents.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.auditEvents.nodes.map((e: { id: string }) => e.id));
    expect(new Set(seen).size).toBe(all.auditEvents.totalCount);
  });

  it('shows reviewers their subtree only, and refuses editors', async () => {
    const reviewer = await s.as('kiemduyet@lantoa.vn'); // Ban Tuyên giáo Tỉnh ủy
    const data = await gqlOk(s.gateway.url, EVENTS, { first: 200 }, reviewer);
    const scopes = new Set(data.auditEvents.nodes.map((e: { organizationId: string }) => e.organizationId));
    expect(scopes).toEqual(new Set([btg]));
    expect(data.auditEvents.totalCount).toBe(data.auditEvents.nodes.length);

    const editor = await gql(s.gateway.url, EVENTS, {}, await s.as('bientap@lantoa.vn'));
    expect(editor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
