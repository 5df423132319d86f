import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { TerritoryLevel } from '../../domain/model';
import { TerritoryLevelEnum } from '../common/enums';

@ObjectType({ description: 'A commune, EPCI, EPT, département, région, or a custom territory drawn by users.' })
export class Territory {
  @Field({ description: 'Official INSEE/SIREN code, or the chosen code of a custom territory.' })
  code!: string;

  @Field({ description: 'Unique key "LEVEL:code" (région and département codes overlap).' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => TerritoryLevelEnum)
  level!: TerritoryLevel;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'GeoJSON geometry (RFC 7946) of a custom territory.' })
  geometry!: object | null;
}

@ObjectType()
export class TerritoryEdge {
  @Field()
  cursor!: string;

  @Field(() => Territory)
  node!: Territory;
}
