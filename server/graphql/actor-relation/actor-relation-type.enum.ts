import { registerEnumType } from 'type-graphql';
import { ACTOR_RELATION_LABELS, ACTOR_RELATION_TYPES, ActorRelationType } from '../../domain/relations/actor-relation';

export const ActorRelationTypeEnum = Object.fromEntries(ACTOR_RELATION_TYPES.map((t) => [t, t])) as { [K in ActorRelationType]: K };

registerEnumType(ActorRelationTypeEnum, {
  name: 'ActorRelationType',
  description: 'A known relation between two actors, read "from <type> to"; the French wording for display is in quotes.',
  valuesConfig: {
    SUPPLIES: { description: `from supplies to (« ${ACTOR_RELATION_LABELS.SUPPLIES} »).` },
    CLIENT_OF: { description: `from is a client of to (« ${ACTOR_RELATION_LABELS.CLIENT_OF} »).` },
    COOPERATES_WITH: {
      description: `from and to cooperate (« ${ACTOR_RELATION_LABELS.COOPERATES_WITH} »); the same both ways: recording (b, a) updates (a, b).`,
    },
    BOARD_MEMBER_OF: { description: `someone of from sits on the board of to (« ${ACTOR_RELATION_LABELS.BOARD_MEMBER_OF} »).` },
  },
});
