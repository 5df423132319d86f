import type { AbandonReason, Impacts, SynergyKind, SynergyStatus } from '../../queries-pipeline';

/** Board order: the forward stages, then the abandoned ones. */
export const STATUSES: SynergyStatus[] = ['IDENTIFIED', 'CONTACTED', 'IN_STUDY', 'IMPLEMENTED', 'ABANDONED'];

export const STATUS_LABELS: Record<SynergyStatus, string> = {
  IDENTIFIED: 'Identifiée', CONTACTED: 'Contactée', IN_STUDY: 'En étude', IMPLEMENTED: 'Mise en œuvre', ABANDONED: 'Abandonnée',
};

export const SYNERGY_KIND_LABELS: Record<SynergyKind, string> = { SUBSTITUTION: 'Substitution', MUTUALISATION: 'Mutualisation' };

export const REASON_LABELS: Record<AbandonReason, string> = {
  ECONOMIC: 'Économique (coût, rentabilité)',
  TECHNICAL: 'Technique (qualité, quantité, logistique)',
  REGULATORY: 'Réglementaire (statut de déchet, autorisation)',
  TRUST: 'Confiance entre les acteurs',
  OTHER: 'Autre raison (à préciser)',
};
export const REASONS = Object.keys(REASON_LABELS) as AbandonReason[];

/** The button that moves a card to a status, worded as an action. */
export const MOVE_LABELS: Record<SynergyStatus, string> = {
  IDENTIFIED: 'Rouvrir', CONTACTED: 'Contactée', IN_STUDY: 'En étude', IMPLEMENTED: 'Mise en œuvre', ABANDONED: 'Abandonner…',
};

const DAY = 86_400_000;

/** "depuis 3 jours": how long a synergy has been in its status. */
export function since(iso: string, now = Date.now()): string {
  const days = Math.max(0, Math.floor((now - Date.parse(iso)) / DAY));
  if (days === 0) return 'depuis aujourd’hui';
  if (days < 60) return `depuis ${days} jour${days > 1 ? 's' : ''}`;
  return `depuis ${Math.floor(days / 30)} mois`;
}

export const dateTime = (iso: string): string =>
  new Date(iso).toLocaleString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** The non-zero yearly impacts, as short French phrases. */
export function impactList(i: Impacts): string[] {
  const out: string[] = [];
  if (i.tco2eAvoided) out.push(`${nf.format(Math.abs(i.tco2eAvoided))} t CO₂e ${i.tco2eAvoided > 0 ? 'évitées' : 'émises en plus'} par an`);
  if (i.tonnesDiverted) out.push(`${nf.format(i.tonnesDiverted)} t détournées des déchets par an`);
  if (i.mwhRecovered) out.push(`${nf.format(i.mwhRecovered)} MWh récupérés par an`);
  if (i.transportKm) out.push(`${nf.format(i.transportKm)} km de transport par an`);
  return out;
}
