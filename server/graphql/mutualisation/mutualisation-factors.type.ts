import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How each factor of a mutualisation group scored, 0..1. Score = weight × homogeneity × (0.4 size + 0.35 tightness + 0.25 volume).' })
export class MutualisationFactors {
  @Field(() => Float, { description: 'More members, higher: 0.29 for 3, 0.5 for 4, 0.75 for 6.' })
  size!: number;

  @Field(() => Float, { description: "1 when members share a spot, 0.5 when their mean distance to the centre equals the resource's default neighbour distance." })
  tightness!: number;

  @Field(() => Float, { description: "Summed quantity against the unit's reference volume (0.5 at the reference); 0.3 when not known or not additive." })
  volume!: number;

  @Field(() => Float, { description: '1 for one category, 0.85 for neighbouring categories under one parent.' })
  homogeneity!: number;

  @Field(() => Float, { description: 'From the kind of pooling: 1 for pools of users or of waste producers, 0.85 for pools of providers of the same offer (seeds/reference/mutualisation.json).' })
  weight!: number;
}
