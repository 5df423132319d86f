import { Db, Tx } from '../../graph/database';
import { findActorsByIds } from '../../graph/repositories/actor-repository';
import { recordActorRelation, removeActorRelation } from '../../graph/repositories/actor-relation-repository';
import { ActorRelationRecord, ActorRelationType, checkRelation, RelationRequest } from '../domain/relations/actor-relation';
import { NotFoundError, ValidationError } from '../errors';
import { AuthUser } from './auth-service';

/** A relation to record, as given by the input layer (absent optional fields are undefined). */
export type RecordActorRelationData = RelationRequest;

/**
 * Throws NOT_FOUND for the first of the two actors that does not exist. Runs in the write
 * transaction that follows, so the check and the write see the same graph.
 */
async function assertActorsExist(tx: Tx, fromActorId: string, toActorId: string): Promise<void> {
  const [from, to] = await findActorsByIds(tx, [fromActorId, toActorId]);
  if (!from) throw new NotFoundError('Actor', fromActorId);
  if (!to) throw new NotFoundError('Actor', toActorId);
}

/**
 * Known relations between actors (supplies, client of, cooperates with, board member of):
 * recorded and removed by authenticated users, read through `Actor.relations`.
 */
export class ActorRelationService {
  constructor(private readonly db: Db) {}

  /**
   * Records a relation, or updates the one already recorded for the same actors and type (for
   * COOPERATES_WITH, in either direction). Every rule is checked before anything is written:
   * BAD_USER_INPUT naming each wrong field of `input`, then NOT_FOUND for an unknown actor.
   *
   * @param data the relation; an absent `since` or `description` keeps the stored value
   * @param by the caller, kept as `recordedBy`
   * @param now the current instant (for `since`: not in the future)
   */
  async record(data: RecordActorRelationData, by: AuthUser, now = new Date()): Promise<ActorRelationRecord> {
    const checked = checkRelation(data, now);
    if (checked.problems.length) {
      const fields = checked.problems.map((p) => `input.${p.field}`);
      const lines = checked.problems.map((p) => `input.${p.field}: ${p.message}`);
      throw new ValidationError(`Invalid input to recordActorRelation: ${lines.join('; ')}.`, [...new Set(fields)]);
    }
    return this.db.write(async (tx) => {
      await assertActorsExist(tx, data.fromActorId, data.toActorId);
      const relation = await recordActorRelation(tx, {
        type: data.type,
        fromActorId: data.fromActorId,
        toActorId: data.toActorId,
        since: checked.since,
        description: checked.description,
        recordedBy: by.email,
      });
      // Both actors were just found in this transaction; a null here means one was deleted
      // between the two statements, which is the same answer for the caller.
      if (!relation) throw new NotFoundError('Actor', data.fromActorId);
      return relation;
    });
  }

  /**
   * Removes the relation of this type between two actors (for COOPERATES_WITH, in either
   * direction). NOT_FOUND for an unknown actor.
   *
   * @returns true when a relation was removed, false when there was none to remove
   */
  remove(fromActorId: string, toActorId: string, type: ActorRelationType): Promise<boolean> {
    return this.db.write(async (tx) => {
      await assertActorsExist(tx, fromActorId, toActorId);
      return removeActorRelation(tx, fromActorId, toActorId, type);
    });
  }
}
