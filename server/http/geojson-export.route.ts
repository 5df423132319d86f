import { Request, RequestHandler, Response } from 'express';
import { Db } from '../../graph/database';
import { GEO_LAYERS, GeoLayer } from '../domain/geo/geojson';
import { mapDriverError, ValidationError } from '../errors';
import { createContext } from '../graphql/context';
import { AuthService } from '../services/auth-service';
import { CategoryService } from '../services/category-service';
import { GeoExportRequest } from '../services/export-service';

/**
 * GET /export.geojson: the GeoJSON export as a file for GIS users (QGIS opens the URL directly),
 * the same export as the `geojsonExport` query, under the same confidentiality rules.
 *
 *   /export.geojson?territoryCode=37261
 *   /export.geojson?lat=47.0&lon=0.5&radiusKm=10&layers=actors,flows&synergies=20
 */
export const GEOJSON_EXPORT_PATH = '/export.geojson';

/** RFC 7946 §12 registers this media type. */
export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

/** Options of {@link geojsonExportHandler}. */
export interface GeoJsonExportRouteOptions {
  db: Db;
  /** Verifies the bearer token, exactly as for GraphQL requests. */
  auth: AuthService;
  categories: CategoryService;
  /** Where unexpected errors are logged in full (the client gets a masked message). */
  logError: (error: unknown) => void;
}

const PARAMETERS = ['territoryCode', 'lat', 'lon', 'radiusKm', 'layers', 'synergies'] as const;
const LAYER_NAMES = GEO_LAYERS.map((layer) => layer.toLowerCase().replace(/_/g, '-'));
// Plain decimal notation only: "1e3", "0x10", "Infinity" or "" are typos in a URL, not numbers.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function bad(parameter: string, message: string): never {
  throw new ValidationError(`${parameter}: ${message}`, [parameter]);
}

/** Quotes a value the user gave, cut short, for an error message (the answer is JSON, never HTML). */
const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** One value of a parameter; a repeated parameter is refused (which one would win is a guess). */
function single(query: Record<string, unknown>, name: string): string | null {
  const value = query[name];
  if (value === undefined) return null;
  if (Array.isArray(value)) bad(name, 'is given more than once; give it once.');
  return String(value).trim();
}

function decimal(query: Record<string, unknown>, name: string, example: string): number | null {
  const text = single(query, name);
  if (text === null) return null;
  if (!DECIMAL.test(text)) bad(name, `must be a decimal number such as ${example} (got ${quoted(text)}).`);
  return Number(text);
}

function layersOf(query: Record<string, unknown>): GeoLayer[] | null {
  const value = query.layers;
  if (value === undefined) return null;
  // Both "layers=actors,flows" and "layers=actors&layers=flows" are common in URLs.
  const names = (Array.isArray(value) ? value.map(String) : [String(value)]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (names.length === 0) bad('layers', `give at least one of ${LAYER_NAMES.join(', ')} (or leave layers out to get them all).`);
  return names.map((name) => {
    const layer = name.toUpperCase().replace(/-/g, '_');
    if (!(GEO_LAYERS as readonly string[]).includes(layer)) bad('layers', `unknown layer ${quoted(name)}; use ${LAYER_NAMES.join(', ')}, separated by commas.`);
    return layer as GeoLayer;
  });
}

/**
 * Reads the export request from a URL query, naming the parameter in every refusal.
 *
 * @param query the parsed query string (values are strings, or arrays when repeated)
 * @returns the request for `ExportService.geojson`
 * @throws ValidationError (BAD_USER_INPUT) naming the offending parameter
 * @example parseExportQuery({ lat: '47.0', lon: '0.5', radiusKm: '10' }) // { near: { lat: 47, lon: 0.5 }, radiusKm: 10, ... }
 */
export function parseExportQuery(query: Record<string, unknown>): GeoExportRequest {
  const unknown = Object.keys(query).find((key) => !(PARAMETERS as readonly string[]).includes(key));
  if (unknown !== undefined) bad(unknown, `is not a parameter of ${GEOJSON_EXPORT_PATH}; use ${PARAMETERS.join(', ')}.`);
  const territoryCode = single(query, 'territoryCode');
  if (territoryCode !== null && (territoryCode.length < 1 || territoryCode.length > 100)) {
    bad('territoryCode', 'must be a territory code of 1 to 100 characters, such as "37261" (commune) or "37" (département).');
  }
  const lat = decimal(query, 'lat', '47.0');
  const lon = decimal(query, 'lon', '0.5');
  const radiusKm = decimal(query, 'radiusKm', '10');
  const circle = lat !== null || lon !== null || radiusKm !== null;
  if (territoryCode !== null && circle) bad('territoryCode', 'give either territoryCode or a circle (lat, lon and radiusKm), not both.');
  if (territoryCode === null && !circle) {
    bad('territoryCode', `say what to export: ${GEOJSON_EXPORT_PATH}?territoryCode=37261, or ${GEOJSON_EXPORT_PATH}?lat=47.0&lon=0.5&radiusKm=10.`);
  }
  if (circle) {
    for (const [name, value] of [['lat', lat], ['lon', lon], ['radiusKm', radiusKm]] as const) {
      if (value === null) bad(name, 'is missing: a circle needs lat, lon and radiusKm.');
    }
    if (Math.abs(lat!) > 90) bad('lat', `latitude must be between -90 and 90 degrees (got ${lat}).`);
    if (Math.abs(lon!) > 180) bad('lon', `longitude must be between -180 and 180 degrees (got ${lon}).`);
  }
  const synergiesText = single(query, 'synergies');
  if (synergiesText !== null && !/^\d+$/.test(synergiesText)) bad('synergies', `must be a whole number such as 50 (got ${quoted(synergiesText)}).`);
  return {
    territoryCode,
    near: circle ? { lat: lat!, lon: lon! } : null,
    radiusKm,
    layers: layersOf(query),
    synergies: synergiesText === null ? null : Number(synergiesText),
  };
}

function sendError(res: Response, status: number, body: Record<string, unknown>): void {
  res.status(status).set('Cache-Control', 'no-store').json(body);
}

/**
 * The Express handler of {@link GEOJSON_EXPORT_PATH}. Answers the FeatureCollection as an
 * attachment `maillage-<scope>.geojson`; 400 with `{ error, parameter }` for a bad parameter;
 * 401 when a bearer token is sent but invalid or expired (a file silently missing the caller's
 * confidential flows would mislead more than an error).
 */
export function geojsonExportHandler(options: GeoJsonExportRouteOptions): RequestHandler {
  return async (req: Request, res: Response) => {
    // The same context as a GraphQL request: same token check, same services, same rules.
    const ctx = await createContext(options.db, options.auth, options.categories, req.headers.authorization);
    if (ctx.authError) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      sendError(res, 401, { error: `${ctx.authError.message} Or send no Authorization header to export only what anyone may see.`, code: 'UNAUTHENTICATED' });
      return;
    }
    try {
      const request = parseExportQuery(req.query as Record<string, unknown>);
      const { scope, collection } = await ctx.exports.geojson(request, ctx.user, '');
      res.status(200).set({
        'Content-Type': GEOJSON_MEDIA_TYPE,
        'Content-Disposition': `attachment; filename="maillage-${scope}.geojson"`,
        // What a file holds depends on who asked: never cache it for someone else.
        'Cache-Control': 'private, no-store',
        Vary: 'Authorization',
      });
      // A Buffer keeps the media type exactly as registered (Express adds a charset to strings).
      res.send(Buffer.from(JSON.stringify(collection), 'utf8'));
    } catch (error) {
      const mapped = mapDriverError(error);
      if (mapped instanceof ValidationError) {
        sendError(res, 400, { error: mapped.message, code: 'BAD_USER_INPUT', parameter: mapped.fields[0] ?? null });
        return;
      }
      options.logError(error);
      sendError(res, 500, { error: 'Internal server error: the problem was logged.', code: 'INTERNAL_SERVER_ERROR' });
    }
  };
}
