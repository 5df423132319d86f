import { ActorKind } from '../../server/domain/model';
import { ParticipantSide, PlannedMeeting, SessionMode } from '../../server/domain/matchmaking/planning-problem';
import { ParticipantRecord } from '../../server/domain/matchmaking/registration';
import { SessionRecord, SessionSettings, SessionTheme } from '../../server/domain/matchmaking/session';
import { Tx } from '../database';
import { intParam, pointParam, stringOrNull, toGeoPoint, toIsoString, toNumber } from '../convert';

/**
 * Speed-meeting sessions in the graph:
 * `(:Participant {key: "<session>|<actor>"})-[:REGISTERED_FOR]->(:MatchmakingSession)`,
 * `(:Participant)-[:REPRESENTS]->(:Actor)`, wishes as `(:Participant)-[:WISHES {priority}]->(:Actor)`,
 * avoidances as `(:Participant)-[:AVOIDS]->(:Actor)`, and planned meetings as
 * `(:SessionMeeting)-[:PLANNED_IN]->(:MatchmakingSession)` with `(:SessionMeeting)-[:BETWEEN]->(:Actor)`.
 * Instants are stored as Neo4j datetimes; the theme as properties of the session.
 */

const NOW = "datetime.truncate('millisecond', datetime())";

/** A participant with the actor facts the pair scores and agendas need. */
export interface ParticipantRow extends ParticipantRecord {
  actorName: string;
  actorKind: ActorKind;
  nafCode: string | null;
}

export interface StoredMeeting extends PlannedMeeting {
  id: string;
  reasons: string[];
}

const SESSION_PROJECTION = `s {
  .id, .title, .startsAt, .timeZone, .rounds, .tables, .pitchMinutes, .exchangeMinutes, .changeoverMinutes, .mode,
  .venueName, .venueAddress, .venueLocation, .registrationDeadline, .themeTitle, .themeDescription, .themeNeedLabels,
  .themeNeedCategories, .createdAt, .createdBy, .scheduleSeed, .scheduledAt, .scheduleStale
}`;

function sessionFrom(value: unknown): SessionRecord {
  const s = value as Record<string, unknown>;
  const labels = (s.themeNeedLabels as string[] | null) ?? [];
  const categories = (s.themeNeedCategories as string[] | null) ?? [];
  const theme: SessionTheme | null = s.themeTitle
    ? {
        title: String(s.themeTitle),
        description: stringOrNull(s.themeDescription),
        // An empty string stands for "no category": lists cannot hold nulls.
        needs: labels.map((label, i) => ({ label, categoryCode: categories[i] || null })),
      }
    : null;
  return {
    id: String(s.id),
    title: String(s.title),
    startsAt: toIsoString(s.startsAt),
    timeZone: String(s.timeZone),
    rounds: toNumber(s.rounds)!,
    tables: toNumber(s.tables)!,
    pitchMinutes: toNumber(s.pitchMinutes)!,
    exchangeMinutes: toNumber(s.exchangeMinutes)!,
    changeoverMinutes: toNumber(s.changeoverMinutes)!,
    mode: s.mode as SessionMode,
    venueName: stringOrNull(s.venueName),
    venueAddress: stringOrNull(s.venueAddress),
    venueLocation: s.venueLocation ? toGeoPoint(s.venueLocation) : null,
    registrationDeadline: s.registrationDeadline ? toIsoString(s.registrationDeadline) : null,
    theme,
    createdAt: toIsoString(s.createdAt),
    createdBy: String(s.createdBy ?? ''),
    scheduleSeed: toNumber(s.scheduleSeed),
    scheduledAt: s.scheduledAt ? toIsoString(s.scheduledAt) : null,
    scheduleStale: Boolean(s.scheduleStale),
  };
}

function settingsParams(settings: SessionSettings): Record<string, unknown> {
  return {
    title: settings.title,
    startsAt: settings.startsAt,
    timeZone: settings.timeZone,
    rounds: intParam(settings.rounds),
    tables: intParam(settings.tables),
    pitchMinutes: intParam(settings.pitchMinutes),
    exchangeMinutes: intParam(settings.exchangeMinutes),
    changeoverMinutes: intParam(settings.changeoverMinutes),
    mode: settings.mode,
    venueName: settings.venueName,
    venueAddress: settings.venueAddress,
    venueLocation: settings.venueLocation ? pointParam(settings.venueLocation) : null,
    registrationDeadline: settings.registrationDeadline,
    themeTitle: settings.theme?.title ?? null,
    themeDescription: settings.theme?.description ?? null,
    themeNeedLabels: settings.theme?.needs.map((n) => n.label) ?? null,
    themeNeedCategories: settings.theme?.needs.map((n) => n.categoryCode ?? '') ?? null,
  };
}

/** Creates a session. */
export async function createSession(tx: Tx, id: string, settings: SessionSettings, createdBy: string): Promise<SessionRecord> {
  const result = await tx.run(
    `CREATE (s:MatchmakingSession {id: $id})
     SET s += $props, s.startsAt = datetime($startsAt), s.registrationDeadline = datetime($registrationDeadline),
         s.createdAt = ${NOW}, s.createdBy = $createdBy, s.scheduleStale = false
     RETURN ${SESSION_PROJECTION} AS session`,
    { id, props: { ...settingsParams(settings), startsAt: null, registrationDeadline: null }, startsAt: settings.startsAt, registrationDeadline: settings.registrationDeadline, createdBy },
  );
  return sessionFrom(result.records[0].get('session'));
}

/** Replaces a session's settings; `stale` marks a stored schedule as needing a new run. */
export async function updateSession(tx: Tx, id: string, settings: SessionSettings, stale: boolean): Promise<SessionRecord> {
  const result = await tx.run(
    `MATCH (s:MatchmakingSession {id: $id})
     SET s += $props, s.startsAt = datetime($startsAt), s.registrationDeadline = datetime($registrationDeadline),
         s.scheduleStale = s.scheduleStale OR ($stale AND s.scheduledAt IS NOT NULL)
     RETURN ${SESSION_PROJECTION} AS session`,
    { id, props: { ...settingsParams(settings), startsAt: null, registrationDeadline: null }, startsAt: settings.startsAt, registrationDeadline: settings.registrationDeadline, stale },
  );
  return sessionFrom(result.records[0].get('session'));
}

/** One session; null when unknown. */
export async function findSession(tx: Tx, id: string): Promise<SessionRecord | null> {
  const result = await tx.run(`MATCH (s:MatchmakingSession {id: $id}) RETURN ${SESSION_PROJECTION} AS session`, { id });
  return result.records.length ? sessionFrom(result.records[0].get('session')) : null;
}

/**
 * Sessions by start, soonest first; `from`/`to` bound the start (ISO instants, inclusive).
 *
 * @returns the page and the total count of sessions in the window
 */
export async function findSessions(tx: Tx, window: { from: string | null; to: string | null }, skip: number, limit: number): Promise<{ items: SessionRecord[]; total: number }> {
  const result = await tx.run(
    `MATCH (s:MatchmakingSession)
     WHERE ($from IS NULL OR s.startsAt >= datetime($from)) AND ($to IS NULL OR s.startsAt <= datetime($to))
     WITH s ORDER BY s.startsAt, s.id
     WITH collect(s) AS found
     RETURN size(found) AS total, [s IN found[$skip..($skip + $limit)] | ${SESSION_PROJECTION}] AS items`,
    { from: window.from, to: window.to, skip: intParam(skip), limit: intParam(limit) },
  );
  const record = result.records[0];
  return { total: toNumber(record.get('total')) ?? 0, items: (record.get('items') as unknown[]).map(sessionFrom) };
}

const PARTICIPANT_PROJECTION = `{
  sessionId: p.sessionId, actorId: a.id, actorName: a.name, actorKind: a.kind, nafCode: a.nafCode, side: p.side, personName: p.personName,
  personRole: p.personRole, availableRounds: p.availableRounds, registeredAt: p.registeredAt, checkedInAt: p.checkedInAt,
  absentFromRound: p.absentFromRound,
  wishes: COLLECT { MATCH (p)-[w:WISHES]->(x:Actor) WITH w, x ORDER BY x.id RETURN {actorId: x.id, priority: w.priority} },
  avoid: COLLECT { MATCH (p)-[:AVOIDS]->(x:Actor) WITH x ORDER BY x.id RETURN x.id }
}`;

function participantFrom(value: unknown): ParticipantRow {
  const p = value as Record<string, unknown>;
  return {
    sessionId: String(p.sessionId),
    actorId: String(p.actorId),
    actorName: String(p.actorName),
    actorKind: p.actorKind as ActorKind,
    nafCode: stringOrNull(p.nafCode),
    side: (p.side as ParticipantSide | null) ?? null,
    personName: stringOrNull(p.personName),
    personRole: stringOrNull(p.personRole),
    availableRounds: ((p.availableRounds as unknown[]) ?? []).map((r) => toNumber(r)!),
    wishes: (p.wishes as { actorId: string; priority: unknown }[]).map((w) => ({ actorId: w.actorId, priority: toNumber(w.priority)! })),
    avoid: p.avoid as string[],
    registeredAt: toIsoString(p.registeredAt),
    checkedInAt: p.checkedInAt ? toIsoString(p.checkedInAt) : null,
    absentFromRound: toNumber(p.absentFromRound),
  };
}

/** The participants of a session, by actor name. */
export async function findParticipants(tx: Tx, sessionId: string): Promise<ParticipantRow[]> {
  const result = await tx.run(
    `MATCH (s:MatchmakingSession {id: $sessionId})<-[:REGISTERED_FOR]-(p:Participant)-[:REPRESENTS]->(a:Actor)
     RETURN ${PARTICIPANT_PROJECTION} AS participant ORDER BY a.name, a.id`,
    { sessionId },
  );
  return result.records.map((r) => participantFrom(r.get('participant')));
}

/** Which of these actor ids exist. */
export async function existingActorIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  const result = await tx.run('UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id', { ids: [...new Set(ids)] });
  return new Set(result.records.map((r) => String(r.get('id'))));
}

/** Locks the session for the rest of the transaction, so that concurrent writes to it queue up. */
export async function lockSession(tx: Tx, sessionId: string): Promise<boolean> {
  const result = await tx.run('MATCH (s:MatchmakingSession {id: $sessionId}) SET s._lock = true REMOVE s._lock RETURN s.id', { sessionId });
  return result.records.length > 0;
}

/**
 * Registers an actor, or replaces its registration (rounds, wishes and avoidances are
 * rewritten whole). A session that had a schedule is marked stale.
 */
export async function upsertParticipant(
  tx: Tx,
  participant: Omit<ParticipantRecord, 'registeredAt' | 'checkedInAt' | 'absentFromRound'>,
): Promise<ParticipantRow> {
  const result = await tx.run(
    `MATCH (s:MatchmakingSession {id: $sessionId}), (a:Actor {id: $actorId})
     MERGE (p:Participant {key: $key})
       ON CREATE SET p.sessionId = $sessionId, p.registeredAt = ${NOW}
     MERGE (p)-[:REGISTERED_FOR]->(s)
     MERGE (p)-[:REPRESENTS]->(a)
     SET p.side = $side, p.personName = $personName, p.personRole = $personRole, p.availableRounds = $availableRounds,
         s.scheduleStale = s.scheduledAt IS NOT NULL
     WITH p, a
     CALL (p) { MATCH (p)-[r:WISHES|AVOIDS]->() DELETE r }
     CALL (p) { UNWIND $wishes AS wish MATCH (x:Actor {id: wish.actorId}) CREATE (p)-[:WISHES {priority: wish.priority}]->(x) }
     CALL (p) { UNWIND $avoid AS avoided MATCH (x:Actor {id: avoided}) CREATE (p)-[:AVOIDS]->(x) }
     RETURN ${PARTICIPANT_PROJECTION} AS participant`,
    {
      key: `${participant.sessionId}|${participant.actorId}`,
      sessionId: participant.sessionId,
      actorId: participant.actorId,
      side: participant.side,
      personName: participant.personName,
      personRole: participant.personRole,
      availableRounds: participant.availableRounds.map(intParam),
      wishes: participant.wishes.map((w) => ({ actorId: w.actorId, priority: intParam(w.priority) })),
      avoid: participant.avoid,
    },
  );
  return participantFrom(result.records[0].get('participant'));
}

/** Removes a registration and the participant's planned meetings; false when not registered. */
export async function deleteParticipant(tx: Tx, sessionId: string, actorId: string): Promise<boolean> {
  const result = await tx.run(
    `MATCH (p:Participant {key: $key})-[:REGISTERED_FOR]->(s:MatchmakingSession)
     SET s.scheduleStale = s.scheduledAt IS NOT NULL
     DETACH DELETE p
     RETURN count(*) AS removed`,
    { key: `${sessionId}|${actorId}` },
  );
  return (toNumber(result.records[0]?.get('removed')) ?? 0) > 0;
}

/** Sets check-in time or absence of a participant; null when not registered. */
export async function updateAttendance(
  tx: Tx,
  sessionId: string,
  actorId: string,
  change: { checkedIn?: boolean; absentFromRound?: number | null },
): Promise<ParticipantRow | null> {
  const result = await tx.run(
    `MATCH (p:Participant {key: $key})-[:REPRESENTS]->(a:Actor)
     SET p.checkedInAt = CASE WHEN $checkedIn IS NULL THEN p.checkedInAt WHEN $checkedIn THEN coalesce(p.checkedInAt, ${NOW}) ELSE null END,
         p.absentFromRound = CASE WHEN $setAbsence THEN $absentFromRound ELSE p.absentFromRound END
     RETURN ${PARTICIPANT_PROJECTION} AS participant`,
    {
      key: `${sessionId}|${actorId}`,
      checkedIn: change.checkedIn ?? null,
      setAbsence: change.absentFromRound !== undefined,
      absentFromRound: change.absentFromRound == null ? null : intParam(change.absentFromRound),
    },
  );
  return result.records.length ? participantFrom(result.records[0].get('participant')) : null;
}

/** The planned meetings of a session, by round and table. */
export async function findMeetings(tx: Tx, sessionId: string): Promise<StoredMeeting[]> {
  const result = await tx.run(
    `MATCH (m:SessionMeeting {sessionId: $sessionId})
     RETURN m {.id, .round, .table, .a, .b, .score, .reasons} AS meeting ORDER BY m.round, m.table`,
    { sessionId },
  );
  return result.records.map((r) => {
    const m = r.get('meeting') as Record<string, unknown>;
    return {
      id: String(m.id), round: toNumber(m.round)!, table: toNumber(m.table)!, a: String(m.a), b: String(m.b),
      score: toNumber(m.score) ?? 0, reasons: (m.reasons as string[] | null) ?? [],
    };
  });
}

/**
 * Replaces the meetings of rounds ≥ `fromRound` (1 = the whole schedule) and records the seed.
 * A meeting that stays (same round, table and pair) keeps its node, its id and anything
 * attached to it; the others are deleted and the new ones created with fresh ids, so an id
 * never comes to mean another meeting.
 */
export async function replaceMeetings(
  tx: Tx,
  sessionId: string,
  fromRound: number,
  meetings: readonly (PlannedMeeting & { reasons: string[] })[],
  seed: number,
): Promise<void> {
  const rows = meetings
    .filter((m) => m.round >= fromRound)
    .map((m) => ({ key: meetingKey(m), round: intParam(m.round), table: intParam(m.table), a: m.a, b: m.b, score: m.score, reasons: m.reasons }));
  await tx.run(
    `MATCH (m:SessionMeeting {sessionId: $sessionId}) WHERE m.round >= $fromRound AND NOT m.key IN $keys DETACH DELETE m`,
    { sessionId, fromRound: intParam(fromRound), keys: rows.map((r) => r.key) },
  );
  await tx.run(
    `MATCH (s:MatchmakingSession {id: $sessionId})
     SET s.scheduleSeed = $seed, s.scheduledAt = ${NOW}, s.scheduleStale = false
     WITH s
     UNWIND $rows AS row
     MATCH (a:Actor {id: row.a}), (b:Actor {id: row.b})
     OPTIONAL MATCH (kept:SessionMeeting {sessionId: $sessionId, key: row.key})
     WITH s, a, b, row, kept WHERE kept IS NULL
     CREATE (m:SessionMeeting {id: randomUUID(), key: row.key, sessionId: $sessionId,
             round: row.round, table: row.table, a: row.a, b: row.b, score: row.score, reasons: row.reasons})
     CREATE (m)-[:PLANNED_IN]->(s), (m)-[:BETWEEN]->(a), (m)-[:BETWEEN]->(b)`,
    { sessionId, seed: intParam(seed), rows },
  );
}

/** What identifies a meeting across re-plans: its round, table and pair. */
function meetingKey(m: PlannedMeeting): string {
  return `${m.round}|${m.table}|${m.a}|${m.b}`;
}

/** The categories each of these actors offers and needs, among flows of these confidentiality levels. */
export async function findFlowCategoriesOfActors(
  tx: Tx,
  actorIds: readonly string[],
  confidentialities: readonly string[],
): Promise<Map<string, { offers: string[]; needs: string[] }>> {
  const result = await tx.run(
    `UNWIND $actorIds AS actorId
     MATCH (a:Actor {id: actorId})
     RETURN actorId,
       COLLECT { MATCH (a)-[:OFFERS]->(f:Flow) WHERE f.confidentiality IN $confidentialities AND f.categoryCode IS NOT NULL RETURN DISTINCT f.categoryCode } AS offers,
       COLLECT { MATCH (a)-[:NEEDS]->(f:Flow) WHERE f.confidentiality IN $confidentialities AND f.categoryCode IS NOT NULL RETURN DISTINCT f.categoryCode } AS needs`,
    { actorIds: [...new Set(actorIds)], confidentialities },
  );
  return new Map(result.records.map((r) => [String(r.get('actorId')), { offers: r.get('offers') as string[], needs: r.get('needs') as string[] }]));
}
