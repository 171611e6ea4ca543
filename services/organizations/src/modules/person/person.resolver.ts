import { ConnectionType, DateScalar, isUuid, type Connection, type RequestContext } from '@lantoa/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from './person.entity.js';
import { CreatePersonInput, PeopleArgs, UpdatePersonInput } from './person.inputs.js';
import { PersonQueries } from './person.queries.js';
import { PersonService } from './person.service.js';
import { Position } from './position.entity.js';

export const PersonConnection = ConnectionType(Person, 'Person');

/** `_entities` resolution for Person: one statement for the whole call. */
export const resolvePersonReference = (ref: { id: string }, ctx: RequestContext): Promise<Person | null> => new PersonQueries(ctx).byId(ref.id);

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person; null when absent or deleted.' })
  person(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Person | null> | null {
    return isUuid(id) ? new PersonQueries(ctx).live(id) : null;
  }

  @Query(() => PersonConnection, { description: 'People matching a filter, in pages, in Vietnamese name order by default.' })
  people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: RequestContext): Promise<Connection<Person>> {
    return new PersonQueries(ctx).list(args);
  }

  @Mutation(() => Person, { description: 'Creates a person.' })
  createPerson(@Arg('input', () => CreatePersonInput) input: CreatePersonInput, @Ctx() ctx: RequestContext): Promise<Person> {
    return new PersonService(ctx).createPerson(input);
  }

  @Mutation(() => Person, { description: 'Changes a person; refused with CONFLICT when expectedVersion is stale.' })
  updatePerson(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Person> {
    return new PersonService(ctx).updatePerson(id, input, expectedVersion);
  }

  @Mutation(() => Person, { description: 'Soft-deletes a person; restorePerson undoes it.' })
  deletePerson(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Person> {
    return new PersonService(ctx).setDeleted(Person, id, true);
  }

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
}
