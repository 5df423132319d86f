import { registerEnumType } from 'type-graphql';
import { MUTUALISATION_KINDS, MutualisationKind } from '../../domain/synergy/mutualisation';

export const MutualisationKindEnum = Object.fromEntries(MUTUALISATION_KINDS.map((k) => [k, k])) as { [K in MutualisationKind]: K };

registerEnumType(MutualisationKindEnum, {
  name: 'MutualisationKind',
  description: 'What a group could do together, derived from its category and direction (seeds/reference/mutualisation.json, "kinds").',
  valuesConfig: {
    SHARED_COLLECTION: { description: 'One collection round for the waste or by-products of several neighbours, or for their collection needs.' },
    JOINT_PURCHASING: { description: 'A grouped order or contract: the same input, energy, water or service needed by neighbours.' },
    SHARED_EQUIPMENT: { description: 'Premises, machines, vehicles or storage shared, bought or rented together.' },
    SHARED_LOGISTICS: { description: 'Pooled deliveries, shared trips, shared warehousing.' },
    SHARED_SKILLS: { description: 'Shared training sessions, skills or staff.' },
    OTHER: { description: 'Neighbours offering the same energy, water or service: a joint project to study case by case.' },
  },
});
