import { graphSearchMeters } from '../../graph/convert';
import { Db } from '../../graph/database';
import { ExportArea, findActorsWithFlowsInArea, findTrackedSynergiesOfActors } from '../../graph/repositories/export-repository';
import { Viewer, visibleConfidentialities } from '../domain/access/confidentiality';
import { distanceKm } from '../domain/geo/geo';
import { buildGeoJsonExport, GEO_LAYERS, GeoExportData, GeoLayer } from '../domain/geo/geojson';
import { GeoPoint } from '../domain/model';
import { ValidationError } from '../errors';
import { MAX_RADIUS_KM } from './actor-service';
import { MAX_SYNERGY_COUNT, SynergyService } from './synergy-service';
import { TerritoryService } from './territory-service';

/** What to export, as the GraphQL input or the HTTP query gives it. */
export interface GeoExportRequest {
  /** A territory and everything inside it; or else a circle (`near` and `radiusKm`). */
  territoryCode?: string | null;
  near?: GeoPoint | null;
  radiusKm?: number | null;
  /** Layers to write; all of them when absent. */
  layers?: readonly GeoLayer[] | null;
  /** How many substitution candidates, best first (default {@link DEFAULT_EXPORT_SYNERGIES}). */
  synergies?: number | null;
}

/** The export and a short name of its area, for a file name ("37261", "47.0000_0.5000_10km"). */
export interface GeoExportResult {
  scope: string;
  collection: GeoJSON.FeatureCollection;
}

/** Candidates exported when the caller does not say: enough for a map, small enough to read. */
export const DEFAULT_EXPORT_SYNERGIES = 50;

/**
 * Most actors one export may hold. 20,000 actors with ~3 flows each make a file of roughly
 * 30 MB, about what desktop GIS tools and browsers still open comfortably; a larger area is
 * refused with a message asking for a smaller one rather than cut silently.
 */
export const MAX_EXPORT_ACTORS = 20_000;

/** A file-name-safe form of a scope: letters, digits, dot, underscore and hyphen. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}

/** Trims a number for a file name: 10 → "10", 2.5 → "2.5". */
const short = (n: number) => String(Number(n.toFixed(3)));

/**
 * The GeoJSON export of a territory or a circle: actors, the flows the caller may see,
 * substitution candidates and (for authenticated callers) tracked synergies.
 */
export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly synergies: SynergyService,
  ) {}

  /**
   * Builds the export.
   *
   * @param request the area, layers and number of candidates
   * @param viewer the caller (null: anonymous), who decides which flows are shown
   * @param fieldPrefix prefix of the field names in error messages ("filter." for GraphQL, "" for HTTP)
   * @throws ValidationError naming the parameter when the request is incomplete or out of range
   */
  async geojson(request: GeoExportRequest, viewer: Viewer | null, fieldPrefix = ''): Promise<GeoExportResult> {
    const field = (name: string) => `${fieldPrefix}${name}`;
    const { layers, limit } = this.check(request, field);
    const wanted = new Set(layers);
    const territoryKey = await this.territories.resolveKey(request.territoryCode, field('territoryCode'));
    const near = request.near ?? null;
    const radiusKm = request.radiusKm ?? null;
    const area: ExportArea = territoryKey
      ? { kind: 'TERRITORY', territoryKey }
      : { kind: 'CIRCLE', center: near!, radiusMeters: graphSearchMeters(radiusKm!) };
    const scope = territoryKey ? slug(request.territoryCode!) : slug(`${near!.lat.toFixed(4)}_${near!.lon.toFixed(4)}_${short(radiusKm!)}km`);

    const data: GeoExportData = { actors: [], flows: [], candidates: [], tracked: [] };
    const tracked = wanted.has('TRACKED_SYNERGIES') && viewer !== null;
    if (wanted.has('ACTORS') || wanted.has('FLOWS') || tracked) {
      const rows = await this.db.read((tx) => findActorsWithFlowsInArea(tx, area, visibleConfidentialities(viewer), MAX_EXPORT_ACTORS + 1));
      if (rows.length > MAX_EXPORT_ACTORS) {
        const blamed = territoryKey ? field('territoryCode') : field('radiusKm');
        throw new ValidationError(`${blamed}: the area holds more than ${MAX_EXPORT_ACTORS} actors; export a smaller territory or a smaller circle.`, [blamed]);
      }
      const inside = area.kind === 'CIRCLE' ? rows.filter((r) => distanceKm(near!, r.actor.location) <= radiusKm!) : rows;
      data.actors = inside.map((r) => r.actor);
      data.flows = inside.flatMap((r) => r.flows);
      if (tracked && data.actors.length) {
        data.tracked = await this.db.read((tx) => findTrackedSynergiesOfActors(tx, data.actors.map((a) => a.id)));
      }
    }
    if (wanted.has('SYNERGIES')) {
      const filter = territoryKey ? { territoryCode: request.territoryCode } : { near, radiusKm };
      data.candidates = await this.synergies.substitutions(filter, viewer, limit);
    }
    return { scope, collection: buildGeoJsonExport(data, { viewer, layers }) };
  }

  /** Checks the request; returns the layers and the number of candidates to export. */
  private check(request: GeoExportRequest, field: (name: string) => string): { layers: GeoLayer[]; limit: number } {
    const hasCircle = request.near != null || request.radiusKm != null;
    if (request.territoryCode && hasCircle) {
      throw new ValidationError(`${field('territoryCode')}: give either a territoryCode or a circle (near and radiusKm), not both.`, [field('territoryCode')]);
    }
    if (!request.territoryCode && !hasCircle) {
      throw new ValidationError(`${field('territoryCode')}: say what to export: a territoryCode, or a circle (near and radiusKm).`, [field('territoryCode'), field('near'), field('radiusKm')]);
    }
    if (hasCircle) {
      if (request.near == null) throw new ValidationError(`${field('near')}: radiusKm needs a centre: give near as well.`, [field('near')]);
      if (request.radiusKm == null) throw new ValidationError(`${field('radiusKm')}: near needs a radius: give radiusKm as well.`, [field('radiusKm')]);
      const { lat, lon } = request.near;
      if (!Number.isFinite(lat) || Math.abs(lat) > 90) throw new ValidationError(`${field('near.lat')}: latitude must be between -90 and 90 (got ${lat}).`, [field('near.lat')]);
      if (!Number.isFinite(lon) || Math.abs(lon) > 180) throw new ValidationError(`${field('near.lon')}: longitude must be between -180 and 180 (got ${lon}).`, [field('near.lon')]);
      if (!(request.radiusKm > 0) || request.radiusKm > MAX_RADIUS_KM) {
        throw new ValidationError(`${field('radiusKm')}: must be greater than 0 and at most ${MAX_RADIUS_KM} (got ${request.radiusKm}).`, [field('radiusKm')]);
      }
    }
    const layers = request.layers == null ? [...GEO_LAYERS] : [...new Set(request.layers)];
    if (layers.length === 0) throw new ValidationError(`${field('layers')}: give at least one layer (${GEO_LAYERS.join(', ')}), or none to get them all.`, [field('layers')]);
    const unknown = layers.filter((l) => !(GEO_LAYERS as readonly string[]).includes(l));
    if (unknown.length) throw new ValidationError(`${field('layers')}: unknown layer(s) ${unknown.join(', ')}; expected ${GEO_LAYERS.join(', ')}.`, [field('layers')]);
    const limit = request.synergies ?? DEFAULT_EXPORT_SYNERGIES;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SYNERGY_COUNT) {
      throw new ValidationError(`${field('synergies')}: must be an integer between 1 and ${MAX_SYNERGY_COUNT} (got ${request.synergies}).`, [field('synergies')]);
    }
    return { layers, limit };
  }
}
