import { registerEnumType } from 'type-graphql';
import {
  ACTOR_KINDS, CONFIDENTIALITIES, ECONOMIES, FLOW_DIRECTIONS, PUBLICS, RESOURCE_FAMILIES, TERRITORY_LEVELS,
} from '../../domain/model';

/** Builds the `{ A: 'A', ... }` object type-graphql registers as a GraphQL enum. */
function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ActorKindEnum = enumObject(ACTOR_KINDS);
export const EconomyEnum = enumObject(ECONOMIES);
export const PublicEnum = enumObject(PUBLICS);
export const FlowDirectionEnum = enumObject(FLOW_DIRECTIONS);
export const ResourceFamilyEnum = enumObject(RESOURCE_FAMILIES);
export const ConfidentialityEnum = enumObject(CONFIDENTIALITIES);
export const TerritoryLevelEnum = enumObject(TERRITORY_LEVELS);

registerEnumType(ActorKindEnum, { name: 'ActorKind', description: 'What kind of organisation an actor is.' });
registerEnumType(EconomyEnum, { name: 'Economy', description: 'Classic economy, social and solidarity economy (ESS) or public sector.' });
registerEnumType(PublicEnum, { name: 'Public', description: 'Whom an actor serves.' });
registerEnumType(FlowDirectionEnum, { name: 'FlowDirection', description: 'OFFER: a surplus, by-product or capacity the actor has; NEED: an input it looks for.' });
registerEnumType(ResourceFamilyEnum, { name: 'ResourceFamily', description: 'The seven families of the resource taxonomy.' });
registerEnumType(ConfidentialityEnum, { name: 'Confidentiality', description: 'Who may see a flow.' });
registerEnumType(TerritoryLevelEnum, { name: 'TerritoryLevel', description: 'Level of a territory in the French administrative hierarchy, or CUSTOM.' });
