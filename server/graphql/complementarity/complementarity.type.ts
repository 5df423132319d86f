import { Field, Float, ObjectType } from 'type-graphql';
import { ComplementarityKind } from '../../domain/complementarity/reference';
import { ActorRecord } from '../../domain/model';
import { ActorRelationType } from '../../domain/relations/actor-relation';
import { ActorRelationTypeEnum } from '../actor-relation/actor-relation-type.enum';
import { Actor } from '../actor/actor.type';
import { ComplementarityKindEnum } from './complementarity.enums';

@ObjectType({ description: 'Two actors that could cooperate: an ESS or public actor (a) and a classic firm (b).' })
export class Complementarity {
  @Field(() => ComplementarityKindEnum)
  kind!: ComplementarityKind;

  @Field(() => Actor, { description: 'The ESS or public actor.' })
  a!: ActorRecord;

  @Field(() => Actor, { description: 'The classic-economy actor.' })
  b!: ActorRecord;

  @Field(() => Float, { description: '0..1, higher is better.' })
  score!: number;

  @Field(() => Float)
  distanceKm!: number;

  @Field({ description: 'The two also compete (same trade, same public, close by): a cooperation for the facilitator to broker.' })
  competition!: boolean;

  @Field(() => [String], { description: 'Why, in French, one reason per line.' })
  reasons!: string[];

  @Field(() => [ActorRelationTypeEnum], { description: 'Relations already recorded between the two: the pair is a lead to strengthen them (kinds a relation covers are not suggested again).' })
  existingRelations!: ActorRelationType[];
}
