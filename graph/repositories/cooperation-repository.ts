import { Cooperation, CooperationStage, ReminderDone, StageHistoryEntry } from '../../server/domain/matchmaking/follow-up/cooperation';
import { FollowUpRequester, InterestLevel, MeetingFeedback } from '../../server/domain/matchmaking/follow-up/feedback';
import { Tx } from '../database';
import { intParam, stringOrNull, toIsoString, toNumber } from '../convert';

/**
 * What follows a speed meeting, in the graph:
 * - feedback: `(:Actor)-[:GAVE_FEEDBACK {interest, followUpWanted, note, recordedAt, recordedBy}]->(:SessionMeeting)`,
 *   one per side of a meeting;
 * - cooperations: `(:Cooperation)-[:BETWEEN]->(:Actor)` twice and `(:Cooperation)-[:BORN_AT]->(:SessionMeeting)`,
 *   their stages as `(:Cooperation)-[:HAD_STAGE]->(:CooperationStageChange {seq, ...})` and the
 *   reminders done as `(:Cooperation)-[:REMINDER_DONE]->(:CooperationReminderDone)`.
 */

const NOW = "datetime.truncate('millisecond', datetime())";

export interface StoredFeedback extends MeetingFeedback {
  meetingId: string;
  actorId: string;
  recordedAt: string;
  recordedBy: string;
}

export interface StoredCooperation extends Cooperation {
  meetingId: string;
  sessionId: string;
}

const FEEDBACK_PROJECTION = `{ meetingId: m.id, actorId: x.id, interest: f.interest, followUpWanted: f.followUpWanted, note: f.note,
  recordedAt: f.recordedAt, recordedBy: f.recordedBy }`;

function feedbackFrom(value: unknown): StoredFeedback {
  const f = value as Record<string, unknown>;
  return {
    meetingId: String(f.meetingId),
    actorId: String(f.actorId),
    interest: toNumber(f.interest) as InterestLevel,
    followUpWanted: Boolean(f.followUpWanted),
    note: stringOrNull(f.note),
    recordedAt: toIsoString(f.recordedAt),
    recordedBy: String(f.recordedBy ?? ''),
  };
}

/** Records one side's feedback on a meeting, replacing what that side said before. */
export async function upsertFeedback(tx: Tx, meetingId: string, actorId: string, feedback: MeetingFeedback, by: string): Promise<StoredFeedback> {
  const result = await tx.run(
    `MATCH (m:SessionMeeting {id: $meetingId}), (x:Actor {id: $actorId})
     MERGE (x)-[f:GAVE_FEEDBACK]->(m)
     SET f.interest = $interest, f.followUpWanted = $followUpWanted, f.note = $note, f.recordedAt = ${NOW}, f.recordedBy = $by
     RETURN ${FEEDBACK_PROJECTION} AS feedback`,
    { meetingId, actorId, interest: intParam(feedback.interest), followUpWanted: feedback.followUpWanted, note: feedback.note, by },
  );
  return feedbackFrom(result.records[0].get('feedback'));
}

/** The feedback given on the meetings of a session. */
export async function findSessionFeedback(tx: Tx, sessionId: string): Promise<StoredFeedback[]> {
  const result = await tx.run(
    `MATCH (x:Actor)-[f:GAVE_FEEDBACK]->(m:SessionMeeting {sessionId: $sessionId})
     RETURN ${FEEDBACK_PROJECTION} AS feedback ORDER BY m.round, m.table, x.id`,
    { sessionId },
  );
  return result.records.map((r) => feedbackFrom(r.get('feedback')));
}

/** The feedback given on each meeting, in the order of `meetingIds`. */
export async function findFeedbackOfMeetings(tx: Tx, meetingIds: readonly string[]): Promise<StoredFeedback[][]> {
  const result = await tx.run(
    `UNWIND $meetingIds AS meetingId
     MATCH (x:Actor)-[f:GAVE_FEEDBACK]->(m:SessionMeeting {id: meetingId})
     RETURN ${FEEDBACK_PROJECTION} AS feedback ORDER BY x.id`,
    { meetingIds },
  );
  const byMeeting = new Map<string, StoredFeedback[]>();
  for (const record of result.records) {
    const feedback = feedbackFrom(record.get('feedback'));
    byMeeting.set(feedback.meetingId, [...(byMeeting.get(feedback.meetingId) ?? []), feedback]);
  }
  return meetingIds.map((id) => byMeeting.get(id) ?? []);
}

const COOPERATION_PROJECTION = `c {
  .id, .meetingId, .sessionId, .actorAId, .actorBId, .meetingDate, .createdOn, .requestedBy,
  history: COLLECT { MATCH (c)-[:HAD_STAGE]->(h:CooperationStageChange)
                     WITH h ORDER BY h.seq RETURN h {.stage, .on, .note, .by, .publicContract} },
  remindersDone: COLLECT { MATCH (c)-[:REMINDER_DONE]->(r:CooperationReminderDone)
                           WITH r ORDER BY r.recordedAt RETURN r {.monthsAfter, .doneOn, .note} }
}`;

function cooperationFrom(value: unknown): StoredCooperation {
  const c = value as Record<string, unknown>;
  return {
    id: String(c.id),
    meetingId: String(c.meetingId),
    sessionId: String(c.sessionId),
    actorAId: String(c.actorAId),
    actorBId: String(c.actorBId),
    meetingDate: String(c.meetingDate),
    createdOn: String(c.createdOn),
    requestedBy: c.requestedBy as FollowUpRequester,
    history: (c.history as Record<string, unknown>[]).map((h) => ({
      stage: h.stage as CooperationStage,
      on: String(h.on),
      note: stringOrNull(h.note),
      by: String(h.by ?? ''),
      publicContract: Boolean(h.publicContract),
    })),
    remindersDone: (c.remindersDone as Record<string, unknown>[]).map((r) => ({
      monthsAfter: toNumber(r.monthsAfter)!,
      doneOn: String(r.doneOn),
      note: stringOrNull(r.note),
    })),
  };
}

/** Opens a cooperation born from a meeting, with its first stage. */
export async function createCooperation(tx: Tx, id: string, sessionId: string, cooperation: Omit<Cooperation, 'id'> & { meetingId: string }): Promise<StoredCooperation> {
  const first = cooperation.history[0];
  const result = await tx.run(
    `MATCH (m:SessionMeeting {id: $meetingId}), (a:Actor {id: $actorAId}), (b:Actor {id: $actorBId})
     CREATE (c:Cooperation {id: $id, meetingId: $meetingId, sessionId: $sessionId, actorAId: $actorAId, actorBId: $actorBId,
                            meetingDate: $meetingDate, createdOn: $createdOn, requestedBy: $requestedBy, createdAt: ${NOW}})
     CREATE (c)-[:BETWEEN]->(a), (c)-[:BETWEEN]->(b), (c)-[:BORN_AT]->(m)
     CREATE (c)-[:HAD_STAGE]->(:CooperationStageChange {seq: 0, stage: $stage.stage, on: $stage.on, note: $stage.note, by: $stage.by,
                                                        publicContract: $stage.publicContract, recordedAt: ${NOW}})
     RETURN ${COOPERATION_PROJECTION} AS cooperation`,
    {
      id, sessionId, meetingId: cooperation.meetingId, actorAId: cooperation.actorAId, actorBId: cooperation.actorBId,
      meetingDate: cooperation.meetingDate, createdOn: cooperation.createdOn, requestedBy: cooperation.requestedBy, stage: first,
    },
  );
  return cooperationFrom(result.records[0].get('cooperation'));
}

/** One cooperation; null when unknown. */
export async function findCooperation(tx: Tx, id: string): Promise<StoredCooperation | null> {
  const result = await tx.run(`MATCH (c:Cooperation {id: $id}) RETURN ${COOPERATION_PROJECTION} AS cooperation`, { id });
  return result.records.length ? cooperationFrom(result.records[0].get('cooperation')) : null;
}

/** The cooperation born from a meeting; null when none. */
export async function findCooperationOfMeeting(tx: Tx, meetingId: string): Promise<StoredCooperation | null> {
  const result = await tx.run(`MATCH (c:Cooperation {meetingId: $meetingId}) RETURN ${COOPERATION_PROJECTION} AS cooperation`, { meetingId });
  return result.records.length ? cooperationFrom(result.records[0].get('cooperation')) : null;
}

/** Cooperations of a session and/or involving an actor (both null: all), oldest first. */
export async function findCooperations(tx: Tx, filter: { sessionId: string | null; actorId: string | null }): Promise<StoredCooperation[]> {
  const result = await tx.run(
    `MATCH (c:Cooperation)
     WHERE ($sessionId IS NULL OR c.sessionId = $sessionId) AND ($actorId IS NULL OR $actorId IN [c.actorAId, c.actorBId])
     RETURN ${COOPERATION_PROJECTION} AS cooperation ORDER BY c.createdOn, c.id`,
    filter,
  );
  return result.records.map((r) => cooperationFrom(r.get('cooperation')));
}

/** Records who asked for the follow-up, as feedback arrives from the second side. */
export async function setRequestedBy(tx: Tx, id: string, requestedBy: FollowUpRequester): Promise<void> {
  await tx.run('MATCH (c:Cooperation {id: $id}) SET c.requestedBy = $requestedBy', { id, requestedBy });
}

/** Appends a stage to a cooperation's history. */
export async function appendStage(tx: Tx, id: string, entry: StageHistoryEntry): Promise<StoredCooperation> {
  await tx.run(
    `MATCH (c:Cooperation {id: $id})
     WITH c, COUNT { (c)-[:HAD_STAGE]->() } AS seq
     CREATE (c)-[:HAD_STAGE]->(:CooperationStageChange {seq: seq, stage: $entry.stage, on: $entry.on, note: $entry.note, by: $entry.by,
                                                        publicContract: $entry.publicContract, recordedAt: ${NOW}})`,
    { id, entry },
  );
  return (await findCooperation(tx, id))!;
}

/** Records a reminder as done (a later record of the same reminder corrects the earlier one). */
export async function addReminderDone(tx: Tx, id: string, done: ReminderDone, by: string): Promise<StoredCooperation> {
  await tx.run(
    `MATCH (c:Cooperation {id: $id})
     CREATE (c)-[:REMINDER_DONE]->(:CooperationReminderDone {monthsAfter: $monthsAfter, doneOn: $doneOn, note: $note, by: $by, recordedAt: ${NOW}})`,
    { id, monthsAfter: intParam(done.monthsAfter), doneOn: done.doneOn, note: done.note, by },
  );
  return (await findCooperation(tx, id))!;
}
