import { Access, checkExpectedVersion, InputCheck, notFound, searchKey, type RequestContext, type TextRule } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DirectiveService } from '../directive/directive.service.js';
import { Task } from './task.entity.js';
import { TaskStatus } from './task.enums.js';
import type { CreateTaskInput, UpdateTaskInput } from './task.inputs.js';

const RULES = { title: { max: 1000, required: true }, description: { max: 10_000, kind: 'note' } } satisfies Record<string, TextRule>;
const MAX_COORDINATORS = 50;

const searchTextOf = (t: Pick<Task, 'title' | 'description'>) => searchKey(`${t.title} ${t.description ?? ''}`);

/**
 * Writes to tasks: editors and reviewers of the lead organization's subtree
 * (admins anywhere). One transaction each; every reference is checked
 * against the organization directory and the registry before anything is written.
 */
export class TaskService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateTaskInput): Promise<Task> {
    return this.ctx.em.transactional(async (em) => {
      const values = await this.checked(em, new InputCheck('create'), input, input);
      const task = em.create(Task, { ...values, searchText: searchTextOf(values) });
      await em.flush();
      return task;
    });
  }

  async update(id: string, input: UpdateTaskInput, expectedVersion?: number | null): Promise<Task> {
    return this.ctx.em.transactional(async (em) => {
      const task = await this.liveForUpdate(em, id);
      checkExpectedVersion('Task', task, expectedVersion);
      const check = new InputCheck('update');
      for (const key of ['title', 'group', 'leadOrganizationId', 'dueOn', 'status'] as const) check.required(`input.${key}`, input[key]);
      const status = input.status ?? task.status;
      const merged: CreateTaskInput = {
        title: input.title ?? task.title,
        description: input.description !== undefined ? input.description : task.description,
        directiveId: input.directiveId !== undefined ? input.directiveId : task.directiveId,
        group: input.group ?? task.group,
        leadOrganizationId: input.leadOrganizationId ?? task.leadOrganizationId,
        coordinatingOrganizationIds: input.coordinatingOrganizationIds ?? task.coordinatingOrganizationIds,
        dueOn: input.dueOn ?? task.dueOn,
        status,
        // Leaving DONE clears the completion day unless one is sent; reaching DONE needs one.
        completedOn: input.completedOn !== undefined ? input.completedOn : status === TaskStatus.DONE ? task.completedOn : null,
      };
      Object.assign(task, await this.checked(em, check, merged, input));
      task.searchText = searchTextOf(task);
      await em.flush();
      return task;
    });
  }

  async setDeleted(id: string, deleted: boolean): Promise<Task> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const task = await em.findOne(Task, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!task || (deleted && task.deletedAt)) throw notFound('Task', id, 'id');
      await this.requireInScope(task.leadOrganizationId);
      task.deletedAt = deleted ? new Date() : null;
      await em.flush();
      return task;
    });
  }

  /** A live task locked for a write, after checking the caller may edit it. */
  async liveForUpdate(em: EntityManager, id: string, path = 'id'): Promise<Task> {
    const check = new InputCheck();
    check.uuid(path, id);
    check.done();
    const task = await em.findOne(Task, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!task) throw notFound('Task', id, path);
    await this.requireInScope(task.leadOrganizationId);
    return task;
  }

  private requireInScope(organizationId: string): Promise<void> {
    return new Directory(this.ctx).requireInScope(
      this.ctx.caller,
      Access.EDIT,
      organizationId,
      'This task is led by an organization outside your own organization’s subtree.',
    );
  }

  /** Field rules, then references; `given` is what the caller sent (update: only changed references are re-checked). */
  private async checked(em: EntityManager, check: InputCheck, input: CreateTaskInput, given: UpdateTaskInput) {
    const title = check.text('input.title', input.title, RULES.title);
    const description = check.text('input.description', input.description, RULES.description);
    check.uuid('input.directiveId', input.directiveId);
    check.uuid('input.leadOrganizationId', input.leadOrganizationId);
    const coordinators = [...new Set(input.coordinatingOrganizationIds ?? [])];
    check.uuids('input.coordinatingOrganizationIds', coordinators);
    if (coordinators.length > MAX_COORDINATORS) check.add('input.coordinatingOrganizationIds', `must list at most ${MAX_COORDINATORS} organizations.`);
    if (coordinators.includes(input.leadOrganizationId)) check.add('input.coordinatingOrganizationIds', 'must not include the lead organization.');
    const status = input.status ?? TaskStatus.NOT_STARTED;
    if (status === TaskStatus.DONE && !input.completedOn) check.add('input.completedOn', 'is required when the status is DONE.');
    if (status !== TaskStatus.DONE && input.completedOn) check.add('input.completedOn', 'is only for tasks whose status is DONE.');
    check.day('input.dueOn', input.dueOn, 'planned');
    check.day('input.completedOn', input.completedOn, 'past');
    check.done();

    const directory = new Directory(this.ctx);
    if (given.leadOrganizationId) {
      await directory.requireLive(input.leadOrganizationId, 'input.leadOrganizationId');
      await this.requireInScope(input.leadOrganizationId);
    }
    if (given.coordinatingOrganizationIds) {
      // Together, so the directory answers all of them in one statement.
      await Promise.all(coordinators.map((id, i) => directory.requireLive(id, `input.coordinatingOrganizationIds.${i}`)));
    }
    if (input.directiveId) {
      const directive = await new DirectiveService(this.ctx).liveForUpdate(em, input.directiveId, 'input.directiveId');
      if (input.dueOn < directive.issuedOn) check.add('input.dueOn', `must not be before ${directive.number} was issued (${directive.issuedOn}).`);
    }
    check.done();
    return {
      title: title!,
      description: description ?? null,
      directiveId: input.directiveId ?? null,
      group: input.group,
      leadOrganizationId: input.leadOrganizationId,
      coordinatingOrganizationIds: coordinators,
      dueOn: input.dueOn,
      status,
      completedOn: input.completedOn ?? null,
    };
  }
}
