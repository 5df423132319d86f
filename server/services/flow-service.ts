import { randomUUID } from 'node:crypto';
import { Db, Tx } from '../../graph/database';
import { findActorsByIds } from '../../graph/repositories/actor-repository';
import {
  addFlow, confirmFlowCategory, countFlows, findFlowsByIds, FlowWrite, listFlows, removeFlow, updateFlow,
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

/** A flow's category and whether it was inferred, as stored with the flow. */
type CategoryChoice = Pick<FlowWrite, 'categoryCode' | 'categoryInferred' | 'categoryConfidence'>;

const NO_CATEGORY: CategoryChoice = { categoryCode: null, categoryInferred: false, categoryConfidence: null };

const chosen = (categoryCode: string): CategoryChoice => ({ categoryCode, categoryInferred: false, categoryConfidence: null });

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
   * description (best suggestion of `categorize`, when it is confident enough) and stored as
   * inferred, with its confidence, for a facilitator to confirm or correct.
   */
  async add(data: FlowData): Promise<FlowRecord> {
    const write = this.toWrite(data, data.categoryCode ? chosen(data.categoryCode) : this.inferred(data.description));
    return this.db.write((tx) => this.writeNew(tx, data.actorId, write));
  }

  /** As {@link add}, inside a caller's transaction (imports write rows in batches). */
  addIn(tx: Tx, data: FlowData): Promise<FlowRecord> {
    return this.writeNew(tx, data.actorId, this.toWrite(data, data.categoryCode ? chosen(data.categoryCode) : this.inferred(data.description)));
  }

  private async writeNew(tx: Tx, actorId: string, write: FlowWrite): Promise<FlowRecord> {
    const [actor] = await findActorsByIds(tx, [actorId]);
    if (!actor) throw new NotFoundError('Actor', actorId);
    await assertCategoryExists(tx, write.categoryCode, 'categoryCode');
    return (await addFlow(tx, actorId, randomUUID(), write))!;
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
      const write = this.toWrite(merged, this.categoryAfterUpdate(current, patch, merged.description));
      await assertCategoryExists(tx, write.categoryCode, 'categoryCode');
      return (await updateFlow(tx, id, write))!;
    });
  }

  /**
   * Marks a flow's category as chosen by a person: the given category (a correction), or the
   * flow's current one (a confirmation of what was inferred).
   */
  async confirmCategory(id: string, categoryCode?: string | null): Promise<FlowRecord> {
    if (categoryCode === '') {
      throw new ValidationError('categoryCode: give a category code, or leave it out to confirm the current category.', ['categoryCode']);
    }
    return this.db.write(async (tx) => {
      const [current] = await findFlowsByIds(tx, [id]);
      if (!current) throw new NotFoundError('Flow', id);
      const code = categoryCode ?? current.categoryCode;
      if (!code) {
        throw new ValidationError('categoryCode: this flow has no category to confirm; give the right one (the categorize query suggests codes).', ['categoryCode']);
      }
      await assertCategoryExists(tx, code, 'categoryCode');
      return (await confirmFlowCategory(tx, id, code))!;
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

  /** The category inferred from a description, or none when no category is likely enough. */
  private inferred(description: string): CategoryChoice {
    const guess = this.categories.infer(description);
    return guess ? { categoryCode: guess.code, categoryInferred: true, categoryConfidence: guess.confidence } : NO_CATEGORY;
  }

  /**
   * The category of a flow after a patch. A category in the patch is a person's choice, and an
   * explicit null clears the category. Otherwise a category a person chose stays; an inferred one
   * follows the description (inferred again when the description changes, since it was only
   * ever a reading of it); a flow without category gets one inferred.
   */
  private categoryAfterUpdate(current: FlowRecord, patch: FlowPatch, description: string): CategoryChoice {
    if (patch.categoryCode !== undefined) return patch.categoryCode ? chosen(patch.categoryCode) : NO_CATEGORY;
    if (!current.categoryCode || (current.categoryInferred && description !== current.description)) return this.inferred(description);
    return { categoryCode: current.categoryCode, categoryInferred: current.categoryInferred, categoryConfidence: current.categoryConfidence };
  }

  private toWrite(data: FlowData, category: CategoryChoice): FlowWrite {
    if (data.quantity !== null && data.quantity !== undefined && !data.unit) {
      throw new ValidationError('unit: a quantity needs its unit, e.g. "t/yr", "MWh/yr", "m3/yr".', ['unit']);
    }
    const months = data.availableMonths ?? [];
    return {
      externalId: data.externalId ?? null,
      direction: data.direction,
      description: data.description,
      ...category,
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
