import { randomUUID } from 'node:crypto';
import { Db } from '../../graph/database';
import { findActorsByIds } from '../../graph/repositories/actor-repository';
import { findFlowsByIds } from '../../graph/repositories/flow-repository';
import {
  appendSynergyEvent, countTrackedSynergies, createSynergy, findStatusHistories, findSynergiesByIds,
  findSynergyIdByFlowKey, listTrackedSynergies, lockSynergy, TrackedSynergyCursor,
} from '../../graph/repositories/synergy-pipeline-repository';
import { canSee } from '../domain/access/confidentiality';
import { ActorRecord, FlowRecord, Page, TerritoryRecord } from '../domain/model';
import { funnel, FunnelStage } from '../domain/synergy/funnel';
import {
  AbandonReason, checkMove, compositionProblem, INITIAL_STATUS, Problem, SynergyKind, SynergyStatus, TrackedSynergyRecord,
} from '../domain/synergy/pipeline';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { AuthUser } from './auth-service';
import { decodeCursor, encodeCursor } from './paging';
import { TerritoryService } from './territory-service';

/** A synergy to track, as validated by the input layer. */
export interface TrackSynergyData {
  kind: SynergyKind;
  flowIds: string[];
  title?: string | null;
  comment?: string | null;
}

/** A status change, as validated by the input layer. */
export interface MoveSynergyData {
  status: SynergyStatus;
  reason?: AbandonReason | null;
  comment?: string | null;
}

export interface TrackedSynergyFilterData {
  territoryCode?: string | null;
  status?: SynergyStatus | null;
  kind?: SynergyKind | null;
  actorId?: string | null;
}

/** The funnel of the synergies of a territory (or of all of them). */
export interface FunnelData {
  territory: TerritoryRecord | null;
  total: number;
  stages: FunnelStage[];
}

// Longest generated title; titles given by users are limited by the input layer.
const MAX_TITLE = 200;

const isCursor = (v: unknown): v is TrackedSynergyCursor =>
  typeof v === 'object' && v !== null && typeof (v as TrackedSynergyCursor).createdAt === 'string' && typeof (v as TrackedSynergyCursor).id === 'string'
  && !Number.isNaN(Date.parse((v as TrackedSynergyCursor).createdAt));

function refuse(problem: Problem): never {
  throw new ValidationError(`${problem.field}: ${problem.message}`, [problem.field]);
}

/** Empty or blank text means none. */
function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * A title from the actors' names only: flow descriptions may be confidential, names are not.
 */
function defaultTitle(kind: SynergyKind, flows: FlowRecord[], actors: Map<string, ActorRecord>): string {
  const name = (actorId: string) => actors.get(actorId)?.name ?? actorId;
  let title: string;
  if (kind === 'SUBSTITUTION') {
    const offer = flows.find((f) => f.direction === 'OFFER')!;
    const need = flows.find((f) => f.direction === 'NEED')!;
    title = `Substitution : ${name(offer.actorId)} → ${name(need.actorId)}`;
  } else {
    const names = [...new Set(flows.map((f) => name(f.actorId)))];
    title = `Mutualisation : ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` et ${names.length - 3} autre(s)` : ''}`;
  }
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

/**
 * The synergy pipeline: a facilitator turns a lead into a tracked synergy and moves it from
 * IDENTIFIED to IMPLEMENTED or ABANDONED; every change is kept with who, when and a comment.
 */
export class SynergyPipelineService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
  ) {}

  /**
   * Tracks a synergy between existing flows, in status IDENTIFIED. A flow the caller may not
   * see is reported as not found, like one that does not exist. The same set of flows cannot be
   * tracked twice (CONFLICT naming the synergy; an abandoned one is reopened instead).
   */
  async track(data: TrackSynergyData, by: AuthUser): Promise<TrackedSynergyRecord> {
    const flowIds = [...new Set(data.flowIds)];
    const flowKey = `${data.kind}:${[...flowIds].sort().join(',')}`;
    const id = randomUUID();
    return this.db.write(async (tx) => {
      const found = await findFlowsByIds(tx, flowIds);
      const missing = flowIds.find((flowId, i) => !found[i] || !canSee(by, found[i]!.confidentiality));
      if (missing !== undefined) throw new NotFoundError('Flow', missing);
      const flows = found as FlowRecord[];
      const problem = compositionProblem(data.kind, flows);
      if (problem) refuse(problem);
      const existing = await findSynergyIdByFlowKey(tx, flowKey);
      if (existing) {
        const hint = existing.status === 'ABANDONED' ? ': reopen it by moving it to IDENTIFIED' : '';
        throw new ConflictError(`These flows are already tracked as synergy '${existing.id}' (${existing.status})${hint}.`);
      }
      const actors = await findActorsByIds(tx, [...new Set(flows.map((f) => f.actorId))]);
      const byId = new Map(actors.filter((a): a is ActorRecord => a !== null).map((a) => [a.id, a]));
      await createSynergy(tx, {
        id,
        eventId: randomUUID(),
        kind: data.kind,
        status: INITIAL_STATUS,
        title: text(data.title) ?? defaultTitle(data.kind, flows, byId),
        flowKey,
        flowIds,
        by: by.email,
        comment: text(data.comment),
      });
      return (await findSynergiesByIds(tx, [id]))[0]!;
    });
  }

  /** Moves a synergy to another status under the pipeline's rules, recording the change. */
  async move(id: string, data: MoveSynergyData, by: AuthUser): Promise<TrackedSynergyRecord> {
    const comment = text(data.comment);
    return this.db.write(async (tx) => {
      if (!(await lockSynergy(tx, id))) throw new NotFoundError('Synergy', id);
      const [current] = await findSynergiesByIds(tx, [id]);
      const problem = checkMove(current!.status, { to: data.status, reason: data.reason ?? null, comment });
      if (problem) refuse(problem);
      await appendSynergyEvent(tx, id, { eventId: randomUUID(), to: data.status, reason: data.reason ?? null, comment, by: by.email });
      return (await findSynergiesByIds(tx, [id]))[0]!;
    });
  }

  /** A tracked synergy by id, or null. */
  async get(id: string): Promise<TrackedSynergyRecord | null> {
    const [synergy] = await this.db.read((tx) => findSynergiesByIds(tx, [id]));
    return synergy;
  }

  /** Tracked synergies matching a filter, newest first, one page at a time. */
  async search(
    filter: TrackedSynergyFilterData, limit: number, afterCursor: string | null | undefined,
  ): Promise<Page<TrackedSynergyRecord> & { cursorOf(s: TrackedSynergyRecord): string }> {
    const after = decodeCursor(afterCursor, isCursor);
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    const search = { ...filter, territoryKey };
    const page = await this.db.read(async (tx) => ({
      totalCount: await countTrackedSynergies(tx, search),
      items: await listTrackedSynergies(tx, search, limit + 1, after),
    }));
    return {
      items: page.items.slice(0, limit),
      totalCount: page.totalCount,
      hasNextPage: page.items.length > limit,
      cursorOf: (s) => encodeCursor({ createdAt: s.createdAt, id: s.id }),
    };
  }

  /**
   * The funnel of the synergies involving an actor of the territory (all synergies without a
   * territory), optionally of one kind: how many reached each stage, how many are there now,
   * and the median days spent in it.
   */
  async funnel(territoryCode: string | null | undefined, kind: SynergyKind | null | undefined, now = new Date()): Promise<FunnelData> {
    const territory = await this.territories.resolve(territoryCode, 'territoryCode');
    const histories = await this.db.read((tx) => findStatusHistories(tx, { territoryKey: territory?.key ?? null, kind: kind ?? null }));
    return { territory, total: histories.length, stages: funnel(histories, now) };
  }
}

