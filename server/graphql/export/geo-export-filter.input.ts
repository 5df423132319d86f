import { ArrayMaxSize, IsInt, IsOptional, IsPositive, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { GeoLayer } from '../../domain/geo/geojson';
import { MAX_RADIUS_KM } from '../../services/actor-service';
import { DEFAULT_EXPORT_SYNERGIES } from '../../services/export-service';
import { MAX_SYNERGY_COUNT } from '../../services/synergy-service';
import { GeoPointInput } from '../common/geo-point.input';
import { OptionalText } from '../common/validators';
import { GeoLayerEnum } from './geo-layer.enum';

@InputType({ description: 'What to export as GeoJSON: a territory or a circle, and which layers.' })
export class GeoExportFilter {
  @Field(() => String, { nullable: true, description: "A territory and everything inside it (INSEE code, \"REGION:11\", or a custom territory's code). Or else give near and radiusKm." })
  @OptionalText(1, 100)
  territoryCode?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Centre of the circle, with radiusKm.' })
  @IsOptional()
  @ValidateNested()
  near?: GeoPointInput | null;

  @Field(() => Float, { nullable: true, description: `Radius of the circle in km, at most ${MAX_RADIUS_KM}.` })
  @IsOptional()
  @IsPositive({ message: 'must be greater than 0' })
  @Max(MAX_RADIUS_KM)
  radiusKm?: number | null;

  @Field(() => [GeoLayerEnum], { nullable: true, description: 'Layers to write; all of them when absent.' })
  @IsOptional()
  @ArrayMaxSize(4)
  layers?: GeoLayer[] | null;

  @Field(() => Int, { nullable: true, description: `How many substitution candidates, best first: default ${DEFAULT_EXPORT_SYNERGIES}, at most ${MAX_SYNERGY_COUNT}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SYNERGY_COUNT)
  synergies?: number | null;
}
