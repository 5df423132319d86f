import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { TerritoryLevel } from '../../domain/model';
import { TerritoryLevelEnum } from '../common/enums';
import { OptionalText } from '../common/validators';

@InputType()
export class CreateTerritoryInput {
  @Field({ description: 'Your code for it, e.g. "gt-zone-orly-rungis".' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/, { message: 'must be 2-64 letters, digits, "-", "_" or "."' })
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => GraphQLJSONObject, { description: 'GeoJSON Polygon or MultiPolygon, [longitude, latitude] order.' })
  geometry!: object;
}

@InputType()
export class TerritoryFilter {
  @Field(() => TerritoryLevelEnum, { nullable: true })
  level?: TerritoryLevel | null;

  @Field(() => String, { nullable: true, description: 'Only territories inside this one (e.g. the communes of "94").' })
  @OptionalText(1, 100)
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (accents ignored).' })
  @OptionalText(1, 200)
  name?: string | null;
}
