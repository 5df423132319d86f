import { IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { ResourceFamilyName } from '../../domain/model';
import { ResourceFamilyEnum } from '../common/enums';
import { GeoPointInput } from '../common/geo-point.input';
import { OptionalText } from '../common/validators';

@InputType({ description: 'Where to look for synergies: a circle, a territory or an actor (at least one).' })
export class SynergyFilter {
  @Field(() => GeoPointInput, { nullable: true, description: 'With radiusKm: both actors of the synergy lie within the circle.' })
  @IsOptional()
  @ValidateNested()
  near?: GeoPointInput | null;

  @Field(() => Float, { nullable: true })
  radiusKm?: number | null;

  @Field(() => String, { nullable: true, description: "Both actors lie in this territory (INSEE code, or a custom territory's code)." })
  @OptionalText(1, 100)
  territoryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only synergies involving this actor (its offers and its needs).' })
  actorId?: string | null;

  @Field(() => [ResourceFamilyEnum], { nullable: true, description: 'Only resources of these families (of the offer).' })
  families?: ResourceFamilyName[] | null;

  @Field(() => Float, { nullable: true, description: '0..1' })
  @IsOptional()
  @Min(0)
  @Max(1)
  minScore?: number | null;
}
