import { registerEnumType } from 'type-graphql';
import { ParticipantSide, SessionMode, WishKind } from '../../domain/matchmaking/planning-problem';

export const SessionModeEnum: { [K in SessionMode]: K } = { BIPARTITE: 'BIPARTITE', OPEN: 'OPEN' };
export const ParticipantSideEnum: { [K in ParticipantSide]: K } = { PITCHER: 'PITCHER', HOST: 'HOST' };
export const WishKindEnum: { [K in WishKind]: K } = { MUTUAL: 'MUTUAL', ONE_SIDED: 'ONE_SIDED' };

registerEnumType(SessionModeEnum, {
  name: 'SessionMode',
  description: 'Who meets whom in a speed-meeting session.',
  valuesConfig: {
    BIPARTITE: { description: 'Every meeting pairs a PITCHER with a HOST (the ecoCIRC format: companies pitch to collectivités).' },
    OPEN: { description: 'Any two participants may meet.' },
  },
});

registerEnumType(ParticipantSideEnum, {
  name: 'ParticipantSide',
  description: 'A participant\'s role in a BIPARTITE session.',
  valuesConfig: {
    PITCHER: { description: 'Presents (e.g. an innovative local company), moves from table to table.' },
    HOST: { description: 'Receives at a table (e.g. a collectivité with a public project).' },
  },
});

registerEnumType(WishKindEnum, {
  name: 'WishKind',
  description: 'Whether a pair was wished by both participants or by one.',
});
