import { canSee, Viewer } from '../access/confidentiality';
import { ActorKind, Confidentiality, Economy, FlowDirection, GeoPoint, ResourceFamilyName } from '../model';
import { AbandonReason, SynergyKind, SynergyStatus } from '../synergy/pipeline';

/**
 * GeoJSON export (RFC 7946) of actors, flows and synergies, for the map and for GIS users.
 * Pure: data in, a FeatureCollection out; no driver, no GraphQL.
 *
 * Choices, and why:
 * - One FeatureCollection holds every layer; each feature says which one in `properties.layer`
 *   (QGIS and similar tools filter or style on a property; several files would be several
 *   downloads for one territory).
 * - Positions are [longitude, latitude] in WGS-84 degrees (RFC 7946 §3.1.1), rounded to 6
 *   decimals: about 0.1 m, the precision RFC 7946 §11.2 cites as enough for most uses, and it
 *   keeps files small.
 * - A flow is a Point at its actor's location: flows have no location of their own.
 * - A flow the viewer may not see is absent from the FLOWS layer and from its actor's counts,
 *   even when the caller passed it in: the builder checks the confidentiality rules itself so a
 *   careless caller cannot leak one. Synergy lines reveal what the synergy API reveals of a
 *   hidden flow (its id, direction and category) and flag it as hidden.
 * - Tracked synergies say who negotiates with whom: only an authenticated viewer gets them.
 * - A mutualisation is drawn as a star: one line from the group's centroid (mean longitude and
 *   latitude, fine at the scale of a territory) to each member.
 * - `bbox` spans every position written; an empty collection has none (RFC 7946 §5 makes it
 *   optional, and there is no range to give). Collections crossing the antimeridian are not
 *   handled (French territories, overseas included, do not cross it).
 */

export const GEO_LAYERS = ['ACTORS', 'FLOWS', 'SYNERGIES', 'TRACKED_SYNERGIES'] as const;
/** A layer of the export. */
export type GeoLayer = (typeof GEO_LAYERS)[number];

/** What the export shows of an actor. */
export interface GeoActor {
  id: string;
  name: string;
  kind: ActorKind;
  economy: Economy;
  legalForm: string | null;
  nafCode: string | null;
  address: string | null;
  location: GeoPoint;
}

/** What the export shows of a flow; `confidentiality` decides whether it is shown at all. */
export interface GeoFlow {
  id: string;
  actorId: string;
  direction: FlowDirection;
  description: string;
  categoryCode: string | null;
  family: ResourceFamilyName | null;
  quantity: number | null;
  unit: string | null;
  confidentiality: Confidentiality;
}

/** One end of a substitution candidate. */
export interface GeoCandidateFlow {
  id: string;
  actorId: string;
  location: GeoPoint;
  categoryCode: string;
  family: ResourceFamilyName;
}

/**
 * A ranked substitution candidate, as `SynergyService.substitutions` returns it: its reasons
 * are already reduced to what the viewer may read.
 */
export interface GeoSynergyCandidate {
  offer: GeoCandidateFlow;
  need: GeoCandidateFlow;
  score: number;
  distanceKm: number;
  reasons: string[];
  offerHidden: boolean;
  needHidden: boolean;
}

/** A tracked synergy with the actors it involves. */
export interface GeoTrackedSynergy {
  id: string;
  kind: SynergyKind;
  status: SynergyStatus;
  title: string;
  statusChangedAt: string;
  abandonReason: AbandonReason | null;
  /** For a substitution: the actor whose offer it uses, when that flow still exists. */
  offerActorId: string | null;
  /** For a substitution: the actor whose need it serves, when that flow still exists. */
  needActorId: string | null;
  /** Every actor involved, with its location. */
  actors: { id: string; location: GeoPoint }[];
}

/** Everything the export may show; the builder keeps what the options ask for and allow. */
export interface GeoExportData {
  actors: GeoActor[];
  flows: GeoFlow[];
  candidates: GeoSynergyCandidate[];
  tracked: GeoTrackedSynergy[];
}

/** Options of {@link buildGeoJsonExport}. */
export interface GeoExportOptions {
  /** The caller: decides which flows are shown and whether tracked synergies are. Null: anonymous. */
  viewer: Viewer | null;
  /** Layers to write, in any order; features always come in the order of {@link GEO_LAYERS}. */
  layers: readonly GeoLayer[];
}

/** Number of decimals of a written coordinate (≈ 0.1 m, RFC 7946 §11.2). */
export const COORDINATE_DECIMALS = 6;

const SCALE = 10 ** COORDINATE_DECIMALS;

/**
 * A WGS-84 position as a GeoJSON position: [longitude, latitude], rounded to
 * {@link COORDINATE_DECIMALS} decimals.
 *
 * @param point WGS-84 position in degrees
 * @param what names the position in the error message
 * @returns `[lon, lat]`
 * @throws Error when the position is not finite or outside [-180, 180] × [-90, 90]
 * @example toPosition({ lat: 47.0, lon: 0.5 }) // [0.5, 47]
 */
export function toPosition(point: GeoPoint, what = 'position'): GeoJSON.Position {
  const { lat, lon } = point ?? ({} as GeoPoint);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new Error(`${what}: expected WGS-84 degrees with latitude in [-90, 90] and longitude in [-180, 180], got lat ${lat}, lon ${lon}.`);
  }
  return [Math.round(lon * SCALE) / SCALE, Math.round(lat * SCALE) / SCALE];
}

/**
 * The bounding box of the given positions, as RFC 7946 §5 writes it: [west, south, east, north].
 *
 * @param positions GeoJSON positions, [lon, lat]
 * @returns `[minLon, minLat, maxLon, maxLat]`, or null when there is no position
 * @example positionsBbox([[0.5, 47], [0.6, 46.9]]) // [0.5, 46.9, 0.6, 47]
 */
export function positionsBbox(positions: readonly GeoJSON.Position[]): GeoJSON.BBox | null {
  if (positions.length === 0) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positions) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

function positionsOf(geometry: GeoJSON.Point | GeoJSON.LineString | GeoJSON.MultiLineString): GeoJSON.Position[] {
  switch (geometry.type) {
    case 'Point': return [geometry.coordinates];
    case 'LineString': return geometry.coordinates;
    case 'MultiLineString': return geometry.coordinates.flat();
  }
}

type Feature = GeoJSON.Feature<GeoJSON.Point | GeoJSON.LineString | GeoJSON.MultiLineString>;

function actorFeatures(actors: GeoActor[], visibleFlows: GeoFlow[]): Feature[] {
  const counts = new Map<string, { offers: number; needs: number }>();
  for (const flow of visibleFlows) {
    const count = counts.get(flow.actorId) ?? { offers: 0, needs: 0 };
    if (flow.direction === 'OFFER') count.offers += 1;
    else count.needs += 1;
    counts.set(flow.actorId, count);
  }
  return actors.map((actor) => ({
    type: 'Feature',
    id: `actor:${actor.id}`,
    geometry: { type: 'Point', coordinates: toPosition(actor.location, `actor ${actor.id}`) },
    properties: {
      layer: 'ACTORS',
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      economy: actor.economy,
      legalForm: actor.legalForm,
      nafCode: actor.nafCode,
      address: actor.address,
      offerCount: counts.get(actor.id)?.offers ?? 0,
      needCount: counts.get(actor.id)?.needs ?? 0,
    },
  }));
}

function flowFeatures(visibleFlows: GeoFlow[], actorsById: Map<string, GeoActor>): Feature[] {
  return visibleFlows.flatMap((flow): Feature[] => {
    const actor = actorsById.get(flow.actorId);
    // Without its actor a flow has no place on a map.
    if (!actor) return [];
    return [{
      type: 'Feature',
      id: `flow:${flow.id}`,
      geometry: { type: 'Point', coordinates: toPosition(actor.location, `actor ${actor.id}`) },
      properties: {
        layer: 'FLOWS',
        id: flow.id,
        actorId: flow.actorId,
        direction: flow.direction,
        description: flow.description,
        categoryCode: flow.categoryCode,
        family: flow.family,
        quantity: flow.quantity,
        unit: flow.unit,
      },
    }];
  });
}

function candidateFeatures(candidates: GeoSynergyCandidate[]): Feature[] {
  return candidates.map((c, index) => ({
    type: 'Feature',
    id: `candidate:${c.offer.id}:${c.need.id}`,
    geometry: {
      type: 'LineString',
      coordinates: [toPosition(c.offer.location, `offer ${c.offer.id}`), toPosition(c.need.location, `need ${c.need.id}`)],
    },
    properties: {
      layer: 'SYNERGIES',
      rank: index + 1,
      score: c.score,
      distanceKm: c.distanceKm,
      offerId: c.offer.id,
      needId: c.need.id,
      offerActorId: c.offer.actorId,
      needActorId: c.need.actorId,
      // Flat keys rather than a nested object: GIS tools filter and style on flat properties.
      offerCategoryCode: c.offer.categoryCode,
      needCategoryCode: c.need.categoryCode,
      family: c.offer.family,
      offerHidden: c.offerHidden,
      needHidden: c.needHidden,
      reasons: [...c.reasons],
    },
  }));
}

/** The geometry of a tracked synergy, or null when fewer than two of its actors remain. */
function trackedGeometry(synergy: GeoTrackedSynergy): GeoJSON.LineString | GeoJSON.MultiLineString | null {
  const actors = synergy.actors;
  if (actors.length < 2) return null;
  const at = (id: string | null) => actors.find((a) => a.id === id);
  const position = (a: { id: string; location: GeoPoint }) => toPosition(a.location, `actor ${a.id}`);
  if (synergy.kind === 'SUBSTITUTION') {
    const from = at(synergy.offerActorId) ?? actors[0];
    const to = at(synergy.needActorId) ?? actors.find((a) => a !== from)!;
    return { type: 'LineString', coordinates: [position(from), position(to)] };
  }
  const centroid = toPosition({
    lon: actors.reduce((sum, a) => sum + a.location.lon, 0) / actors.length,
    lat: actors.reduce((sum, a) => sum + a.location.lat, 0) / actors.length,
  }, `centroid of synergy ${synergy.id}`);
  return { type: 'MultiLineString', coordinates: actors.map((a) => [centroid, position(a)]) };
}

function trackedFeatures(tracked: GeoTrackedSynergy[]): Feature[] {
  return tracked.flatMap((synergy): Feature[] => {
    const geometry = trackedGeometry(synergy);
    if (!geometry) return [];
    return [{
      type: 'Feature',
      id: `synergy:${synergy.id}`,
      geometry,
      properties: {
        layer: 'TRACKED_SYNERGIES',
        id: synergy.id,
        kind: synergy.kind,
        status: synergy.status,
        title: synergy.title,
        statusChangedAt: synergy.statusChangedAt,
        abandonReason: synergy.abandonReason,
        actorIds: synergy.actors.map((a) => a.id),
      },
    }];
  });
}

/**
 * Builds the GeoJSON export: a FeatureCollection with a `bbox` member, actors and flows as
 * Points, substitution candidates as LineStrings from the offer's actor to the need's actor,
 * tracked synergies as LineStrings (substitution) or MultiLineStrings (mutualisation).
 * Features come layer by layer (actors, flows, candidates, tracked synergies), each layer in the
 * order given.
 *
 * @param data actors, flows, candidates and tracked synergies of the area
 * @param options the viewer (confidentiality rules) and the layers to write
 * @returns an RFC 7946 FeatureCollection
 * @throws Error when a location is not a valid WGS-84 position
 * @example
 * buildGeoJsonExport({ actors: [actor], flows: [], candidates: [], tracked: [] }, { viewer: null, layers: ['ACTORS'] })
 * // { type: 'FeatureCollection', bbox: [0.5, 47, 0.5, 47], features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0.5, 47] }, ... }] }
 */
export function buildGeoJsonExport(data: GeoExportData, options: GeoExportOptions): GeoJSON.FeatureCollection {
  const unknown = options.layers.filter((layer) => !(GEO_LAYERS as readonly string[]).includes(layer));
  if (unknown.length) throw new Error(`layers: unknown layer(s) ${unknown.join(', ')}; expected ${GEO_LAYERS.join(', ')}.`);
  const wanted = new Set(options.layers);
  const actorsById = new Map(data.actors.map((a) => [a.id, a]));
  const visibleFlows = data.flows.filter((f) => canSee(options.viewer, f.confidentiality) && actorsById.has(f.actorId));
  const features: Feature[] = [
    ...(wanted.has('ACTORS') ? actorFeatures(data.actors, visibleFlows) : []),
    ...(wanted.has('FLOWS') ? flowFeatures(visibleFlows, actorsById) : []),
    ...(wanted.has('SYNERGIES') ? candidateFeatures(data.candidates) : []),
    ...(wanted.has('TRACKED_SYNERGIES') && options.viewer ? trackedFeatures(data.tracked) : []),
  ];
  const bbox = positionsBbox(features.flatMap((f) => positionsOf(f.geometry)));
  return bbox ? { type: 'FeatureCollection', bbox, features } : { type: 'FeatureCollection', features };
}
