import { ArrayMaxSize, ArrayMinSize, ArrayUnique, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SynergyKind } from '../../domain/synergy/pipeline';
import { OptionalText } from '../common/validators';
import { SynergyKindEnum } from './pipeline.enums';

// A mutualisation of more than a hundred flows is a programme, not a synergy.
const MAX_FLOWS = 100;

@InputType({ description: 'A lead to track: its kind and the flows involved.' })
export class TrackSynergyInput {
  @Field(() => SynergyKindEnum)
  kind!: SynergyKind;

  @Field(() => [ID], { description: 'SUBSTITUTION: exactly one OFFER and one NEED flow of two different actors; MUTUALISATION: at least 3 flows of at least 3 actors.' })
  @ArrayMinSize(2, { message: 'give at least 2 flows (one OFFER and one NEED for a SUBSTITUTION, 3 or more for a MUTUALISATION)' })
  @ArrayMaxSize(MAX_FLOWS, { message: `give at most ${MAX_FLOWS} flows` })
  @ArrayUnique({ message: 'each flow may be given once' })
  @Length(1, 100, { each: true, message: 'each flow id must have 1 to 100 characters' })
  flowIds!: string[];

  @Field(() => String, { nullable: true, description: "Default: the actors' names." })
  @OptionalText(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Kept with the first event of the history.' })
  @OptionalText(1, 2000)
  comment?: string | null;
}
