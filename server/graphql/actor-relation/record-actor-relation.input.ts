import { Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ActorRelationType } from '../../domain/relations/actor-relation';
import { ActorRelationTypeEnum } from './actor-relation-type.enum';

/**
 * The relation to record. The rules on `since` and `description` (a real past date, at most
 * 1000 characters once trimmed) live in the domain module and are applied by the service, so
 * that every caller gets them; here only the shape of the ids is checked.
 */
@InputType({ description: 'A relation to record; recording the same actors and type again updates since and description.' })
export class RecordActorRelationInput {
  @Field(() => ID)
  @Length(1, 100, { message: 'must be an actor id of 1 to 100 characters' })
  fromActorId!: string;

  @Field(() => ID)
  @Length(1, 100, { message: 'must be an actor id of 1 to 100 characters' })
  toActorId!: string;

  @Field(() => ActorRelationTypeEnum)
  type!: ActorRelationType;

  @Field(() => String, {
    nullable: true,
    description: 'Since when, YYYY-MM-DD, not in the future. Absent: unchanged when the relation exists; null clears it.',
  })
  since?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'At most 1000 characters (trimmed; blank means none). Absent: unchanged when the relation exists; null clears it.',
  })
  description?: string | null;
}
