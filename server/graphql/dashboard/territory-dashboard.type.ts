import { Field, Int, ObjectType } from 'type-graphql';
import { ImpactTotals } from '../synergy-pipeline/impact-totals.type';
import { Territory } from '../territory/territory.type';
import { ActorKindCount, EconomyCount, FamilyFlowCount, SynergyStatusCount } from './dashboard-counts.type';

@ObjectType({ description: 'Key figures of a territory, for the actors located in it. Every enum value is listed, with 0 where there is none.' })
export class TerritoryDashboard {
  @Field(() => Territory)
  territory!: Territory;

  @Field(() => Int)
  actorCount!: number;

  @Field(() => [ActorKindCount])
  actorsByKind!: ActorKindCount[];

  @Field(() => [EconomyCount])
  actorsByEconomy!: EconomyCount[];

  @Field(() => Int, { description: 'Offers and needs of its actors, whatever their confidentiality (a count names no one).' })
  flowCount!: number;

  @Field(() => [FamilyFlowCount], { description: 'Seven families, then flows without a category when there are any.' })
  flowsByFamily!: FamilyFlowCount[];

  @Field(() => Int, { description: 'Tracked synergies involving at least one of its actors (a synergy across a border counts in both territories).' })
  synergyCount!: number;

  @Field(() => [SynergyStatusCount])
  synergiesByStatus!: SynergyStatusCount[];

  @Field(() => ImpactTotals, { description: 'Summed estimated yearly impacts of the IMPLEMENTED synergies: what was achieved.' })
  implementedImpacts!: ImpactTotals;

  @Field(() => ImpactTotals, { description: 'Summed estimated yearly impacts of the IN_STUDY synergies: what is within reach.' })
  inStudyImpacts!: ImpactTotals;
}
