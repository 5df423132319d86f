import type { ActorKind, Economy, Family } from './api';

export const KIND_LABELS: Record<ActorKind, string> = {
  COMPANY: 'Entreprise',
  ESS_STRUCTURE: 'Structure de l’ESS',
  LOCAL_AUTHORITY: 'Collectivité',
  RESEARCH_EDUCATION: 'Recherche, formation',
  SUPPORT_NETWORK: 'Réseau d’accompagnement',
  CITIZEN_GROUP: 'Collectif citoyen',
};
/** One letter drawn in the marker, so the kind does not depend on colour alone. */
export const KIND_LETTERS: Record<ActorKind, string> = {
  COMPANY: 'E', ESS_STRUCTURE: 'S', LOCAL_AUTHORITY: 'C', RESEARCH_EDUCATION: 'R', SUPPORT_NETWORK: 'A', CITIZEN_GROUP: 'G',
};
export const ECONOMY_LABELS: Record<Economy, string> = { ESS: 'ESS', CLASSIC: 'Classique', PUBLIC: 'Public' };
export const FAMILY_LABELS: Record<Family, string> = {
  ENERGY: 'Énergie', MATERIAL: 'Matières', WATER: 'Eau', EQUIPMENT: 'Équipements', LOGISTICS: 'Logistique', SERVICE: 'Services', EXPERTISE: 'Compétences',
};
export const COMPLEMENTARITY_LABELS: Record<string, string> = {
  ACTIVITY: 'Activité (client, fournisseur, partenaire)', TARGET_PUBLIC: 'Publics complémentaires', MATERIAL: 'Matières', SKILLS: 'Compétences',
};

const nf1 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
export const km = (d: number): string => `${d < 10 ? nf1.format(d) : nf0.format(d)} km`;
export const score = (s: number): string => `${nf0.format(s * 100)} / 100`;
export const quantity = (q: number | null, unit: string | null): string =>
  q == null ? '' : `${nf1.format(q)}${unit ? ` ${unit.replace('/yr', '/an')}` : ''}`;
