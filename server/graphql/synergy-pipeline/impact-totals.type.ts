import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Estimated yearly impacts of several synergies, added up.' })
export class ImpactTotals {
  @Field(() => Int)
  synergyCount!: number;

  @Field(() => Float)
  tonnesDiverted!: number;

  @Field(() => Float)
  mwhRecovered!: number;

  @Field(() => Float)
  tco2eAvoided!: number;

  @Field(() => Float)
  transportKm!: number;
}
