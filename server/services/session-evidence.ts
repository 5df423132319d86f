import { Db } from '../../graph/database';
import { findFlowCategoriesOfActors, ParticipantRow } from '../../graph/repositories/matchmaking-repository';
import { visibleConfidentialities, Viewer } from '../domain/access/confidentiality';
import { Evidence, PairEvidence, pairKey } from '../domain/matchmaking/pair-scores';
import { SessionTheme } from '../domain/matchmaking/session';
import { formatNumberFr } from '../domain/text/format-fr';
import { ResourceCategoryRecord } from '../domain/taxonomy/taxonomy';
import { ComplementarityService } from './complementarity-service';
import { SynergyService } from './synergy-service';

/**
 * Gathers what the graph says about a session's participants, for their pair scores.
 *
 * Agendas print the reasons for the participants themselves, so the evidence is read as a
 * signed-in member sees the graph: flows kept for facilitators or private still count in the
 * synergy scores (as in every search) but their details never appear in a reason, and they
 * stay out of the theme fit and the complementarities.
 */
export const SESSION_VIEWER: Viewer = { role: 'MEMBER' };

// One perfect answer to a theme need is worth 0.6 of the theme's points; two make it whole.
const THEME_GRADE_PER_NEED = 0.6;
// Sharing a sector or resource family is a hint, not a lead.
const SECTOR_AFFINITY = 0.5;
const FAMILY_AFFINITY = 0.4;

const COMPLEMENTARITY_LABELS: Record<string, string> = {
  ACTIVITY: "complémentarité d'activité",
  TARGET_PUBLIC: 'complémentarité de public',
  MATERIAL: 'flux de matières',
  SKILLS: 'compétences et information',
};

/** A category name inside a sentence: lower-case start, the rest as written ("°C" stays). */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Keeps the strongest evidence per key. */
function keepBest(map: Map<string, Evidence>, key: string, evidence: Evidence): void {
  const current = map.get(key);
  if (!current || evidence.grade > current.grade) map.set(key, evidence);
}

export class SessionEvidenceReader {
  private readonly categories: Map<string, ResourceCategoryRecord>;

  constructor(
    private readonly db: Db,
    private readonly synergies: SynergyService,
    private readonly complementarities: ComplementarityService,
    taxonomy: readonly ResourceCategoryRecord[],
  ) {
    this.categories = new Map(taxonomy.map((c) => [c.code, c]));
  }

  async read(participants: readonly ParticipantRow[], theme: SessionTheme | null): Promise<PairEvidence> {
    const ids = participants.map((p) => p.actorId);
    const name = new Map(participants.map((p) => [p.actorId, p.actorName]));
    const [leads, complementary, flowCategories] = await Promise.all([
      this.synergies.amongActors(ids, SESSION_VIEWER),
      this.complementarities.amongActors(ids, SESSION_VIEWER),
      this.db.read((tx) => findFlowCategoriesOfActors(tx, ids, visibleConfidentialities(SESSION_VIEWER))),
    ]);

    const synergies = new Map<string, Evidence>();
    for (const lead of leads) {
      if (lead.offer.actorId === lead.need.actorId) continue;
      const what = lead.offerHidden ? 'une ressource' : `« ${lowerFirst(lead.offer.categoryName)} »`;
      keepBest(synergies, pairKey(lead.offer.actorId, lead.need.actorId), {
        grade: lead.score,
        reason: `Synergie : ${name.get(lead.offer.actorId)} peut fournir ${what} à ${name.get(lead.need.actorId)} (${formatNumberFr(lead.distanceKm, 1)} km)`,
      });
    }
    const complementarities = new Map<string, Evidence>();
    for (const c of complementary) {
      keepBest(complementarities, pairKey(c.a, c.b), {
        grade: c.score,
        reason: `Complémentarité (${COMPLEMENTARITY_LABELS[c.kind] ?? c.kind}) : ${c.reasons[0] ?? ''}`.trim(),
      });
    }
    return {
      synergies,
      complementarities,
      themeFit: this.themeFit(participants, theme, flowCategories),
      affinities: this.affinities(participants, flowCategories),
    };
  }

  /** Per participant: how well its offers answer the needs the collectivité expressed for the project. */
  private themeFit(
    participants: readonly ParticipantRow[],
    theme: SessionTheme | null,
    flowCategories: Map<string, { offers: string[] }>,
  ): Map<string, Evidence> {
    const fit = new Map<string, Evidence>();
    const needs = theme?.needs.filter((n) => n.categoryCode) ?? [];
    if (!theme || !needs.length) return fit;
    for (const p of participants) {
      const offers = flowCategories.get(p.actorId)?.offers ?? [];
      const answered: string[] = [];
      let total = 0;
      for (const need of needs) {
        const best = Math.max(0, ...offers.map((code) => this.synergies.categoryFit(code, need.categoryCode!)));
        if (best > 0) {
          total += best;
          answered.push(need.label);
        }
      }
      if (total > 0) {
        fit.set(p.actorId, {
          grade: Math.min(1, total * THEME_GRADE_PER_NEED),
          reason: `Projet « ${theme.title} » : ${p.actorName} peut répondre au besoin ${answered.map((l) => `« ${l} »`).join(', ')}`,
        });
      }
    }
    return fit;
  }

  /** Weak hints for pairs the graph knows nothing else about: same sector, or one's offers in the family of the other's needs. */
  private affinities(participants: readonly ParticipantRow[], flowCategories: Map<string, { offers: string[]; needs: string[] }>): Map<string, Evidence> {
    const affinities = new Map<string, Evidence>();
    const familiesOf = (codes: string[] | undefined) => new Set((codes ?? []).map((c) => this.categories.get(c)?.family).filter((f) => f !== undefined) as string[]);
    const offered = new Map(participants.map((p) => [p.actorId, familiesOf(flowCategories.get(p.actorId)?.offers)]));
    const needed = new Map(participants.map((p) => [p.actorId, [...familiesOf(flowCategories.get(p.actorId)?.needs)]]));
    const division = (naf: string | null) => naf?.slice(0, 2) ?? null;
    for (let i = 0; i < participants.length; i += 1) {
      for (let j = i + 1; j < participants.length; j += 1) {
        const [x, y] = [participants[i], participants[j]];
        const key = pairKey(x.actorId, y.actorId);
        if (division(x.nafCode) && division(x.nafCode) === division(y.nafCode)) {
          keepBest(affinities, key, { grade: SECTOR_AFFINITY, reason: `Même secteur d'activité (division NAF ${division(x.nafCode)})` });
        }
        for (const [giver, taker] of [[x, y], [y, x]] as const) {
          const family = needed.get(taker.actorId)!.find((f) => offered.get(giver.actorId)!.has(f));
          if (family) {
            keepBest(affinities, key, {
              grade: FAMILY_AFFINITY,
              reason: `${giver.actorName} offre des ressources de la famille recherchée par ${taker.actorName} (${FAMILY_NAMES[family] ?? family})`,
            });
          }
        }
      }
    }
    return affinities;
  }
}

const FAMILY_NAMES: Record<string, string> = {
  ENERGY: 'énergie', WATER: 'eau', MATERIAL: 'matières', EQUIPMENT: 'équipements', SERVICE: 'services', EXPERTISE: 'expertise', LOGISTICS: 'logistique',
};
