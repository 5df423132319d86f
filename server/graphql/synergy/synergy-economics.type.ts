import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A range in euros per year: estimates from default prices, never exact figures.' })
export class MoneyRange {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;
}

@ObjectType({ description: 'Yearly economics of an exchange at the documented default prices (seeds/reference/unit-prices.json).' })
export class SynergyEconomics {
  @Field(() => Float, { description: 'Quantity exchanged per year: the smaller of offer and need.' })
  quantity!: number;

  @Field({ description: 'Unit of the quantity: "t", "MWh", "m3", "units".' })
  unit!: string;

  @Field(() => MoneyRange)
  transportCost!: MoneyRange;

  @Field(() => MoneyRange, { description: "The supplier's avoided disposal cost." })
  avoidedDisposalCost!: MoneyRange;

  @Field(() => MoneyRange, { description: "The receiver's avoided purchase cost." })
  avoidedPurchaseCost!: MoneyRange;

  @Field(() => MoneyRange, { description: 'Savings minus transport; min pairs the lowest savings with the highest cost.' })
  netGain!: MoneyRange;

  @Field({ description: 'Always "EUR".' })
  currency!: string;
}
