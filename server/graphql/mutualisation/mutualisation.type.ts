import { Field, Float, ObjectType } from 'type-graphql';
import { FlowDirection } from '../../domain/model';
import { MutualisationKind } from '../../domain/synergy/mutualisation';
import { ResourceCategory } from '../category/resource-category.type';
import { FlowDirectionEnum } from '../common/enums';
import { GeoPoint } from '../common/geo-point.type';
import { MutualisationFactors } from './mutualisation-factors.type';
import { MutualisationKindEnum } from './mutualisation-kind.enum';
import { MutualisationMember } from './mutualisation-member.type';

@ObjectType({ description: 'Actors close to each other that share a need (or an offer) of the same resource and could pool it: a lead for a facilitator.' })
export class Mutualisation {
  @Field(() => MutualisationKindEnum)
  kind!: MutualisationKind;

  @Field(() => FlowDirectionEnum, { description: 'Whether the members share a NEED or an OFFER.' })
  direction!: FlowDirection;

  @Field(() => ResourceCategory, { description: "The members' common category, or the parent category that gathers theirs (paper and cardboard)." })
  category!: ResourceCategory;

  @Field(() => [MutualisationMember], { description: 'Nearest to the centroid first.' })
  members!: MutualisationMember[];

  @Field(() => GeoPoint, { description: "Mean of the members' positions." })
  centroid!: GeoPoint;

  @Field(() => Float, { description: 'Largest distance from the centroid to a member, km.' })
  extentKm!: number;

  @Field(() => Float, { description: 'Largest distance between two members, km.' })
  spanKm!: number;

  @Field(() => Float, { description: 'The DBSCAN neighbour distance that produced the group, km: the default of the resource or the asked one, shorter when a wider chain of actors had to be split (a group is at most 1.5 neighbour distances in radius).' })
  clusterDistanceKm!: number;

  @Field(() => Float, { nullable: true, description: "Summed quantity of the flows the viewer may see, when their units are comparable (normalised, e.g. kg/month → t/yr); null otherwise, the reasons say why. Confidential volumes are left out, so they cannot be deduced by subtraction." })
  totalQuantity!: number | null;

  @Field(() => String, { nullable: true, description: 'Unit of totalQuantity: "t/yr", "MWh/yr", "trips/yr", ...' })
  unit!: string | null;

  @Field(() => Float, { description: '0..1, higher is better: more members, tighter, bigger summed quantity.' })
  score!: number;

  @Field(() => MutualisationFactors)
  factors!: MutualisationFactors;

  @Field(() => [String], { description: 'Human-readable explanation, one reason per line (French).' })
  reasons!: string[];
}
