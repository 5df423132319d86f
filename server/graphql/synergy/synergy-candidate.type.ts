import { Field, Float, ObjectType } from 'type-graphql';
import { Flow } from '../flow/flow.type';
import { SynergyEconomics } from './synergy-economics.type';

@ObjectType({ description: 'How each factor scored, 0..1.' })
export class SynergyFactors {
  @Field(() => Float, { description: 'Category compatibility: same, broader/narrower, or a documented outlet.' })
  category!: number;

  @Field(() => Float, { description: 'Quality fit (temperature for heat).' })
  quality!: number;

  @Field(() => Float, { description: 'How much of the need the offer covers.' })
  quantity!: number;

  @Field(() => Float, { description: 'Overlap of the months of availability.' })
  time!: number;

  @Field(() => Float, { description: 'Decreases with distance up to the maximum for the resource.' })
  distance!: number;
}

@ObjectType({ description: "An OFFER flow of one actor that could meet a NEED flow of another: a lead for a facilitator to qualify." })
export class SynergyCandidate {
  @Field(() => Flow)
  offer!: Flow;

  @Field(() => Flow)
  need!: Flow;

  @Field(() => Float, { description: '0..1, higher is better.' })
  score!: number;

  @Field(() => Float)
  distanceKm!: number;

  @Field(() => [String], { description: 'Human-readable explanation, one reason per line (French).' })
  reasons!: string[];

  @Field(() => SynergyFactors)
  factors!: SynergyFactors;

  @Field(() => SynergyEconomics, { nullable: true, description: 'Null when the resource has no price model, quantities are missing or not comparable, or a flow is confidential to the viewer.' })
  economics!: SynergyEconomics | null;
}
