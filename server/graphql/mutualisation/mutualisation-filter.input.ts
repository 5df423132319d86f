import { IsInt, IsOptional, IsPositive, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { FlowDirection, ResourceFamilyName } from '../../domain/model';
import { FlowDirectionEnum, ResourceFamilyEnum } from '../common/enums';
import { GeoPointInput } from '../common/geo-point.input';
import { OptionalText } from '../common/validators';

@InputType({ description: 'Where to look for mutualisation groups: a circle, a territory or an actor (at least one), and which groups.' })
export class MutualisationFilter {
  @Field(() => GeoPointInput, { nullable: true, description: 'With radiusKm: every member of a group lies within the circle.' })
  @IsOptional()
  @ValidateNested()
  near?: GeoPointInput | null;

  @Field(() => Float, { nullable: true })
  radiusKm?: number | null;

  @Field(() => String, { nullable: true, description: "Every member lies in this territory (INSEE code, or a custom territory's code)." })
  @OptionalText(1, 100)
  territoryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only groups this actor belongs to. Alone, it searches around the actor (8 neighbour distances).' })
  actorId?: string | null;

  @Field(() => [ResourceFamilyEnum], { nullable: true, description: 'Only resources of these families.' })
  families?: ResourceFamilyName[] | null;

  @Field(() => FlowDirectionEnum, { nullable: true, description: 'NEED: groups of actors needing the same resource; OFFER: groups offering it (e.g. producers of the same waste, for a pooled collection). Default: both; each group has one direction.' })
  direction?: FlowDirection | null;

  @Field(() => Int, { nullable: true, description: 'Smallest group, in actors: 3 (the default) to 100.' })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(100)
  minMembers?: number | null;

  @Field(() => Float, { nullable: true, description: 'DBSCAN neighbour distance in km for every resource (at most 20). Default: per family and category, documented in seeds/reference/mutualisation.json (1.5 km for waste collection, 3 km for training...).' })
  @IsOptional()
  @IsPositive({ message: 'must be a positive number of km' })
  @Max(20)
  clusterDistanceKm?: number | null;

  @Field(() => Float, { nullable: true, description: '0..1' })
  @IsOptional()
  @Min(0)
  @Max(1)
  minScore?: number | null;
}
