import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../domain/access/viewer';
import { AccountRoleEnum } from './account-role.enum';

@InputType({ description: 'Who to invite, and what the account will be.' })
export class InviteUserInput {
  @Field()
  email!: string;

  @Field(() => AccountRoleEnum, { description: 'Facilitators may only invite MEMBER accounts.' })
  role!: Role;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Actors the account represents: at least one for a MEMBER (for a facilitator, actors of their territories).' })
  actorIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Territories a FACILITATOR account animates (at least one): INSEE codes ("94", "200054781") or keys ("DEPARTEMENT:94").',
  })
  territoryCodes?: string[] | null;
}
