import { Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'A WGS-84 position in decimal degrees.' })
export class GeoPointInput {
  @Field(() => Float)
  @Min(-90, { message: 'latitude must be between -90 and 90' })
  @Max(90, { message: 'latitude must be between -90 and 90' })
  lat!: number;

  @Field(() => Float)
  @Min(-180, { message: 'longitude must be between -180 and 180' })
  @Max(180, { message: 'longitude must be between -180 and 180' })
  lon!: number;
}
