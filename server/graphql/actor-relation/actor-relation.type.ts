import { Field, ObjectType } from 'type-graphql';
import { ActorRelationType } from '../../domain/relations/actor-relation';
import { ActorRelationTypeEnum } from './actor-relation-type.enum';

@ObjectType({ description: 'A known relation between two actors, recorded by a user; read it "from <type> to".' })
export class ActorRelation {
  @Field(() => ActorRelationTypeEnum)
  type!: ActorRelationType;

  @Field(() => String, { nullable: true, description: 'Since when (YYYY-MM-DD), when known.' })
  since!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'ISO 8601, UTC.' })
  createdAt!: string;

  @Field({ description: 'ISO 8601, UTC; changes each time it is recorded again.' })
  updatedAt!: string;

  /** Ids of its two actors and who recorded it, for the field resolvers. */
  fromActorId!: string;
  toActorId!: string;
  recordedBy!: string;
}
