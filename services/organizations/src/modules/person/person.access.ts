import { forbidden, inSubtreeOfPathSql, isUnscoped, pgArray, type RequestContext } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Who may change a person: their names, contact data (phone, e-mail,
 * address), deletion and restoration. People belong to no organization
 * themselves; their positions do.
 *
 * - Admins: everyone.
 * - Editors and reviewers (and WRITE-scoped API tokens, scoped like them):
 *   a person who holds or held a position (a live position record, ended or
 *   not) in an organization of their subtree.
 * - A person with no position at all: the admins and whoever created the
 *   record (from the audit log), so a new record can be completed; any
 *   editor may give such a person a first position within their own subtree
 *   (PersonService.createPosition), which makes the person theirs.
 *
 * So a district editor cannot edit or delete a provincial leader, nor make
 * one theirs by adding a district position: a person with positions gets a
 * new one only from someone who may already edit them.
 */
export interface PersonAccess {
  id: string;
  hasPosition: boolean;
  editable: boolean;
}

/** The rule above for many people in one statement. */
export async function personAccess(ctx: RequestContext, em: EntityManager, ids: readonly string[]): Promise<Map<string, PersonAccess>> {
  const { caller } = ctx;
  const unscoped = isUnscoped(caller);
  const rows = await em.execute<{ id: string; has_position: boolean; in_scope: boolean; created_by_caller: boolean }[]>(
    `with mine as (select path from organization where id = ? and deleted_at is null)
     select p.id,
       exists (select 1 from position pos where pos.person_id = p.id and pos.deleted_at is null) as has_position,
       exists (select 1 from position pos join organization o on o.id = pos.organization_id, mine
               where pos.person_id = p.id and pos.deleted_at is null and ${inSubtreeOfPathSql('o.path', 'mine.path')}) as in_scope,
       exists (select 1 from audit_event a
               where a.entity_type = 'Person' and a.entity_id = p.id and a.action = 'CREATE' and a.actor_kind = ? and a.actor_id = ?) as created_by_caller
     from person p where p.id = any(?::uuid[])`,
    [caller.organizationId, caller.kind, caller.id, pgArray(ids as string[])],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, hasPosition: r.has_position, editable: unscoped || (r.has_position ? r.in_scope : r.created_by_caller) }]));
}

const OUTSIDE =
  'This person holds positions only outside your organization’s subtree (or, holding none, was recorded by someone else): ask an editor of their organization or an admin.';

/** Refuses with FORBIDDEN, changing nothing, unless the caller may change this person. */
export async function requirePersonEditable(ctx: RequestContext, em: EntityManager, id: string): Promise<PersonAccess> {
  const access = (await personAccess(ctx, em, [id])).get(id);
  if (!access?.editable) throw forbidden(OUTSIDE);
  return access;
}
