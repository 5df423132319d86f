import { Field, Float, ObjectType } from 'type-graphql';
import { ResourceFamilyName } from '../../domain/model';
import { ResourceFamilyEnum } from '../common/enums';

@ObjectType({ description: 'A category of the resource taxonomy.' })
export class ResourceCategory {
  @Field({ description: 'Stable dotted code, e.g. "energy.waste-heat.low-temperature".' })
  code!: string;

  @Field({ description: 'Name in French (the language of the UI).' })
  name!: string;

  @Field()
  nameFr!: string;

  @Field()
  nameEn!: string;

  @Field(() => ResourceFamilyEnum)
  family!: ResourceFamilyName;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field(() => String, { nullable: true, description: 'European List of Waste (EWC) code, "NN NN NN", when one applies.' })
  ewcCode!: string | null;

  @Field(() => [String], { description: 'Typical units.' })
  units!: string[];

  @Field(() => [String], { description: 'Trade words that designate it.' })
  synonyms!: string[];
}

@ObjectType()
export class CategorySuggestion {
  @Field(() => ResourceCategory)
  category!: ResourceCategory;

  @Field(() => Float, { description: '0..1' })
  confidence!: number;
}
