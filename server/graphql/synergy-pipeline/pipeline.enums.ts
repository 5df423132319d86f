import { registerEnumType } from 'type-graphql';
import { ABANDON_REASONS, SYNERGY_KINDS, SYNERGY_STATUSES } from '../../domain/synergy/pipeline';

// Registered here rather than in common/enums.ts: the pipeline's values live in its domain module.
function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const SynergyKindEnum = enumObject(SYNERGY_KINDS);
export const SynergyStatusEnum = enumObject(SYNERGY_STATUSES);
export const AbandonReasonEnum = enumObject(ABANDON_REASONS);

registerEnumType(SynergyKindEnum, {
  name: 'SynergyKind',
  description: "SUBSTITUTION: one actor's output becomes another's input; MUTUALISATION: at least three actors pool a need or an offer.",
});
registerEnumType(SynergyStatusEnum, {
  name: 'SynergyStatus',
  description: 'Stage of a tracked synergy: IDENTIFIED → CONTACTED → IN_STUDY → IMPLEMENTED, or ABANDONED (with a reason; can be reopened to IDENTIFIED).',
});
registerEnumType(AbandonReasonEnum, { name: 'AbandonReason', description: 'Why a synergy was abandoned.' });
