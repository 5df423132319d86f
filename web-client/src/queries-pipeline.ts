/** The GraphQL operations of the synergy pipeline (plain strings: the tests check them against schema.graphql). */

export type SynergyKind = 'SUBSTITUTION' | 'MUTUALISATION';
export type SynergyStatus = 'IDENTIFIED' | 'CONTACTED' | 'IN_STUDY' | 'IMPLEMENTED' | 'ABANDONED';
export type AbandonReason = 'ECONOMIC' | 'TECHNICAL' | 'REGULATORY' | 'TRUST' | 'OTHER';

export interface Impacts { tco2eAvoided: number; tonnesDiverted: number; mwhRecovered: number; transportKm: number }
export interface SynergyCard {
  id: string;
  title: string;
  kind: SynergyKind;
  status: SynergyStatus;
  createdAt: string;
  statusChangedAt: string;
  abandonReason: AbandonReason | null;
  nextStatuses: SynergyStatus[];
  actors: { id: string; name: string }[];
  impacts: Impacts | null;
}
export interface ColumnPage { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: SynergyCard[] }
export interface SynergyEvent {
  seq: number; at: string; by: string; fromStatus: SynergyStatus | null; toStatus: SynergyStatus; reason: AbandonReason | null; comment: string | null;
}
export interface SynergyDetail extends Omit<SynergyCard, 'actors' | 'impacts'> {
  createdBy: string;
  /** Kind and economy as in api.ts (ActorKind, Economy): this file stays free of imports so the tests can load it. */
  actors: { id: string; name: string; kind: string; economy: string }[];
  flows: {
    id: string; direction: 'OFFER' | 'NEED'; description: string; quantity: number | null; unit: string | null;
    category: { name: string } | null; actor: { id: string; name: string };
  }[];
  impacts: (Impacts & { assumptions: string[] }) | null;
  history: SynergyEvent[];
}

const IMPACTS = 'tco2eAvoided tonnesDiverted mwhRecovered transportKm';
const CARD = `id title kind status createdAt statusChangedAt abandonReason nextStatuses actors { id name } impacts { ${IMPACTS} }`;
const PAGE = `totalCount pageInfo { hasNextPage endCursor } nodes { ${CARD} }`;
const column = (status: SynergyStatus) =>
  `${status}: trackedSynergies(filter: { kind: $kind, territoryCode: $territoryCode, status: ${status} }, first: $first) { ${PAGE} }`;

/** Every column of the board in one request, each with its own count and cursor. */
export const BOARD_QUERY = `query PipelineBoard($kind: SynergyKind, $territoryCode: String, $first: Int) {
  ${(['IDENTIFIED', 'CONTACTED', 'IN_STUDY', 'IMPLEMENTED', 'ABANDONED'] as const).map(column).join('\n  ')}
}`;

/** The next page of one column ("Afficher plus"). */
export const COLUMN_QUERY = `query PipelineColumn($filter: TrackedSynergyFilter!, $first: Int, $after: String) {
  trackedSynergies(filter: $filter, first: $first, after: $after) { ${PAGE} }
}`;

export const SYNERGY_DETAIL_QUERY = `query TrackedSynergy($id: ID!) {
  synergy(id: $id) {
    id title kind status createdAt createdBy statusChangedAt abandonReason nextStatuses
    actors { id name kind economy }
    flows { id direction description quantity unit category { name } actor { id name } }
    impacts { ${IMPACTS} assumptions }
    history { seq at by fromStatus toStatus reason comment }
  }
}`;

export const TRACK_SYNERGY_MUTATION = `mutation TrackSynergy($input: TrackSynergyInput!) {
  trackSynergy(input: $input) { id title status }
}`;

export const MOVE_SYNERGY_MUTATION = `mutation MoveSynergy($id: ID!, $input: MoveSynergyInput!) {
  moveSynergy(id: $id, input: $input) { ${CARD} }
}`;
