import {
  Access,
  AuditEventConnection,
  ConnectionType,
  DateScalar,
  isUuid,
  PageArgs,
  recordHistory,
  requireAccess,
  Role,
  type AuditEvent,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from './person.entity.js';
import { CreatePersonInput, PeopleArgs, UpdatePersonInput } from './person.inputs.js';
import { PersonQueries } from './person.queries.js';
import { PersonService } from './person.service.js';
import { Position } from './position.entity.js';

export const PersonConnection = ConnectionType(Person, 'Person');

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(Access.READ)
  @Query(() => Person, { nullable: true, description: 'One person; null when absent or deleted.' })
  person(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Person | null> | null {
    return isUuid(id) ? new PersonQueries(ctx).live(id) : null;
  }

  @Authorized(Access.READ)
  @Query(() => PersonConnection, { nullable: true, description: 'People matching a filter, in pages, in Vietnamese name order by default.' })
  people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: RequestContext): Promise<Connection<Person>> {
    return new PersonQueries(ctx).list(args);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Person, { description: 'Creates a person.' })
  createPerson(@Arg('input', () => CreatePersonInput) input: CreatePersonInput, @Ctx() ctx: RequestContext): Promise<Person> {
    return new PersonService(ctx).createPerson(input);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Person, { description: 'Changes a person; refused with CONFLICT when expectedVersion is stale.' })
  updatePerson(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Person> {
    return new PersonService(ctx).updatePerson(id, input, expectedVersion);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Person, { description: 'Soft-deletes a person; restorePerson undoes it.' })
  deletePerson(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Person> {
    return new PersonService(ctx).setDeleted(Person, id, true);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Person, { description: 'Restores a soft-deleted person.' })
  restorePerson(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Person> {
    return new PersonService(ctx).setDeleted(Person, id, false);
  }

  @FieldResolver(() => [Position], { description: 'Positions held, oldest first; with `activeOn`, only those held that day.' })
  positions(
    @Root() p: Person,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: 'Only positions held on this day.' }) activeOn: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Position[]> {
    return new PersonQueries(ctx).positionsOf('person_id', p.id, activeOn);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number; visible to editors, reviewers and admins only (null for others).' })
  phone(@Root() p: Person, @Ctx() ctx: RequestContext): string | null {
    return mayReadContacts(ctx) ? p.phone : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'E-mail address; visible to editors, reviewers and admins only (null for others).' })
  email(@Root() p: Person, @Ctx() ctx: RequestContext): string | null {
    return mayReadContacts(ctx) ? p.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Postal address; visible to editors, reviewers and admins only (null for others).' })
  address(@Root() p: Person, @Ctx() ctx: RequestContext): string | null {
    return mayReadContacts(ctx) ? p.address : null;
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this person, newest first (admins only: people belong to no organization).' })
  history(@Root() p: Person, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    requireAccess(ctx.caller, Access.ADMIN);
    return recordHistory(ctx, 'Person', p.id, args);
  }
}

const CONTACT_READERS = new Set<string>([Role.EDITOR, Role.REVIEWER, Role.ADMIN]);

/** Personal contact data is for the people who curate records, not for viewers or integrations. */
const mayReadContacts = (ctx: RequestContext) => ctx.caller.kind === 'user' && ctx.caller.roles.some((r) => CONTACT_READERS.has(r));
