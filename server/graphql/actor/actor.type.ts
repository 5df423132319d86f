import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActorKind, Economy, Public } from '../../domain/model';
import { ActorKindEnum, EconomyEnum, PublicEnum } from '../common/enums';
import { GeoPoint } from '../common/geo-point.type';

@ObjectType({ description: 'An organisation of a territory: company, ESS structure, collectivité, ...' })
export class Actor {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "The caller's own id, unique." })
  externalId!: string | null;

  @Field()
  name!: string;

  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => EconomyEnum)
  economy!: Economy;

  @Field(() => String, { nullable: true })
  legalForm!: string | null;

  @Field(() => String, { nullable: true, description: 'NAF rev.2 / NACE code, e.g. "35.11Z".' })
  nafCode!: string | null;

  @Field(() => GeoPoint)
  location!: GeoPoint;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true })
  employees!: number | null;

  @Field(() => String, { nullable: true, description: 'What the actor does, in its own words.' })
  activities!: string | null;

  @Field(() => [PublicEnum])
  publics!: Public[];

  @Field({ description: 'ISO 8601.' })
  createdAt!: string;

  @Field({ description: 'ISO 8601.' })
  updatedAt!: string;
}
