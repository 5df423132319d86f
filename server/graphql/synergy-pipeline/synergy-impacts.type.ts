import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Estimated yearly impacts of a synergy: orders of magnitude from the factors of seeds/reference/emission-factors.json, with their assumptions.' })
export class SynergyImpacts {
  @Field(() => Float, { description: 'Tonnes per year diverted from waste.' })
  tonnesDiverted!: number;

  @Field(() => Float, { description: 'MWh per year of energy recovered.' })
  mwhRecovered!: number;

  @Field(() => Float, { description: 'tCO2e per year avoided, net of road transport emissions (negative when transport emits more).' })
  tco2eAvoided!: number;

  @Field(() => Float, { description: 'Loaded truck km per year: straight-line distance × trips (quantity / payload, rounded up).' })
  transportKm!: number;

  @Field(() => [String], { description: 'How the figures were obtained, one assumption per line (French).' })
  assumptions!: string[];
}
