import { registerEnumType } from 'type-graphql';
import { COMPLEMENTARITY_KINDS, ComplementarityKind } from '../../domain/complementarity/reference';

export const ComplementarityKindEnum = Object.fromEntries(COMPLEMENTARITY_KINDS.map((k) => [k, k])) as { [K in ComplementarityKind]: K };

registerEnumType(ComplementarityKindEnum, {
  name: 'ComplementarityKind',
  description: 'ACTIVITY: client, supplier or partner; TARGET_PUBLIC: same trade, different publics; MATERIAL: goods or materials one has and the other takes in; SKILLS: expertise, training, mentoring, board seats.',
});
