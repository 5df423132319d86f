import { Field, Float, ObjectType } from 'type-graphql';
import { Actor } from './actor.type';

@ObjectType()
export class NearbyActor {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => Float, { description: 'Great-circle distance in kilometres.' })
  distanceKm!: number;
}
