import clustersDbscan from '@turf/clusters-dbscan';
import { featureCollection, point } from '@turf/helpers';
import data from '../../../seeds/reference/mutualisation.json';
import { distanceKm } from '../geo/geo';
import { ActorKind, Confidentiality, FlowDirection, GeoPoint, ResourceFamilyName } from '../model';
import { formatNumberFr as fmt, unitFr } from '../text/format-fr';
import { normalizeQuantity } from './units';

/**
 * Mutualisation synergies: groups of at least three actors close to each other that share a need
 * (or an offer) of the same kind of resource, and could pool it — one waste collection round for
 * a business park, a grouped purchase, shared equipment, pooled logistics, shared training.
 *
 * Pure: takes the flows the graph found in the search area and the taxonomy, returns scored,
 * explained groups. Clustering is DBSCAN (turf's `@turf/clusters-dbscan`) over the members'
 * positions, run separately for each direction and each "pooling key" (a category, or a parent
 * category below the family root that gathers kinds of the same resource collected or bought
 * together). Reasons are French, the users' language. Defaults live in
 * `seeds/reference/mutualisation.json`, each with its why.
 */

/** What a group suggests doing together. */
export const MUTUALISATION_KINDS = ['SHARED_COLLECTION', 'JOINT_PURCHASING', 'SHARED_EQUIPMENT', 'SHARED_LOGISTICS', 'SHARED_SKILLS', 'OTHER'] as const;
export type MutualisationKind = (typeof MUTUALISATION_KINDS)[number];

/** What the clustering needs to know of a flow (every confidentiality level takes part). */
export interface MutualisationFlow {
  id: string;
  actorId: string;
  actorKind: ActorKind;
  /** The owner's position. */
  location: GeoPoint;
  direction: FlowDirection;
  categoryCode: string;
  quantity: number | null;
  unit: string | null;
  confidentiality: Confidentiality;
}

/** What the clustering needs to know of a category of the taxonomy. */
export interface PoolingCategory {
  code: string;
  nameFr: string;
  family: ResourceFamilyName;
  /** Null for the seven family roots. */
  parent: string | null;
  /** List of Waste code, "*" marking hazardous waste. */
  ewcCode: string | null;
}

interface Why {
  why: string;
}

/** The documented defaults of `seeds/reference/mutualisation.json`. */
export interface MutualisationRules {
  /** DBSCAN neighbour distance (km) by family, overridden by category (most specific code on the path). */
  clusterDistanceKm: {
    families: Record<ResourceFamilyName, { km: number } & Why>;
    categories: Record<string, { km: number } & Why>;
  };
  /**
   * Kind of pooling by category prefix; the longest matching prefix wins, then a rule for the
   * group's direction over one for both (null). `weight` (0..1) multiplies the score: 1 for pools
   * of users and of waste producers, less for pools of providers of the same offer.
   */
  kinds: ({ prefix: string; direction: FlowDirection | null; kind: MutualisationKind; weight: number } & Why)[];
  /** Parent categories under which some kinds of one resource pool together (paper and cardboard), with the reason. */
  poolUnderParent: Record<string, { children: string[] } & Why>;
  /** A French line added to the reasons of groups of these categories (and sub-categories). */
  notes: Record<string, string>;
  /** By normalised unit ("t/yr"): the summed quantity at which the volume factor is 0.5. */
  referenceVolumes: Record<string, { value: number } & Why>;
}

/** A member of a group: one actor, with its flows of the group's resource. */
export interface MutualisationMemberData {
  actorId: string;
  location: GeoPoint;
  /** At least one; ordered by category code then id. */
  flows: MutualisationFlow[];
  distanceToCentroidKm: number;
}

/** Each factor in 0..1; the score combines them. */
export interface MutualisationFactors {
  /** More members, higher: 0.29 for 3, 0.5 for 4, 0.75 for 6, 0.88 for 8. */
  size: number;
  /** 1 when all members share a spot, 0.5 when their mean distance to the centre equals the resource's default neighbour distance. */
  tightness: number;
  /** Summed (visible, comparable) quantity against the unit's reference volume; 0.3 when unknown. */
  volume: number;
  /** 1 when every member's flow has the same category, 0.85 for neighbouring categories under one parent. */
  homogeneity: number;
  /** From the kind rule: 1 for pools of users or of waste producers, 0.85 for pools of providers of the same offer. */
  weight: number;
}

/** A group of actors that could pool a resource. */
export interface MutualisationGroup {
  kind: MutualisationKind;
  direction: FlowDirection;
  /** The members' common category, or the parent category that gathers theirs. */
  categoryCode: string;
  family: ResourceFamilyName;
  /** Nearest to the centroid first. */
  members: MutualisationMemberData[];
  /** Mean of the members' positions (one per actor). */
  centroid: GeoPoint;
  /** Largest distance from the centroid to a member, km. */
  extentKm: number;
  /** Largest distance between two members, km. */
  spanKm: number;
  /** The DBSCAN neighbour distance that produced the group, km (shorter than asked when a wide chain was split). */
  clusterDistanceKm: number;
  /** Sum of the quantities the viewer may see, when they share one unit; otherwise null. */
  totalQuantity: number | null;
  /** Unit of totalQuantity, normalised ("t/yr"); null with it. */
  unit: string | null;
  /** Flows whose figures the viewer may not see (they count as members, not in totals or reasons). */
  hiddenFlowIds: string[];
  score: number;
  factors: MutualisationFactors;
  /** French, one line per point. */
  reasons: string[];
}

/** Options of {@link findMutualisations}; every field is optional. */
export interface MutualisationOptions {
  /** Smallest group reported, in actors; at least 3 (the default): two actors make a substitution or a bilateral deal, not a pool. */
  minMembers?: number;
  /** Neighbour distance for every category (km), replacing the documented defaults; null or absent keeps them. */
  clusterDistanceKm?: number | null;
  /** Groups scoring below are dropped; default 0. */
  minScore?: number;
  /** Only groups that include this actor. */
  actorId?: string | null;
  /** Whether the viewer may see a flow's figures; default: every flow. */
  isVisible?: (flow: MutualisationFlow) => boolean;
  rules?: MutualisationRules;
}

/**
 * DBSCAN's minPoints: a member is a core point when at least two others lie within the neighbour
 * distance (the point itself counts in turf's neighbourhood). Three is the smallest pool.
 */
export const MIN_POINTS = 3;
export const DEFAULT_MIN_MEMBERS = 3;

// Weights of the score: the number of partners decides whether a pool is worth organising, the
// tightness what a shared round or a shared machine costs, the volume what a provider will offer;
// volume weighs least because companies often leave quantities blank or confidential.
const WEIGHTS = { size: 0.4, tightness: 0.35, volume: 0.25 };
// Kinds of one resource under a common parent (paper and cardboard) pool well, not as well as one.
const MIXED_CATEGORIES = 0.85;
/**
 * A group's radius (largest distance from its centroid) is at most this many neighbour
 * distances. DBSCAN chains through dense areas: in a city, every offer of training within a few
 * km of the next would make one 15-km "group". A wider cluster is clustered again with a shorter
 * neighbour distance (× SPLIT_RATIO, at most MAX_SPLITS times) until its parts fit.
 */
export const MAX_RADIUS_FACTOR = 1.5;
const SPLIT_RATIO = 0.75;
const MAX_SPLITS = 6;
// An unquantified group is a weaker lead than a known small one, not a worthless one.
const UNKNOWN_VOLUME = 0.3;

const DEFAULT_RULES = loadMutualisationRules();

/** The defaults shipped in `seeds/reference/mutualisation.json` (checked by tests/unit/mutualisation.test.ts). */
export function loadMutualisationRules(): MutualisationRules {
  return data as unknown as MutualisationRules;
}

/** The value for the most specific code on a category's path ("a.b.c", then "a.b", then "a"). */
function onPath<T>(table: Record<string, T>, code: string): T | undefined {
  const parts = code.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const value = table[parts.slice(0, length).join('.')];
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The documented neighbour distance for grouping flows of a category.
 *
 * @param rules the defaults
 * @param code category code
 * @param family the category's family
 * @returns kilometres
 * @example defaultClusterDistanceKm(rules, 'service.waste-collection.cardboard', 'SERVICE') // 1.5
 */
export function defaultClusterDistanceKm(rules: MutualisationRules, code: string, family: ResourceFamilyName): number {
  return onPath(rules.clusterDistanceKm.categories, code)?.km ?? rules.clusterDistanceKm.families[family].km;
}

/** The kind rule for a category and direction (see {@link mutualisationKind}); kind OTHER, weight 1 when none matches. */
export function kindRule(rules: MutualisationRules, code: string, direction: FlowDirection): { kind: MutualisationKind; weight: number } {
  let best: MutualisationRules['kinds'][number] | null = null;
  for (const rule of rules.kinds) {
    if (rule.direction !== null && rule.direction !== direction) continue;
    if (code !== rule.prefix && !code.startsWith(`${rule.prefix}.`)) continue;
    if (!best || rule.prefix.length > best.prefix.length || (rule.prefix.length === best.prefix.length && rule.direction !== null && best.direction === null)) best = rule;
  }
  return best ? { kind: best.kind, weight: best.weight } : { kind: 'OTHER', weight: 1 };
}

/**
 * What a group of a category and direction suggests doing: the rule of the longest prefix of
 * the code wins; at equal prefix, a rule for the direction wins over a rule for both.
 *
 * @example mutualisationKind(rules, 'material.paper-cardboard.cardboard', 'OFFER') // 'SHARED_COLLECTION'
 */
export function mutualisationKind(rules: MutualisationRules, code: string, direction: FlowDirection): MutualisationKind {
  return kindRule(rules, code, direction).kind;
}

/**
 * The groups a flow of a category can join: its own category, and its parent when the rules list
 * it among the kinds of one resource that are collected or bought together (`poolUnderParent`:
 * paper with cardboard, food waste with coffee grounds, but not food waste with manure). Flows
 * filed under the parent itself join the parent's group. Hazardous waste (EWC code with "*") only
 * pools with its own category: it goes to authorised channels. An unknown category pools nowhere.
 *
 * @example poolingKeys('material.paper-cardboard.cardboard', categories, rules) // ['material.paper-cardboard.cardboard', 'material.paper-cardboard']
 */
export function poolingKeys(code: string, categories: ReadonlyMap<string, PoolingCategory>, rules: MutualisationRules = DEFAULT_RULES): string[] {
  const category = categories.get(code);
  if (!category) return [];
  if (category.ewcCode?.endsWith('*') || !category.parent) return [code];
  return rules.poolUnderParent[category.parent]?.children.includes(code) && categories.has(category.parent) ? [code, category.parent] : [code];
}

/**
 * Clusters positions with DBSCAN: a point with at least `minPoints - 1` others within
 * `maxDistanceKm` is a core point; clusters are the core points reachable from one another
 * through such neighbourhoods, with the points at their edge. Isolated points (noise) are left
 * out. A cluster may chain: its span can exceed the neighbour distance.
 *
 * @param points ids and WGS-84 positions
 * @param maxDistanceKm neighbour distance, great-circle km
 * @param minPoints neighbourhood size (the point included) that makes a core point
 * @returns each cluster as the ids of its points, in input order
 * @example clusterPoints([{ id: 'a', location: { lat: 43.6, lon: 1 } }, ...], 1.5) // [['a', 'b', 'c']]
 */
export function clusterPoints(points: readonly { id: string; location: GeoPoint }[], maxDistanceKm: number, minPoints = MIN_POINTS): string[][] {
  if (!(maxDistanceKm > 0)) throw new RangeError(`maxDistanceKm must be a positive number of km (got ${maxDistanceKm})`);
  if (!Number.isInteger(minPoints) || minPoints < 1) throw new RangeError(`minPoints must be a positive integer (got ${minPoints})`);
  if (points.length < minPoints) return [];
  const collection = featureCollection(points.map((p) => point([p.location.lon, p.location.lat])));
  const clustered = clustersDbscan(collection, maxDistanceKm, { units: 'kilometers', minPoints, mutate: true });
  const clusters = new Map<number, string[]>();
  clustered.features.forEach((feature, index) => {
    const id = feature.properties?.cluster;
    if (id === undefined) return;
    clusters.set(id, [...(clusters.get(id) ?? []), points[index].id]);
  });
  return [...clusters.values()];
}

/**
 * DBSCAN clusters no wider than `maxRadiusKm` around their centroid: a wider cluster is
 * clustered again with a shorter neighbour distance until its parts fit (see MAX_RADIUS_FACTOR).
 *
 * @returns each cluster's ids with the neighbour distance that produced it
 */
export function compactClusters(
  points: readonly { id: string; location: GeoPoint }[],
  maxDistanceKm: number,
  maxRadiusKm: number,
  minPoints = MIN_POINTS,
): { ids: string[]; distanceKm: number }[] {
  const byId = new Map(points.map((p) => [p.id, p]));
  const result: { ids: string[]; distanceKm: number }[] = [];
  const visit = (subset: readonly { id: string; location: GeoPoint }[], eps: number, splits: number) => {
    for (const ids of clusterPoints(subset, eps, minPoints)) {
      const locations = ids.map((id) => byId.get(id)!.location);
      const centre = centroidOf(locations);
      const radius = Math.max(...locations.map((l) => distanceKm(centre, l)));
      if (radius <= maxRadiusKm) result.push({ ids, distanceKm: eps });
      else if (splits < MAX_SPLITS) visit(ids.map((id) => byId.get(id)!), eps * SPLIT_RATIO, splits + 1);
    }
  };
  visit(points, maxDistanceKm, 0);
  return result;
}

/**
 * The mean position. Groups span a few km inside one country, where the mean of longitudes and
 * latitudes is within metres of the geodesic centre (no antimeridian to cross in France).
 */
export function centroidOf(locations: readonly GeoPoint[]): GeoPoint {
  if (locations.length === 0) throw new RangeError('centroidOf needs at least one position');
  const sum = locations.reduce((acc, l) => ({ lat: acc.lat + l.lat, lon: acc.lon + l.lon }), { lat: 0, lon: 0 });
  return { lat: sum.lat / locations.length, lon: sum.lon / locations.length };
}

/** Sums by unit of the flows a viewer may see; see {@link summarizeVolumes}. */
export interface VolumeSummary {
  /** The sum when every visible quantity has one (normalised) unit, else null. */
  total: number | null;
  unit: string | null;
  /** Sum per unit, in the order units first appear. */
  byUnit: { unit: string; value: number }[];
  /** Members with at least one visible flow without quantity or unit. */
  membersUnquantified: number;
  /** Members with at least one flow the viewer may not see. */
  membersHidden: number;
}

/**
 * Sums the quantities of a group's visible flows. Quantities are normalised (units.ts: "2 kg/month"
 * is 0.024 t/yr); a unit it does not know is kept as written, so equal unknown units still add.
 *
 * Hidden flows never enter the sum: a total that included them would let anyone who sees the
 * other members' figures subtract them and read the confidential quantity. The reasons say how
 * many members' volumes are left out instead.
 */
export function summarizeVolumes(members: readonly { flows: MutualisationFlow[] }[], isVisible: (flow: MutualisationFlow) => boolean): VolumeSummary {
  const byUnit = new Map<string, number>();
  let membersUnquantified = 0;
  let membersHidden = 0;
  for (const member of members) {
    let unquantified = false;
    let hidden = false;
    for (const flow of member.flows) {
      if (!isVisible(flow)) {
        hidden = true;
        continue;
      }
      if (flow.quantity === null || !flow.unit) {
        unquantified = true;
        continue;
      }
      const normal = normalizeQuantity(flow.quantity, flow.unit) ?? { value: flow.quantity, unit: flow.unit.trim() };
      byUnit.set(normal.unit, (byUnit.get(normal.unit) ?? 0) + normal.value);
    }
    if (unquantified) membersUnquantified += 1;
    if (hidden) membersHidden += 1;
  }
  const sums = [...byUnit.entries()].map(([unit, value]) => ({ unit, value }));
  const single = sums.length === 1 ? sums[0] : null;
  return { total: single ? single.value : null, unit: single ? single.unit : null, byUnit: sums, membersUnquantified, membersHidden };
}

/**
 * The factors and score of a group. Score = weight × homogeneity × (0.4 size + 0.35 tightness +
 * 0.25 volume), rounded to 3 decimals; weight comes from the kind rule (0.85 for a pool of
 * providers of the same offer, 1 otherwise).
 *
 * @param memberCount actors in the group
 * @param meanDistanceKm mean distance of the members to the centroid
 * @param referenceKm the resource's documented neighbour distance (not a per-query override, so
 *   scores stay comparable between searches)
 * @param volume the visible summed quantity and its unit, or nulls
 * @param mixedCategories whether members' categories differ (under one parent)
 */
export function scoreGroup(
  memberCount: number,
  meanDistanceKm: number,
  referenceKm: number,
  volume: { total: number | null; unit: string | null },
  mixedCategories: boolean,
  rules: MutualisationRules = DEFAULT_RULES,
  weight = 1,
): { score: number; factors: MutualisationFactors } {
  // Each two more members halve what is left to 1.
  const size = 1 - 0.5 ** ((memberCount - 2) / 2);
  const tightness = referenceKm / (referenceKm + meanDistanceKm);
  const reference = volume.unit ? rules.referenceVolumes[volume.unit]?.value : undefined;
  const volumeFactor = volume.total !== null && reference ? volume.total / (volume.total + reference) : UNKNOWN_VOLUME;
  const homogeneity = mixedCategories ? MIXED_CATEGORIES : 1;
  const score = weight * homogeneity * (WEIGHTS.size * size + WEIGHTS.tightness * tightness + WEIGHTS.volume * volumeFactor);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { score: round(score), factors: { size: round(size), tightness: round(tightness), volume: round(volumeFactor), homogeneity, weight } };
}

const KIND_FR: Record<MutualisationKind, string> = {
  SHARED_COLLECTION: 'Piste : collecte mutualisée (un prestataire, une tournée commune)',
  JOINT_PURCHASING: 'Piste : achat groupé (une commande ou un contrat commun)',
  SHARED_EQUIPMENT: 'Piste : équipement partagé (locaux, machines ou véhicules en commun)',
  SHARED_LOGISTICS: 'Piste : logistique mutualisée (tournées, transport ou entrepôt en commun)',
  SHARED_SKILLS: 'Piste : compétences partagées (formations, savoir-faire ou personnel en commun)',
  OTHER: 'Piste : mutualisation à étudier avec les membres',
};

// How to name a set of actors: by their kind when they all share it.
const NOUNS: Partial<Record<ActorKind, { word: string; feminine: boolean }>> = {
  COMPANY: { word: 'entreprises', feminine: true },
  LOCAL_AUTHORITY: { word: 'collectivités', feminine: true },
  ESS_STRUCTURE: { word: "structures de l'ESS", feminine: true },
};

/** Rounds up to the tenth, so that "à moins de 1,2 km" stays true; at least 0,1. */
const ceilTenth = (km: number) => Math.max(0.1, Math.ceil(km * 10 - 1e-9) / 10);
const kmFr = (km: number) => (km < 0.05 ? 'moins de 0,1' : fmt(km));
const membersFr = (n: number) => `${n} membre${n > 1 ? 's' : ''}`;

function headline(direction: FlowDirection, family: ResourceFamilyName, categoryName: string, actorKinds: ActorKind[], spanKm: number): string {
  const shared = actorKinds.every((k) => k === actorKinds[0]) ? NOUNS[actorKinds[0]] : undefined;
  const noun = shared ?? { word: 'acteurs', feminine: false };
  const together = noun.feminine ? 'les unes des autres' : 'les uns des autres';
  const verb = direction === 'NEED' ? 'ont besoin de' : ['MATERIAL', 'ENERGY', 'WATER'].includes(family) ? 'disposent de' : 'proposent';
  return `${actorKinds.length} ${noun.word} à moins de ${fmt(ceilTenth(spanKm))} km ${together} ${verb} « ${categoryName} »`;
}

function volumeReason(summary: VolumeSummary, memberCount: number): string {
  const amounts = summary.byUnit.map((s) => `${fmt(s.value)} ${unitFr(s.unit)}`);
  const notes: string[] = [];
  if (summary.membersUnquantified > 0) notes.push(`quantité non précisée pour ${membersFr(summary.membersUnquantified)}`);
  if (summary.membersHidden > 0) notes.push(`hors volumes confidentiels de ${membersFr(summary.membersHidden)}`);
  const suffix = notes.length ? ` (${notes.join(', ')})` : '';
  if (amounts.length === 0) {
    return summary.membersHidden === memberCount
      ? 'Volumes confidentiels : à voir avec un animateur'
      : `Volumes non précisés${summary.membersHidden > 0 ? ` (hors volumes confidentiels de ${membersFr(summary.membersHidden)})` : ''}`;
  }
  if (amounts.length > 1) return `Volumes non additionnables (unités différentes) : ${amounts.join(' et ')}${suffix}`;
  return `Volume cumulé${summary.membersHidden > 0 ? ' connu' : ''} : ${amounts[0]}${suffix}`;
}

interface Bucket {
  direction: FlowDirection;
  key: PoolingCategory;
  actors: Map<string, { location: GeoPoint; flows: MutualisationFlow[] }>;
}

function buildGroup(
  bucket: Bucket,
  actorIds: string[],
  clusterKm: number,
  categories: ReadonlyMap<string, PoolingCategory>,
  isVisible: (flow: MutualisationFlow) => boolean,
  rules: MutualisationRules,
): MutualisationGroup {
  const raw = actorIds.map((actorId) => {
    const actor = bucket.actors.get(actorId)!;
    const flows = [...actor.flows].sort((a, b) => a.categoryCode.localeCompare(b.categoryCode) || a.id.localeCompare(b.id));
    return { actorId, location: actor.location, flows };
  });
  const centroid = centroidOf(raw.map((m) => m.location));
  const members = raw
    .map((m) => ({ ...m, distanceToCentroidKm: distanceKm(centroid, m.location) }))
    .sort((a, b) => a.distanceToCentroidKm - b.distanceToCentroidKm || a.actorId.localeCompare(b.actorId));
  const extentKm = Math.max(...members.map((m) => m.distanceToCentroidKm));
  let spanKm = 0;
  for (let i = 0; i < members.length; i += 1) {
    for (let j = i + 1; j < members.length; j += 1) spanKm = Math.max(spanKm, distanceKm(members[i].location, members[j].location));
  }
  const meanKm = members.reduce((sum, m) => sum + m.distanceToCentroidKm, 0) / members.length;
  const flows = members.flatMap((m) => m.flows);
  const flowCounts = new Map<string, number>();
  for (const flow of flows) flowCounts.set(flow.categoryCode, (flowCounts.get(flow.categoryCode) ?? 0) + 1);
  const mixed = flowCounts.size > 1;
  // One category shared by all: name it rather than the parent that gathered it.
  const category = mixed ? bucket.key : categories.get(flows[0].categoryCode)!;
  const { kind, weight } = kindRule(rules, category.code, bucket.direction);
  const summary = summarizeVolumes(members, isVisible);
  const referenceKm = defaultClusterDistanceKm(rules, category.code, category.family);
  const { score, factors } = scoreGroup(members.length, meanKm, referenceKm, summary, mixed, rules, weight);
  // Hazardous categories never mix (poolingKeys), so the group's category says it all.
  const note = onPath(rules.notes, category.code)
    ?? (category.ewcCode?.endsWith('*') ? 'Déchets dangereux : collecteur agréé et bordereau de suivi (Trackdéchets) obligatoires' : undefined);
  const reasons = [
    headline(bucket.direction, category.family, category.nameFr, members.map((m) => bucket.actors.get(m.actorId)!.flows[0].actorKind), spanKm),
    ...(mixed
      ? [`Catégories voisines regroupées : ${[...flowCounts.entries()]
        .map(([code, n]) => ({ name: categories.get(code)?.nameFr ?? code, n }))
        .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'fr'))
        .map(({ name, n }) => `${name} (${n})`)
        .join(', ')}`]
      : []),
    KIND_FR[kind],
    volumeReason(summary, members.length),
    `Rayon du groupe : ${kmFr(extentKm)} km`,
    `Distance de regroupement : ${fmt(clusterKm)} km au plus entre membres voisins`,
    ...(note ? [note] : []),
  ];
  return {
    kind,
    direction: bucket.direction,
    categoryCode: category.code,
    family: category.family,
    members,
    centroid,
    extentKm,
    spanKm,
    clusterDistanceKm: clusterKm,
    totalQuantity: summary.total,
    unit: summary.unit,
    hiddenFlowIds: flows.filter((f) => !isVisible(f)).map((f) => f.id),
    score,
    factors,
    reasons,
  };
}

const flowSetKey = (group: MutualisationGroup) => `${group.direction}|${group.members.flatMap((m) => m.flows.map((f) => f.id)).sort().join(',')}`;

/**
 * Finds the mutualisation groups among flows: for each direction and pooling key (see
 * {@link poolingKeys}), one point per actor, clustered by DBSCAN with the key's neighbour
 * distance (wide chains split, see {@link compactClusters}); clusters of at least `minMembers`
 * actors become groups. When a parent category
 * gathers exactly the flows of a narrower group, only the narrower one is kept; a parent group
 * that adds members (cardboard and paper) is kept beside the narrower one, as a second option.
 *
 * @param flows the flows of the search area, any confidentiality
 * @param categories the taxonomy (at least the flows' categories and their ancestors)
 * @param options minimum size, distance override, minimum score, actor, visibility, rules
 * @returns groups, best score first, then more members, then smaller extent
 */
export function findMutualisations(flows: readonly MutualisationFlow[], categories: readonly PoolingCategory[], options: MutualisationOptions = {}): MutualisationGroup[] {
  const rules = options.rules ?? DEFAULT_RULES;
  const minMembers = options.minMembers ?? DEFAULT_MIN_MEMBERS;
  if (!Number.isInteger(minMembers) || minMembers < MIN_POINTS) throw new RangeError(`minMembers must be an integer of at least ${MIN_POINTS} (got ${minMembers})`);
  const override = options.clusterDistanceKm ?? null;
  if (override !== null && !(override > 0)) throw new RangeError(`clusterDistanceKm must be a positive number of km (got ${override})`);
  const isVisible = options.isVisible ?? (() => true);
  const byCode = new Map(categories.map((c) => [c.code, c]));

  const buckets = new Map<string, Bucket>();
  for (const flow of flows) {
    for (const key of poolingKeys(flow.categoryCode, byCode, rules)) {
      const id = `${flow.direction}|${key}`;
      let bucket = buckets.get(id);
      if (!bucket) {
        bucket = { direction: flow.direction, key: byCode.get(key)!, actors: new Map() };
        buckets.set(id, bucket);
      }
      const actor = bucket.actors.get(flow.actorId);
      if (actor) actor.flows.push(flow);
      else bucket.actors.set(flow.actorId, { location: flow.location, flows: [flow] });
    }
  }

  const groups: MutualisationGroup[] = [];
  for (const bucket of buckets.values()) {
    if (bucket.actors.size < minMembers) continue;
    if (options.actorId && !bucket.actors.has(options.actorId)) continue;
    const clusterKm = override ?? defaultClusterDistanceKm(rules, bucket.key.code, bucket.key.family);
    const points = [...bucket.actors.entries()].map(([id, a]) => ({ id, location: a.location }));
    for (const cluster of compactClusters(points, clusterKm, MAX_RADIUS_FACTOR * clusterKm, MIN_POINTS)) {
      if (cluster.ids.length < minMembers) continue;
      if (options.actorId && !cluster.ids.includes(options.actorId)) continue;
      groups.push(buildGroup(bucket, cluster.ids, cluster.distanceKm, byCode, isVisible, rules));
    }
  }

  // The same flows gathered at several levels: keep the most specific category.
  const kept = new Map<string, MutualisationGroup>();
  for (const group of groups) {
    const key = flowSetKey(group);
    const current = kept.get(key);
    if (!current || group.categoryCode.split('.').length > current.categoryCode.split('.').length) kept.set(key, group);
  }
  const minScore = options.minScore ?? 0;
  return [...kept.values()]
    .filter((g) => g.score >= minScore)
    .sort((a, b) => b.score - a.score || b.members.length - a.members.length || a.extentKm - b.extentKm
      || a.categoryCode.localeCompare(b.categoryCode) || a.direction.localeCompare(b.direction) || a.members[0].actorId.localeCompare(b.members[0].actorId));
}
