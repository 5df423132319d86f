import { registerEnumType } from 'type-graphql';
import { ROLES } from '../../domain/access/viewer';

export const AccountRoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in (typeof ROLES)[number]]: K };

registerEnumType(AccountRoleEnum, {
  name: 'AccountRole',
  description: 'What an account may do. ADMIN: everything, account administration included. FACILITATOR: animates the territories it is scoped to '
    + '(invites and resets members there). MEMBER: represents one or more actors. A caller without a token is an anonymous visitor.',
});
