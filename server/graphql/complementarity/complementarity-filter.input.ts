import { IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { ComplementarityKind } from '../../domain/complementarity/reference';
import { GeoPointInput } from '../common/geo-point.input';
import { OptionalText } from '../common/validators';
import { ComplementarityKindEnum } from './complementarity.enums';

@InputType({ description: 'Where to look for complementarities: an actor, a territory or a circle (at least one).' })
export class ComplementarityFilter {
  @Field(() => ID, { nullable: true, description: 'Only pairs involving this actor; alone, it searches around the actor.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: "Both actors lie in this territory (INSEE code, or a custom territory's code)." })
  @OptionalText(1, 100)
  territoryCode?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'With radiusKm: both actors lie within the circle.' })
  @IsOptional()
  @ValidateNested()
  near?: GeoPointInput | null;

  @Field(() => Float, { nullable: true })
  radiusKm?: number | null;

  @Field(() => [ComplementarityKindEnum], { nullable: true, description: 'Only these kinds; all four when absent.' })
  kinds?: ComplementarityKind[] | null;

  @Field(() => Float, { nullable: true, description: '0..1' })
  @IsOptional()
  @Min(0)
  @Max(1)
  minScore?: number | null;
}
