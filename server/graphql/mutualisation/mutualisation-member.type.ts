import { Field, Float, ObjectType } from 'type-graphql';
import { Actor } from '../actor/actor.type';
import { Flow } from '../flow/flow.type';

@ObjectType({ description: 'An actor of a mutualisation group, with its flow of the shared resource.' })
export class MutualisationMember {
  @Field(() => Actor)
  actor!: Actor;

  @Field(() => Flow, { description: "The actor's flow of the group's resource (the first of `flows`); redacted when the viewer may not see it." })
  flow!: Flow;

  @Field(() => [Flow], { description: 'All its flows in the group, when it has several (e.g. paper and cardboard).' })
  flows!: Flow[];

  @Field(() => Float)
  distanceToCentroidKm!: number;
}
