import { distanceKm } from '../geo/geo';
import { ActorRelationType } from '../relations/actor-relation';
import { formatNumberFr } from '../text/format-fr';
import { RelationTable } from '../synergy/category-relations';
import { categoryScore } from '../synergy/substitution';
import { ComplementarityKind, ComplementarityRules, nafMatches, Trade, ValueChainLink } from './reference';
import { ComplementarityActor, RecognisedTrade, TradeRecogniser } from './trades';

/**
 * Complementarities between ESS (or public) actors and classic-economy actors (seed 001, "Les
 * différents types de coopérations"): four kinds of rules, each a set of evidence with a grade
 * and a French reason, combined per pair and kind, weighed by distance, best first. Pure: the
 * caller reads the actors, their visible flows and their known relations.
 *
 * Pairs are generated through shared keys (a trade, a category, a NAF prefix of the value
 * chain), never by comparing every actor with every other, so a territory of thousands of
 * actors costs what its related pairs cost.
 */

/** A relation already recorded between two actors (SUPPLIES, CLIENT_OF, COOPERATES_WITH, BOARD_MEMBER_OF). */
export interface KnownRelation {
  fromActorId: string;
  toActorId: string;
  type: ActorRelationType;
}

/** One complementarity: `a` is the ESS or public actor, `b` the classic one. */
export interface ComplementarityResult {
  kind: ComplementarityKind;
  a: string;
  b: string;
  score: number;
  distanceKm: number;
  competition: boolean;
  reasons: string[];
  /** Types of the relations already recorded between the two. */
  existingRelations: ActorRelationType[];
}

/** What the engine knows beyond the actors, built once. */
export interface ComplementarityKnowledge {
  rules: ComplementarityRules;
  recogniser: TradeRecogniser;
  valueChain: readonly ValueChainLink[];
  /** Offer category → need categories it may serve (the synergy engine's table). */
  relations: RelationTable;
  categories: ReadonlyMap<string, { nameFr: string; family: string; parent: string | null }>;
}

export interface ComplementarityOptions {
  kinds: readonly ComplementarityKind[] | null;
  /** Only pairs involving this actor. */
  involves: string | null;
  minScore: number;
  limit: number;
}

// A recorded relation already covers these kinds: they are not suggested again for the pair.
const COVERED_KINDS: Record<ActorRelationType, readonly ComplementarityKind[]> = {
  SUPPLIES: ['ACTIVITY', 'MATERIAL'],
  CLIENT_OF: ['ACTIVITY', 'MATERIAL'],
  COOPERATES_WITH: ['ACTIVITY', 'TARGET_PUBLIC', 'MATERIAL', 'SKILLS'],
  BOARD_MEMBER_OF: ['SKILLS'],
};

const RELATION_LABELS: Record<ActorRelationType, string> = {
  SUPPLIES: 'fournisseur', CLIENT_OF: 'client', COOPERATES_WITH: 'coopération', BOARD_MEMBER_OF: "conseil d'administration",
};

// Whom an actor serves, after "s'adresse" (with the French contraction of "à").
const PUBLIC_LABELS: Record<string, string> = {
  GENERAL_PUBLIC: 'au grand public', COMPANIES: 'aux entreprises', LOCAL_AUTHORITIES: 'aux collectivités',
  PEOPLE_IN_INSERTION: 'aux personnes en insertion', PEOPLE_IN_PRECARITY: 'aux personnes en précarité',
  YOUNG_PEOPLE: 'aux jeunes', SENIORS: 'aux seniors', DISABLED_PEOPLE: 'aux personnes handicapées',
};

const ACTIVITY_FAMILIES = new Set(['SERVICE', 'LOGISTICS', 'EQUIPMENT']);
// Without a specific exchange in the trades file, what each side typically brings.
const DEFAULT_EXCHANGE = {
  essBrings: "La structure de l'ESS oriente vers l'entreprise les clients qu'elle ne sert pas et peut lui proposer des personnes formées en insertion.",
  classicBrings: "L'entreprise peut apporter son expertise du métier, des fournitures ou du matériel déclassé, et orienter vers la structure les clients qu'elle ne sert pas.",
};

interface Evidence {
  grade: number;
  reason: string;
  /** Pieces of evidence on one topic (one need, one surplus, one trade pair) count once: the strongest. */
  topic?: string;
}

interface Profile {
  actor: ComplementarityActor;
  /** Every trade recognised: what it provides and takes in. */
  trades: RecognisedTrade[];
  /**
   * The trades that say what the actor is, for "same trade" rules: those of its NAF code when
   * it has one, else those of its words ("nous livrons les restaurants" does not make a
   * wholesaler a restaurant).
   */
  primary: RecognisedTrade[];
  /** Own NAF code and the NAF prefixes of the trades recognised from its words. */
  nafCodes: string[];
}

const quote = (a: ComplementarityActor) => `« ${a.name} »`;
const km = (d: number) => `${formatNumberFr(d, d < 10 ? 1 : 0)} km`;

/** The evidence gathered for one pair and one kind. */
interface PairEntry {
  kind: ComplementarityKind;
  a: Profile;
  b: Profile;
  distanceKm: number;
  items: Evidence[];
}

/** Evidence by pair and kind, each pair in canonical order: ESS or public first, classic second. */
class PairBook {
  private readonly entries = new Map<string, PairEntry>();

  constructor(private readonly rules: ComplementarityRules, private readonly options: ComplementarityOptions) {}

  add(kind: ComplementarityKind, x: Profile, y: Profile, item: Evidence): void {
    const { options } = this;
    if ((options.kinds && !options.kinds.includes(kind)) || x.actor.id === y.actor.id) return;
    const xClassic = x.actor.economy === 'CLASSIC';
    if (xClassic === (y.actor.economy === 'CLASSIC')) return; // one of each side
    const [a, b] = xClassic ? [y, x] : [x, y];
    if (options.involves && a.actor.id !== options.involves && b.actor.id !== options.involves) return;
    const key = `${kind}|${a.actor.id}|${b.actor.id}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const d = distanceKm(a.actor.location, b.actor.location);
      if (d > this.rules.maxKm[kind]) return;
      entry = { kind, a, b, distanceKm: d, items: [] };
      this.entries.set(key, entry);
    }
    const same = entry.items.findIndex((i) => i.reason === item.reason || (item.topic !== undefined && i.topic === item.topic));
    if (same < 0) entry.items.push(item);
    else if (entry.items[same].grade < item.grade) entry.items[same] = item;
  }

  values(): PairEntry[] {
    return [...this.entries.values()];
  }
}

/** What every rule reads besides the pair book. */
interface RuleContext {
  knowledge: ComplementarityKnowledge;
  rules: ComplementarityRules;
  all: Profile[];
  social: ReadonlySet<string>;
  employment: ReadonlySet<string>;
  /** Whom an actor sells or gives its services to (not whom it employs). */
  market(p: Profile): string[];
  categoryName(code: string): string;
  familyOf(code: string): string;
  /** Whether `code` is `ancestor` or lies below it. */
  isUnder(code: string, ancestor: string): boolean;
}

/** The profiles in scope grouped by one category of their flows in one direction. */
function byFlowCategory(all: readonly Profile[], direction: 'OFFER' | 'NEED'): Map<string, Profile[]> {
  const groups = new Map<string, Profile[]>();
  for (const p of all) {
    for (const f of p.actor.flows) if (f.direction === direction) groups.set(f.categoryCode, [...(groups.get(f.categoryCode) ?? []), p]);
  }
  return groups;
}

/**
 * 1. Offers meeting needs of the other economy: ACTIVITY for services, logistics and
 *    equipment, SKILLS for expertise, MATERIAL for goods and materials.
 */
function offersMeetNeeds(book: PairBook, ctx: RuleContext, needsByCategory: Map<string, Profile[]>): void {
  const { knowledge, rules } = ctx;
  for (const p of ctx.all) {
    for (const offer of p.actor.flows.filter((f) => f.direction === 'OFFER')) {
      for (const { code, relation } of knowledge.relations.get(offer.categoryCode) ?? []) {
        for (const q of needsByCategory.get(code) ?? []) {
          const family = ctx.familyOf(code);
          const kind: ComplementarityKind = family === 'EXPERTISE' ? 'SKILLS' : ACTIVITY_FAMILIES.has(family) ? 'ACTIVITY' : 'MATERIAL';
          const grade = (kind === 'SKILLS' ? rules.grades.skillsFlow : rules.grades.flowMatch) * categoryScore(relation);
          book.add(kind, p, q, {
            grade,
            topic: `need:${q.actor.id}:${code}`,
            reason: `${quote(q.actor)} cherche : ${ctx.categoryName(code)} ; ${quote(p.actor)} en propose (${ctx.categoryName(offer.categoryCode)}).`,
          });
        }
      }
    }
  }
}

/**
 * 2. Trades: what a trade provides meets a need (ACTIVITY, or SKILLS for expertise); what it
 *    takes in meets an offer of goods or materials (MATERIAL). Joined through the categories
 *    that have flows, so the work follows the flows, not the square of the actors; which
 *    categories a trade serves is worked out once per trade.
 */
function tradesServeFlows(book: PairBook, ctx: RuleContext, needsByCategory: Map<string, Profile[]>, offersByCategory: Map<string, Profile[]>): void {
  const { rules } = ctx;
  const served = new Map<string, { needs: string[]; offers: { code: string; taken: boolean }[] }>();
  const servedBy = (trade: Trade) => {
    let found = served.get(trade.code);
    if (!found) {
      found = {
        needs: [...needsByCategory.keys()].filter((code) => trade.provides.some((c) => ctx.isUnder(code, c) || ctx.isUnder(c, code))),
        offers: [...offersByCategory.keys()].flatMap((code) => {
          const taken = trade.takes.some((c) => ctx.isUnder(code, c));
          return taken || trade.takes.some((c) => ctx.isUnder(c, code)) ? [{ code, taken }] : [];
        }),
      };
      served.set(trade.code, found);
    }
    return found;
  };
  for (const p of ctx.all) {
    for (const { trade } of p.trades) {
      const { needs, offers } = servedBy(trade);
      for (const code of needs) {
        const kind: ComplementarityKind = ctx.familyOf(code) === 'EXPERTISE' ? 'SKILLS' : 'ACTIVITY';
        for (const q of needsByCategory.get(code)!) {
          book.add(kind, p, q, {
            grade: rules.grades.tradeProvides,
            topic: `need:${q.actor.id}:${code}`,
            reason: `${quote(q.actor)} cherche : ${ctx.categoryName(code)} ; c'est le métier de ${quote(p.actor)} (${trade.nameFr.toLowerCase()}).`,
          });
        }
      }
      for (const { code, taken } of offers) {
        for (const q of offersByCategory.get(code)!) {
          book.add('MATERIAL', p, q, {
            grade: rules.grades.materialTaken * (taken ? 1 : 0.7),
            topic: `offer:${q.actor.id}:${code}`,
            reason: `${quote(q.actor)} a à céder : ${ctx.categoryName(code)} ; ${quote(p.actor)} (${trade.nameFr.toLowerCase()}) les collecte, répare, revend ou recycle.`,
          });
        }
      }
    }
  }
}

/** 3. Value chain between activities (NAF): clients, suppliers, partners. */
function valueChain(book: PairBook, ctx: RuleContext): void {
  for (const link of ctx.knowledge.valueChain) {
    const froms = ctx.all.filter((p) => p.nafCodes.some((c) => nafMatches(c, link.from)));
    if (froms.length === 0) continue;
    const tos = ctx.all.filter((p) => p.nafCodes.some((c) => nafMatches(c, link.to)));
    for (const x of froms) {
      for (const y of tos) book.add('ACTIVITY', x, y, { grade: link.grade, reason: `${link.reasonFr} (${link.fromLabel} ↔ ${link.toLabel}).` });
    }
  }
}

/**
 * 4. Same trade: different publics complement each other (TARGET_PUBLIC, and the expertise
 *    the classic firm can lend, SKILLS); the same clientele means competitors, who can still be
 *    partners (ACTIVITY), flagged when ranking.
 */
function sameTrades(book: PairBook, ctx: RuleContext): void {
  const byTrade = new Map<string, { trade: Trade; members: Profile[] }>();
  for (const p of ctx.all) {
    for (const { trade } of p.primary) {
      const group = byTrade.get(trade.code) ?? { trade, members: [] };
      group.members.push(p);
      byTrade.set(trade.code, group);
    }
  }
  for (const { trade, members } of byTrade.values()) {
    for (const ess of members.filter((m) => m.actor.economy !== 'CLASSIC')) {
      for (const classic of members.filter((m) => m.actor.economy === 'CLASSIC')) sameTrade(book, ctx, trade, ess, classic);
    }
  }
}

function sameTrade(book: PairBook, ctx: RuleContext, trade: Trade, ess: Profile, classic: Profile): void {
  const { rules } = ctx;
  const essMarket = ctx.market(ess);
  const classicMarket = ctx.market(classic);
  const essOnly = essMarket.filter((p) => ctx.social.has(p) && !classicMarket.includes(p));
  const disjoint = essMarket.length > 0 && classicMarket.length > 0 && !essMarket.some((p) => classicMarket.includes(p));
  const label = trade.nameFr.toLowerCase();
  if (essOnly.length > 0 || disjoint) {
    const publicsOf = (list: string[]) => (list.length ? list.map((p) => PUBLIC_LABELS[p] ?? p).join(', ') : 'à sa clientèle');
    const exchange = trade.exchange ?? DEFAULT_EXCHANGE;
    book.add('TARGET_PUBLIC', ess, classic, {
      grade: rules.grades.targetPublic,
      topic: 'same-trade',
      reason: `Même métier (${label}) mais pas le même public : ${quote(ess.actor)} s'adresse ${publicsOf(essOnly.length ? essOnly : essMarket)}, ${quote(classic.actor)} ${publicsOf(classicMarket)}.`,
    });
    book.add('TARGET_PUBLIC', ess, classic, { grade: rules.grades.targetPublic * 0.5, topic: 'ess-brings', reason: exchange.essBrings });
    book.add('TARGET_PUBLIC', ess, classic, { grade: rules.grades.targetPublic * 0.5, topic: 'classic-brings', reason: exchange.classicBrings });
    book.add('SKILLS', ess, classic, {
      grade: rules.grades.skillsSupport,
      topic: 'know-how',
      reason: `${quote(classic.actor)} peut transmettre son savoir-faire (${label}) à ${quote(ess.actor)} : formation, tutorat, mécénat de compétences.`,
    });
  } else if (essMarket.some((p) => classicMarket.includes(p))) {
    book.add('ACTIVITY', ess, classic, {
      grade: rules.grades.competitorsAsPartners,
      topic: 'same-trade',
      reason: `Même métier (${label}) et même clientèle : plutôt que de se concurrencer, ils peuvent sous-traiter l'un pour l'autre ou se partager gisements et marchés.`,
    });
    if (ess.actor.publics.some((p) => ctx.employment.has(p))) {
      book.add('ACTIVITY', ess, classic, {
        grade: rules.grades.competitorsAsPartners,
        reason: `${quote(ess.actor)} emploie des personnes en insertion : ${quote(classic.actor)} peut lui confier une part de ses chantiers, notamment ceux des marchés publics à clause sociale.`,
      });
    }
  }
}

/**
 * 5. Support networks, research and training actors: skills for the firms they already meet
 *    through an ACTIVITY rule (a shared trade or the value chain).
 */
function supportSkills(book: PairBook, ctx: RuleContext): void {
  for (const entry of book.values()) {
    if (entry.kind !== 'ACTIVITY') continue;
    for (const [support, other] of [[entry.a, entry.b], [entry.b, entry.a]] as const) {
      if (support.actor.kind !== 'SUPPORT_NETWORK' && support.actor.kind !== 'RESEARCH_EDUCATION') continue;
      book.add('SKILLS', support, other, {
        grade: ctx.rules.grades.skillsSupport,
        reason: `${quote(support.actor)} (réseau d'accompagnement, recherche ou formation) peut partager compétences et informations avec ${quote(other.actor)} : échanges d'expérience, formation, place au conseil d'administration.`,
      });
    }
  }
}

/** How an actor is seen by the rules: its trades and the NAF codes that place it in the value chain. */
function profileOf(actor: ComplementarityActor, knowledge: ComplementarityKnowledge): Profile {
  // A town hall's list of services (schools, green spaces) is not a trade it works in, nor
  // is the trade a school teaches ("métiers du bâtiment"): for them only the NAF code counts.
  const recognised = knowledge.recogniser.recognise(actor);
  const byNafOnly = actor.kind === 'LOCAL_AUTHORITY' || actor.kind === 'RESEARCH_EDUCATION';
  const trades = byNafOnly ? recognised.filter((t) => t.by === 'NAF') : recognised;
  const generic = knowledge.rules.genericNafPrefixes;
  const own = actor.nafCode && !generic.some((p) => nafMatches(actor.nafCode!, p)) ? [actor.nafCode] : [];
  const fromWords = trades.filter((t) => t.by === 'WORDS').flatMap((t) => t.trade.nafPrefixes);
  const byNaf = trades.filter((t) => t.by === 'NAF');
  return { actor, trades, primary: byNaf.length ? byNaf : trades, nafCodes: [...own, ...fromWords] };
}

/**
 * Finds complementarities among the given actors.
 *
 * @param actors actors in scope, with the flows the viewer may see
 * @param relations relations recorded between them
 * @returns best first, at most `options.limit`
 */
export function findComplementarities(
  actors: readonly ComplementarityActor[],
  relations: readonly KnownRelation[],
  knowledge: ComplementarityKnowledge,
  options: ComplementarityOptions,
): ComplementarityResult[] {
  const { rules } = knowledge;
  const employment = new Set<string>(rules.employmentPublics);
  const ctx: RuleContext = {
    knowledge,
    rules,
    all: actors.map((actor) => profileOf(actor, knowledge)),
    social: new Set<string>(rules.socialPublics),
    employment,
    market: (p) => p.actor.publics.filter((x) => !employment.has(x)),
    categoryName: (code) => knowledge.categories.get(code)?.nameFr.toLowerCase() ?? code,
    familyOf: (code) => knowledge.categories.get(code)?.family ?? '',
    isUnder: (code, ancestor) => {
      for (let c: string | null = code; c; c = knowledge.categories.get(c)?.parent ?? null) if (c === ancestor) return true;
      return false;
    },
  };
  const book = new PairBook(rules, options);
  const needsByCategory = byFlowCategory(ctx.all, 'NEED');
  offersMeetNeeds(book, ctx, needsByCategory);
  tradesServeFlows(book, ctx, needsByCategory, byFlowCategory(ctx.all, 'OFFER'));
  valueChain(book, ctx);
  sameTrades(book, ctx);
  supportSkills(book, ctx);
  return rank(book.values(), relations, ctx, options);
}

/**
 * Scores each pair (noisy-or of its evidence, weighed by distance), leaves out the kinds a
 * recorded relation already covers, flags competition, and sorts best first.
 */
function rank(entries: PairEntry[], relations: readonly KnownRelation[], ctx: RuleContext, options: ComplementarityOptions): ComplementarityResult[] {
  const { rules } = ctx;
  const known = new Map<string, ActorRelationType[]>();
  for (const r of relations) {
    for (const key of [`${r.fromActorId}|${r.toActorId}`, `${r.toActorId}|${r.fromActorId}`]) known.set(key, [...(known.get(key) ?? []), r.type]);
  }
  // Same trade and a common clientele close by. Insertion is whom an ESS structure employs,
  // not whom it sells to, so it does not set two actors apart.
  const competes = (a: Profile, b: Profile, d: number) => {
    if (d > rules.competitionKm) return false;
    if (!a.primary.some((t) => b.primary.some((u) => u.trade.code === t.trade.code))) return false;
    const bMarket = ctx.market(b);
    return ctx.market(a).some((p) => bMarket.includes(p));
  };

  const results: (ComplementarityResult & { names: [string, string] })[] = [];
  for (const { kind, a, b, distanceKm: d, items } of entries) {
    const existing = [...new Set(known.get(`${a.actor.id}|${b.actor.id}`) ?? [])];
    if (existing.some((type) => COVERED_KINDS[type].includes(kind))) continue;
    const maxKm = rules.maxKm[kind];
    // Noisy-or of the independent pieces of evidence, then distance: 1 next door, 0.4 at the limit.
    const strength = 1 - items.reduce((rest, i) => rest * (1 - Math.min(1, i.grade)), 1);
    const score = Math.round(strength * (1 - 0.6 * (d / maxKm)) * 1000) / 1000;
    if (score < options.minScore) continue;
    const competition = competes(a, b, d);
    const reasons = [...items].sort((x, y) => y.grade - x.grade).map((i) => i.reason);
    reasons.push(`À ${km(d)} l'un de l'autre (max. ${km(maxKm)} pour ce type de coopération).`);
    if (competition) {
      reasons.push(`Concurrence possible : même métier et même public à moins de ${km(rules.competitionKm)}. À l'animateur d'en faire une coopération.`);
    }
    if (existing.length) {
      reasons.push(`Déjà en relation (${existing.map((t) => RELATION_LABELS[t]).join(', ')}) : une piste pour renforcer la coopération.`);
    }
    results.push({ kind, a: a.actor.id, b: b.actor.id, score, distanceKm: d, competition, reasons, existingRelations: existing, names: [a.actor.name, b.actor.name] });
  }
  results.sort((x, y) => y.score - x.score || x.distanceKm - y.distanceKm || x.names[0].localeCompare(y.names[0]) || x.names[1].localeCompare(y.names[1]) || x.kind.localeCompare(y.kind));
  return results.slice(0, options.limit).map(({ names: _names, ...result }) => result);
}
