import { Db, Tx } from '../../graph/database';
import {
  countTerritories, findActorLocationsInBox, findCustomTerritoriesAround, findTerritoriesByCode, listTerritories,
  locateActorsIn, upsertTerritories,
} from '../../graph/repositories/territory-repository';
import { territoryKey } from '../../seeds/reference/french-territories';
import { boundingBox, isInside, polygonProblems } from '../domain/geo/geo';
import { GeoPoint, Page, TerritoryLevel, TerritoryRecord } from '../domain/model';
import { foldText } from '../domain/text/fold';
import { ValidationError } from '../errors';

/** When a bare code names several territories (département "11" and région "11"), the smaller wins. */
const LEVEL_PRECEDENCE: TerritoryLevel[] = ['COMMUNE', 'EPT', 'EPCI', 'DEPARTEMENT', 'CUSTOM', 'REGION'];

/** Picks the territory a code means, given the territories that carry it. */
export function pickTerritory(candidates: TerritoryRecord[], level?: TerritoryLevel | null): TerritoryRecord | null {
  const eligible = level ? candidates.filter((t) => t.level === level) : candidates;
  return [...eligible].sort((a, b) => LEVEL_PRECEDENCE.indexOf(a.level) - LEVEL_PRECEDENCE.indexOf(b.level))[0] ?? null;
}

export interface CustomTerritoryData {
  code: string;
  name: string;
  geometry: unknown;
}

export interface TerritorySearchData {
  level?: TerritoryLevel | null;
  parentCode?: string | null;
  name?: string | null;
}

/** Territories: the French hierarchy (reference data) and custom territories drawn by users. */
export class TerritoryService {
  constructor(private readonly db: Db) {}

  /** The territory a code names, or null. */
  async find(code: string, level?: TerritoryLevel | null): Promise<TerritoryRecord | null> {
    return pickTerritory(await this.db.read((tx) => findTerritoriesByCode(tx, code)), level);
  }

  /** The key of the territory a filter's `territoryCode` names; a clear error when unknown. */
  async resolveKey(code: string | null | undefined, field = 'territoryCode'): Promise<string | null> {
    return (await this.resolve(code, field))?.key ?? null;
  }

  /** The territory a filter's code names (null when no code is given); a clear error when unknown. */
  async resolve(code: string | null | undefined, field = 'territoryCode'): Promise<TerritoryRecord | null> {
    if (!code) return null;
    const territory = await this.find(code);
    if (!territory) {
      throw new ValidationError(`${field}: no territory has the code '${code}'. Use an INSEE code (commune "94081", EPT/EPCI SIREN "200058014", département "94"), "REGION:11" for a région, or a custom territory's code.`, [field]);
    }
    return territory;
  }

  async list(search: TerritorySearchData, limit: number, afterKey: string | null): Promise<Page<TerritoryRecord>> {
    const parentKey = await this.resolveKey(search.parentCode, 'filter.parentCode');
    const repoSearch = { level: search.level ?? null, parentKey, nameContains: search.name ? foldText(search.name) : null };
    return this.db.read(async (tx) => {
      const totalCount = await countTerritories(tx, repoSearch);
      const items = await listTerritories(tx, repoSearch, limit + 1, afterKey);
      return { items: items.slice(0, limit), totalCount, hasNextPage: items.length > limit };
    });
  }

  /**
   * Creates a custom territory from a GeoJSON polygon and places inside it every actor whose
   * location falls within the polygon.
   */
  async createCustom(data: CustomTerritoryData): Promise<TerritoryRecord> {
    const problems = polygonProblems(data.geometry);
    if (problems.length) throw new ValidationError(`geometry: ${problems.join('; ')}.`, ['geometry']);
    const geometry = data.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const key = territoryKey('CUSTOM', data.code);
    const bbox = boundingBox(geometry);
    return this.db.write(async (tx) => {
      const clash = pickTerritory(await findTerritoriesByCode(tx, data.code));
      if (clash) {
        throw new ValidationError(`code: '${data.code}' is already the code of ${clash.level} "${clash.name}"; choose another code (a prefix such as "gt-" avoids official codes).`, ['code']);
      }
      await upsertTerritories(tx, [{ key, code: data.code, name: data.name, level: 'CUSTOM', parentKeys: [], geometry: JSON.stringify(geometry), bbox }]);
      const candidates = await findActorLocationsInBox(tx, bbox);
      const inside = candidates.filter((a) => isInside(a, geometry)).map((a) => a.id);
      await locateActorsIn(tx, key, inside);
      return { key, code: data.code, name: data.name, level: 'CUSTOM', geometry };
    });
  }
}

/**
 * The territories an actor at `location` belongs to directly: its commune (checked to exist)
 * and every custom territory whose polygon contains it. Runs inside the caller's transaction.
 */
export async function territoryKeysFor(tx: Tx, location: GeoPoint, communeCode: string | null | undefined): Promise<string[]> {
  const keys: string[] = [];
  if (communeCode) {
    const communes = (await findTerritoriesByCode(tx, communeCode)).filter((t) => t.level === 'COMMUNE');
    if (!communes.length) {
      throw new ValidationError(`communeCode: '${communeCode}' is not an INSEE code of a current French commune.`, ['communeCode']);
    }
    keys.push(communes[0].key);
  }
  for (const custom of await findCustomTerritoriesAround(tx, location.lat, location.lon)) {
    if (custom.geometry && isInside(location, custom.geometry)) keys.push(custom.key);
  }
  return keys;
}
