import { Supergraph } from '@apollo/federation-internals';
import { parse, print, validate, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { demoId, todayInProvince } from '@lantoa/kit';
import { gqlOk } from '@lantoa/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

/**
 * The README is true: every GraphQL block in it is valid against the
 * committed supergraph, and the operations of "A day with Lan Tỏa" run in
 * order, as the accounts it names, against the real system with its demo data.
 */
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
const day = README.slice(README.indexOf('## A day with Lan Tỏa'), README.indexOf('\n## ', README.indexOf('## A day with Lan Tỏa') + 5));
const operations = new Map(
  [...day.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) =>
    parse(m[1]!).definitions.map((d) => [(d as OperationDefinitionNode).name!.value, print(d)] as const),
  ),
);
const api = Supergraph.build(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

const org = (key: string) => demoId('organization', key);
const DIRECTIVE = demoId('directive', '01-kl-tw');

let stack: Stack;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers are read field by field below
async function run(email: string, name: string, variables: Record<string, unknown>): Promise<any> {
  const document = operations.get(name);
  if (!document) throw new Error(`The README's walkthrough has no operation ${name}.`);
  return gqlOk(stack.gateway.url, document, variables, await stack.as(email));
}

beforeAll(async () => {
  stack = await startStack('walkthrough');
}, 120_000);
afterAll(async () => stack?.stop());

describe('the README', () => {
  it.each(blocks.map((b, i) => [i + 1, b] as const))('GraphQL block %i is valid against schema/supergraph.graphql', (_i, block) => {
    expect(validate(api, parse(block)).map((e) => e.message)).toEqual([]);
  });

  it('“A day with Lan Tỏa” runs as written, across the four domains', { timeout: 60_000 }, async () => {
    const year = { from: `${todayInProvince().slice(0, 4)}-01-01`, to: todayInProvince() };

    // 1. The district registers, proposes, verifies and recognises a practice.
    const { createExemplar: exemplar } = await run('bientap.babe@lantoa.vn', 'RegisterPractice', { district: org('hu-ba-be'), directive: DIRECTIVE });
    expect(exemplar).toMatchObject({ status: 'REGISTERED', allowedActions: ['PROPOSE'] });
    await run('bientap.babe@lantoa.vn', 'ExemplarStep', { id: exemplar.id, action: 'PROPOSE' });
    await run('kiemduyet.babe@lantoa.vn', 'ExemplarStep', { id: exemplar.id, action: 'VERIFY', note: 'Đã xác minh tại thôn.' });
    const recognised = await run('kiemduyet.babe@lantoa.vn', 'ExemplarStep', { id: exemplar.id, action: 'RECOGNISE' });
    expect(recognised.transitionExemplar.timeline.map((s: { action: string }) => s.action)).toEqual(['REGISTER', 'PROPOSE', 'VERIFY', 'RECOGNISE']);

    // 2. The directive, both ways, and the province's overdue tasks.
    const context = await run('bientap@lantoa.vn', 'DirectiveAndTasks', { number: '01 kl tw', province: org('tu-bac-kan') });
    const directive = context.directives.nodes[0];
    expect(directive.number).toBe('01-KL/TW');
    expect(directive.outgoingRelations).toContainEqual({ kind: 'CONTINUES', to: { number: '05-CT/TW' } });
    expect(directive.incomingRelations.map((r: { kind: string; from: { number: string } }) => `${r.kind} ${r.from.number}`)).toContain('EVALUATES 499-BC/TU');
    expect(context.tasks.totalCount).toBeGreaterThan(0);
    expect(context.tasks.nodes.every((t: { deadlineStatus: string }) => t.deadlineStatus === 'OPEN_OVERDUE')).toBe(true);

    // 3. The newspaper's to-do list names it; the editor drafts an item and submits it.
    const todo = await run('bientap.bao@lantoa.vn', 'ToDo', { province: org('tu-bac-kan'), ...year });
    expect(todo.me.organization.successors[0]).toMatchObject({ kind: 'MERGE', to: { name: expect.stringContaining('Thái Nguyên') } });
    expect(todo.uncoveredExemplars.nodes.map((n: { exemplar: { id: string } }) => n.exemplar.id)).toContain(exemplar.id);
    const { createMediaItem: item } = await run('bientap.bao@lantoa.vn', 'DraftItem', {
      outlet: org('bao-bac-kan'),
      exemplar: exemplar.id,
      directive: DIRECTIVE,
    });
    expect(item).toMatchObject({ status: 'DRAFT', allowedActions: ['SUBMIT'] });
    await run('bientap.bao@lantoa.vn', 'EditorialStep', { id: item.id, action: 'SUBMIT' });

    // 4. The editorial secretary approves it for two seconds later; the job queue publishes it.
    const publishAt = new Date(Math.ceil((Date.now() + 2_000) / 1000) * 1000).toISOString();
    const approved = await run('kiemduyet.bao@lantoa.vn', 'EditorialStep', { id: item.id, action: 'APPROVE', note: 'Đăng trang nhất.', publishAt });
    expect(approved.transitionMediaItem).toMatchObject({ status: 'APPROVED', publishAt });

    // 5. Evening: published once, covered, counted, and off the to-do list.
    const evening = () => run('xem@lantoa.vn', 'Evening', { item: item.id, exemplar: exemplar.id, ...year });
    await expect.poll(async () => (await evening()).mediaItem.status, { timeout: 15_000, interval: 500 }).toBe('PUBLISHED');
    const night = await evening();
    expect(night.mediaItem.publishedAt).toBe(publishAt);
    expect(night.mediaItem.timeline.filter((s: { action: string }) => s.action === 'SCHEDULED_PUBLISH')).toHaveLength(1);
    expect(night.exemplar.coverage).toEqual({ count: 1, lastPublishedAt: publishAt });
    expect(night.mediaStats.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBeGreaterThanOrEqual(1);
    expect(night.campaigns.nodes.length).toBeGreaterThan(0);
    const after = await run('bientap.bao@lantoa.vn', 'ToDo', { province: org('tu-bac-kan'), ...year });
    expect(after.uncoveredExemplars.nodes.map((n: { exemplar: { id: string } }) => n.exemplar.id)).not.toContain(exemplar.id);
  });
});
