import { graphSearchMeters } from '../../graph/convert';
import { randomUUID } from 'node:crypto';
import { Db, Tx } from '../../graph/database';
import {
  ActorCursor, countActors, createActor, deleteActor, findActorsByIds, findActorsWithin, listActors,
  setActorTerritories, updateActor,
} from '../../graph/repositories/actor-repository';
import { findActorCommuneCode } from '../../graph/repositories/territory-repository';
import { Viewer, visibleConfidentialities } from '../domain/access/confidentiality';
import { distanceKm } from '../domain/geo/geo';
import { ActorFields, ActorKind, ActorRecord, Economy, GeoPoint, Page } from '../domain/model';
import { foldText, fullTextQuery } from '../domain/text/fold';
import { NotFoundError, ValidationError } from '../errors';
import { assertCategoryExists } from './category-service';
import { decodeCursor, encodeCursor } from './paging';
import { definedOnly } from './patch';
import { TerritoryService, territoryKeysFor } from './territory-service';

/** Fields of a new actor, as validated by the input layer. */
export interface ActorData extends ActorFields {
  /** INSEE code of its commune: places it in the territory hierarchy. */
  communeCode?: string | null;
}

export type ActorPatch = { [K in keyof ActorData]?: ActorData[K] | null };

export interface ActorSearchData {
  kinds?: ActorKind[] | null;
  economies?: Economy[] | null;
  territoryCode?: string | null;
  nafPrefix?: string | null;
  categoryCode?: string | null;
  text?: string | null;
}

/** Largest radius of a proximity search: beyond it "nearby" means nothing for EIT. */
export const MAX_RADIUS_KM = 1000;
export const DEFAULT_NEARBY_COUNT = 50;
export const MAX_NEARBY_COUNT = 1000;

function searchText(data: { name: string; description?: string | null; activities?: string | null }): string {
  return foldText([data.name, data.description, data.activities].filter(Boolean).join(' \n '));
}

function isActorCursor(value: unknown): value is ActorCursor {
  const v = value as ActorCursor;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.id === 'string';
}

/** Use cases on actors. */
export class ActorService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
  ) {}

  /**
   * Creates an actor and places it in its territories, in one transaction. With an externalId
   * that already exists, returns the stored actor unchanged.
   */
  async create(data: ActorData): Promise<ActorRecord> {
    return (await this.createOrFind(data)).actor;
  }

  /** As {@link create}, telling whether the actor was created or found by its externalId. */
  createOrFind(data: ActorData): Promise<{ actor: ActorRecord; created: boolean }> {
    return this.db.write((tx) => this.createOrFindIn(tx, data));
  }

  /** As {@link createOrFind}, inside a caller's transaction (imports write rows in batches). */
  async createOrFindIn(tx: Tx, data: ActorData): Promise<{ actor: ActorRecord; created: boolean }> {
    const keys = await territoryKeysFor(tx, data.location, data.communeCode);
    const result = await createActor(tx, randomUUID(), { ...data, searchText: searchText(data) });
    if (result.created) await setActorTerritories(tx, result.actor.id, keys);
    return result;
  }

  /** Changes the given fields; a new location or commune re-places the actor in its territories. */
  async update(id: string, patch: ActorPatch): Promise<ActorRecord> {
    for (const field of ['name', 'kind', 'economy', 'location'] as const) {
      if (field in patch && patch[field] === null) {
        throw new ValidationError(`${field}: is required and cannot be cleared.`, [field]);
      }
    }
    return this.db.write(async (tx) => {
      const [current] = await findActorsByIds(tx, [id]);
      if (!current) throw new NotFoundError('Actor', id);
      const merged: ActorData = { ...current, ...definedOnly(patch) } as ActorData;
      const updated = await updateActor(tx, id, { ...merged, searchText: searchText(merged) });
      if (patch.location !== undefined || patch.communeCode !== undefined) {
        const communeCode = patch.communeCode !== undefined ? patch.communeCode : await findActorCommuneCode(tx, id);
        await setActorTerritories(tx, id, await territoryKeysFor(tx, merged.location, communeCode));
      }
      return updated!;
    });
  }

  /** Deletes an actor and its flows. */
  async delete(id: string): Promise<boolean> {
    const deleted = await this.db.write((tx) => deleteActor(tx, id));
    if (!deleted) throw new NotFoundError('Actor', id);
    return true;
  }

  async get(id: string): Promise<ActorRecord | null> {
    const [actor] = await this.db.read((tx) => findActorsByIds(tx, [id]));
    return actor;
  }

  /** A page of actors matching the filter, by name. */
  async search(filter: ActorSearchData, viewer: Viewer | null, limit: number, afterCursor: string | null | undefined): Promise<Page<ActorRecord> & { cursorOf(a: ActorRecord): string }> {
    const after = decodeCursor(afterCursor, isActorCursor);
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    const textQuery = filter.text ? fullTextQuery(filter.text) : null;
    if (filter.text && !textQuery) {
      throw new ValidationError('filter.text: give at least one letter or digit to search for.', ['filter.text']);
    }
    const search = { ...filter, territoryKey, textQuery, confidentialities: visibleConfidentialities(viewer) };
    const page = await this.db.read(async (tx) => {
      await assertCategoryExists(tx, filter.categoryCode, 'filter.categoryCode');
      const totalCount = await countActors(tx, search);
      const items = await listActors(tx, search, limit + 1, after);
      return { totalCount, items };
    });
    return {
      items: page.items.slice(0, limit),
      totalCount: page.totalCount,
      hasNextPage: page.items.length > limit,
      cursorOf: (a) => encodeCursor({ name: a.name, id: a.id }),
    };
  }

  /** Actors within `radiusKm` of `near`, nearest first, with their distance in km. */
  async nearby(near: GeoPoint, radiusKm: number, first: number | null | undefined): Promise<{ actor: ActorRecord; distanceKm: number }[]> {
    if (!(radiusKm > 0) || radiusKm > MAX_RADIUS_KM) {
      throw new ValidationError(`radiusKm: must be greater than 0 and at most ${MAX_RADIUS_KM} (got ${radiusKm}).`, ['radiusKm']);
    }
    const limit = first ?? DEFAULT_NEARBY_COUNT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEARBY_COUNT) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_NEARBY_COUNT} (got ${first}).`, ['first']);
    }
    const actors = await this.db.read((tx) => findActorsWithin(tx, near, graphSearchMeters(radiusKm), limit));
    return actors
      .map((actor) => ({ actor, distanceKm: distanceKm(near, actor.location) }))
      .filter((hit) => hit.distanceKm <= radiusKm)
      .sort((a, b) => a.distanceKm - b.distanceKm || a.actor.id.localeCompare(b.actor.id));
  }
}
