import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A WGS-84 position in decimal degrees.' })
export class GeoPoint {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lon!: number;
}
