import { randomUUID } from 'node:crypto';
import { Db } from '../../graph/database';
import { findActorsByIds } from '../../graph/repositories/actor-repository';
import {
  addFlow, countFlows, findFlowsByIds, FlowWrite, listFlows, removeFlow, updateFlow,
} from '../../graph/repositories/flow-repository';
import { canSee, Viewer, visibleConfidentialities } from '../domain/access/confidentiality';
import { Confidentiality, FlowDirection, FlowRecord, Page, ResourceFamilyName } from '../domain/model';
import { foldText, fullTextQuery } from '../domain/text/fold';
import { NotFoundError, ValidationError } from '../errors';
import { assertCategoryExists, CategoryService } from './category-service';
import { decodeCursor, encodeCursor } from './paging';
import { definedOnly } from './patch';
import { TerritoryService } from './territory-service';

/** Fields of a new flow, as validated by the input layer. */
export interface FlowData {
  actorId: string;
  externalId?: string | null;
  direction: FlowDirection;
  description: string;
  categoryCode?: string | null;
  quantity?: number | null;
  unit?: string | null;
  temperatureC?: number | null;
  availableMonths?: number[] | null;
  confidentiality?: Confidentiality | null;
}

export type FlowPatch = { [K in Exclude<keyof FlowData, 'actorId' | 'externalId'>]?: FlowData[K] | null };

export interface FlowSearchData {
  actorId?: string | null;
  direction?: FlowDirection | null;
  categoryCode?: string | null;
  families?: ResourceFamilyName[] | null;
  territoryCode?: string | null;
  text?: string | null;
}

const isIdCursor = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** Use cases on resource flows. */
export class FlowService {
  constructor(
    private readonly db: Db,
    private readonly categories: CategoryService,
    private readonly territories: TerritoryService,
  ) {}

  /**
   * Adds a flow to an actor. Without a category code, the category is inferred from the
   * description (best suggestion of `categorize`, when it is confident enough).
   */
  async add(data: FlowData): Promise<FlowRecord> {
    const write = this.toWrite(data);
    return this.db.write(async (tx) => {
      const [actor] = await findActorsByIds(tx, [data.actorId]);
      if (!actor) throw new NotFoundError('Actor', data.actorId);
      await assertCategoryExists(tx, write.categoryCode, 'categoryCode');
      return (await addFlow(tx, data.actorId, randomUUID(), write))!;
    });
  }

  /** Changes the given fields of a flow; absent fields stay. */
  async update(id: string, patch: FlowPatch): Promise<FlowRecord> {
    for (const field of ['direction', 'description'] as const) {
      if (field in patch && patch[field] === null) throw new ValidationError(`${field}: is required and cannot be cleared.`, [field]);
    }
    return this.db.write(async (tx) => {
      const [current] = await findFlowsByIds(tx, [id]);
      if (!current) throw new NotFoundError('Flow', id);
      const merged: FlowData = { ...current, ...definedOnly(patch) } as FlowData;
      // A flow keeps its category (a person may have chosen it) unless the patch sets one; an
      // explicit null clears it. Only a flow left without category gets one inferred.
      const write = this.toWrite(merged, patch.categoryCode === undefined);
      await assertCategoryExists(tx, write.categoryCode, 'categoryCode');
      return (await updateFlow(tx, id, write))!;
    });
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.db.write((tx) => removeFlow(tx, id));
    if (!removed) throw new NotFoundError('Flow', id);
    return true;
  }

  /** A flow by id; null when it does not exist or the caller may not see it. */
  async get(id: string, viewer: Viewer | null): Promise<FlowRecord | null> {
    const [flow] = await this.db.read((tx) => findFlowsByIds(tx, [id]));
    return flow && canSee(viewer, flow.confidentiality) ? flow : null;
  }

  async search(filter: FlowSearchData, viewer: Viewer | null, limit: number, afterCursor: string | null | undefined): Promise<Page<FlowRecord> & { cursorOf(f: FlowRecord): string }> {
    const after = decodeCursor(afterCursor, isIdCursor);
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    const textQuery = filter.text ? fullTextQuery(filter.text) : null;
    if (filter.text && !textQuery) throw new ValidationError('filter.text: give at least one letter or digit to search for.', ['filter.text']);
    const search = { ...filter, territoryKey, textQuery, confidentialities: visibleConfidentialities(viewer) };
    const page = await this.db.read(async (tx) => {
      await assertCategoryExists(tx, filter.categoryCode, 'filter.categoryCode');
      const totalCount = await countFlows(tx, search);
      return { totalCount, items: await listFlows(tx, search, limit + 1, after?.id ?? null) };
    });
    return {
      items: page.items.slice(0, limit),
      totalCount: page.totalCount,
      hasNextPage: page.items.length > limit,
      cursorOf: (f) => encodeCursor({ id: f.id }),
    };
  }

  private toWrite(data: FlowData, inferCategory = true): FlowWrite {
    if (data.quantity !== null && data.quantity !== undefined && !data.unit) {
      throw new ValidationError('unit: a quantity needs its unit, e.g. "t/yr", "MWh/yr", "m3/yr".', ['unit']);
    }
    const months = data.availableMonths ?? [];
    return {
      externalId: data.externalId ?? null,
      direction: data.direction,
      description: data.description,
      categoryCode: data.categoryCode ?? (inferCategory ? this.categories.inferCode(data.description) : null),
      quantity: data.quantity ?? null,
      unit: data.unit ?? null,
      temperatureC: data.temperatureC ?? null,
      // Absent or all twelve months both mean "all year"; stored sorted without repeats.
      availableMonths: [...new Set(months)].sort((a, b) => a - b),
      confidentiality: data.confidentiality ?? 'PUBLIC',
      searchText: foldText(data.description),
    };
  }

}
