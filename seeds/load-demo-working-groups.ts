import * as fs from 'node:fs';
import * as path from 'node:path';
import { Db } from '../graph/database';
import { PROJECT_ROOT } from '../graph/project-root';
import { ActionLinkKind, Attendance, MemberRole } from '../server/domain/working-groups/model';
import { AuthUser } from '../server/services/auth-service';
import { TerritoryService } from '../server/services/territory-service';
import { ActionLinkInput, WorkingGroupService } from '../server/services/working-group-service';

export const DEMO_WORKING_GROUPS_FILE = path.join(PROJECT_ROOT, 'seeds', 'demo', 'working-groups.json');

interface DemoPerson {
  /** How the file names the person in members, attendance, owners and contributors. */
  key: string;
  name: string;
  email: string;
  /** externalId of the demo actor the person works for. */
  actor: string;
}

interface DemoMember {
  person: string;
  role: MemberRole;
  joinedOn: string;
  roleChanges?: { on: string; role: MemberRole }[];
  leftOn?: string | null;
}

interface DemoMeeting {
  startsAt: string;
  place?: string | null;
  videoLink?: string | null;
  agenda: string[];
  /** Person key → attendance, in the order of the list. */
  attendance: Record<string, Attendance>;
  /** Markdown, one string per line. */
  minutes: string | string[];
  decisions: string[];
  nextMeetingOn?: string | null;
}

interface DemoIndicator {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** Day the indicator was added; the action's creation day by default. */
  addedOn?: string;
  values: { on: string; value: number; note?: string | null }[];
}

interface DemoAction {
  title: string;
  description?: string | null;
  planActionCode?: string | null;
  owner: string;
  contributors?: string[];
  createdOn: string;
  startOn?: string | null;
  dueOn?: string | null;
  /** Links to what the action produced; a session is named by its title. */
  links?: { kind: ActionLinkKind; sessionTitle?: string; targetId?: string }[];
  /** From PLANNED, in the order they happened. */
  statusChanges: { on: string; status: string; reason?: string | null }[];
  indicators?: DemoIndicator[];
}

interface DemoGroup {
  code: string;
  name: string;
  mode: string;
  description?: string | null;
  territoryCode?: string | null;
  planActionCodes: string[];
  createdOn: string;
  members: DemoMember[];
  meetings: DemoMeeting[];
  actions: DemoAction[];
}

export interface WorkingGroupSeedReport {
  groupsCreated: number;
  groupsExisting: number;
  errors: { row: string; message: string }[];
}

/** Something that happened on a day, applied through the service as of that day. */
interface DemoEvent {
  on: string;
  rank: number;
  seq: number;
  row: string;
  apply: (now: Date) => Promise<void>;
}

// Within a day: the group exists before its members, members join before the meeting, the
// meeting decides the actions, values are measured before the status they justify, and
// someone leaves after the last meeting they attended.
const RANK = { group: 0, join: 1, role: 2, meeting: 3, action: 4, indicator: 5, value: 6, status: 7, leave: 8 } as const;

/** Thrown when an event depends on one that failed (already reported): skipped silently. */
class Skipped extends Error {}

/**
 * The instant of the k-th event of a day: that evening, when the secretary records the day, a
 * minute apart so that the activity feed keeps the order in which things happened.
 */
const eveningOf = (date: string, k: number) => new Date(Date.parse(`${date}T17:00:00Z`) + k * 60_000);

/**
 * Loads the demo's working groups of the PRAEC Occitanie through the service, as a year of
 * their life: each group is created on its creation day, members join and leave on their
 * dates, meetings are recorded on their day with attendance, minutes and decisions, actions
 * are created, change status and get indicator values on their dates. Every event runs with
 * `now` set to its day, in chronological order across the groups, so the activity feeds read
 * like the year it was. Idempotent: a group whose code the plan already has is left alone,
 * people are matched by email. A refused row is reported and the others still load.
 *
 * @param idOf demo externalId → actor id
 */
export async function loadDemoWorkingGroups(
  db: Db,
  idOf: ReadonlyMap<string, string>,
  by: AuthUser,
  log: (m: string) => void = () => undefined,
  file = DEMO_WORKING_GROUPS_FILE,
): Promise<WorkingGroupSeedReport> {
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as { plan: string; people: DemoPerson[]; groups: DemoGroup[] };
  const service = new WorkingGroupService(db, new TerritoryService(db));
  const report: WorkingGroupSeedReport = { groupsCreated: 0, groupsExisting: 0, errors: [] };
  const fail = (row: string, error: unknown) => report.errors.push({ row, message: (error as Error).message });

  const plan = await service.planByCode(demo.plan);
  if (!plan) {
    fail(`plan ${demo.plan}`, new Error('the reference plan is not loaded: run prepareDatabase first'));
    return report;
  }
  const existing = new Set((await service.groups({ planId: plan.id })).map((g) => g.code));
  const toLoad = demo.groups.filter((g) => {
    if (!existing.has(g.code.toUpperCase())) return true;
    report.groupsExisting += 1;
    return false;
  });
  if (toLoad.length === 0) return report;

  // People, matched by email so that a second run (or an account of the same email) reuses them.
  const personOf = new Map<string, string>();
  for (const p of demo.people) {
    try {
      const found = await service.personOf({ ...by, email: p.email });
      if (found) {
        personOf.set(p.key, found.id);
        continue;
      }
      const actorId = idOf.get(p.actor);
      if (!actorId) throw new Error(`unknown actor externalId ${p.actor}`);
      personOf.set(p.key, (await service.createPerson({ name: p.name, email: p.email, actorId })).id);
    } catch (error) {
      fail(`person ${p.key}`, error);
    }
  }
  const person = (key: string) => {
    const id = personOf.get(key);
    if (!id) throw new Error(`unknown person key ${key}`);
    return id;
  };

  const events: DemoEvent[] = [];
  const add = (on: string, rank: number, row: string, apply: DemoEvent['apply']) => events.push({ on, rank, seq: events.length, row, apply });
  const groupIds = new Map<string, string>();
  const groupId = (code: string) => {
    const id = groupIds.get(code);
    if (!id) throw new Skipped();
    return id;
  };
  const sessionId = async (title: string) => {
    const id = await db.read(async (tx) => {
      const result = await tx.run('MATCH (s:MatchmakingSession {title: $title}) RETURN s.id AS id ORDER BY s.id LIMIT 1', { title });
      return result.records.length ? String(result.records[0].get('id')) : null;
    });
    if (!id) throw new Error(`no matchmaking session is titled "${title}"`);
    return id;
  };

  for (const g of toLoad) {
    const row = (what: string) => `${g.code} — ${what}`;
    add(g.createdOn, RANK.group, row('group'), async (now) => {
      const group = await service.createGroup({
        planId: plan.id, code: g.code, name: g.name, mode: g.mode, description: g.description ?? null,
        territoryCode: g.territoryCode ?? null, planActionCodes: g.planActionCodes,
      }, by, now);
      groupIds.set(g.code, group.id);
      report.groupsCreated += 1;
    });

    for (const m of g.members) {
      // The membership as it stands, for the changes that follow (a role change keeps the arrival day).
      let role = m.role;
      add(m.joinedOn, RANK.join, row(`member ${m.person} joins`), async (now) => {
        await service.setMember(groupId(g.code), { personId: person(m.person), role: m.role, joinedOn: m.joinedOn }, by, now);
      });
      for (const change of m.roleChanges ?? []) {
        add(change.on, RANK.role, row(`member ${m.person} becomes ${change.role}`), async (now) => {
          await service.setMember(groupId(g.code), { personId: person(m.person), role: change.role, joinedOn: m.joinedOn }, by, now);
          role = change.role;
        });
      }
      const leftOn = m.leftOn;
      if (leftOn) {
        add(leftOn, RANK.leave, row(`member ${m.person} leaves`), async (now) => {
          await service.setMember(groupId(g.code), { personId: person(m.person), role, joinedOn: m.joinedOn, leftOn }, by, now);
        });
      }
    }

    for (const meeting of g.meetings) {
      const day = meeting.startsAt.slice(0, 10);
      add(day, RANK.meeting, row(`meeting of ${day}`), async (now) => {
        await service.createMeeting(groupId(g.code), {
          startsAt: meeting.startsAt,
          place: meeting.place ?? null,
          videoLink: meeting.videoLink ?? null,
          agenda: meeting.agenda,
          attendees: Object.entries(meeting.attendance).map(([key, attendance]) => ({ personId: person(key), attendance })),
          minutes: Array.isArray(meeting.minutes) ? meeting.minutes.join('\n') : meeting.minutes,
          decisions: meeting.decisions,
          nextMeetingOn: meeting.nextMeetingOn ?? null,
        }, by, now);
      });
    }

    for (const a of g.actions) {
      let actionId: string | null = null;
      const action = () => {
        if (!actionId) throw new Skipped();
        return actionId;
      };
      add(a.createdOn, RANK.action, row(`action "${a.title}"`), async (now) => {
        const links: ActionLinkInput[] = [];
        for (const link of a.links ?? []) {
          links.push({ kind: link.kind, targetId: link.sessionTitle ? await sessionId(link.sessionTitle) : link.targetId ?? '' });
        }
        const created = await service.createAction(groupId(g.code), {
          title: a.title,
          description: a.description ?? null,
          planActionCode: a.planActionCode ?? null,
          ownerPersonId: person(a.owner),
          contributorPersonIds: (a.contributors ?? []).map(person),
          startOn: a.startOn ?? null,
          dueOn: a.dueOn ?? null,
          links,
        }, by, now);
        actionId = created.id;
      });
      for (const change of a.statusChanges) {
        add(change.on, RANK.status, row(`action "${a.title}" ${change.status} on ${change.on}`), async (now) => {
          await service.changeActionStatus(action(), change.status, change.reason ?? null, by, now);
        });
      }
      for (const indicator of a.indicators ?? []) {
        let indicatorId: string | null = null;
        add(indicator.addedOn ?? a.createdOn, RANK.indicator, row(`indicator "${indicator.name}"`), async (now) => {
          const updated = await service.addIndicator(action(), {
            name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target,
          }, by, now);
          indicatorId = updated.indicators.find((i) => i.name === indicator.name)?.id ?? null;
        });
        for (const value of indicator.values) {
          add(value.on, RANK.value, row(`indicator "${indicator.name}" on ${value.on}`), async (now) => {
            if (!indicatorId) throw new Skipped();
            await service.recordIndicatorValue(indicatorId, { on: value.on, value: value.value, note: value.note ?? null }, by, now);
          });
        }
      }
    }
  }

  events.sort((x, y) => x.on.localeCompare(y.on) || x.rank - y.rank || x.seq - y.seq);
  log(`Demo working groups: ${toLoad.length} groups to load, ${events.length} events from ${events[0]?.on} to ${events[events.length - 1]?.on}.`);
  const perDay = new Map<string, number>();
  let done = 0;
  for (const event of events) {
    const k = perDay.get(event.on) ?? 0;
    perDay.set(event.on, k + 1);
    try {
      await event.apply(eveningOf(event.on, k));
    } catch (error) {
      if (!(error instanceof Skipped)) fail(event.row, error);
    }
    done += 1;
    if (done % 50 === 0 || done === events.length) log(`Demo working groups: ${done}/${events.length} events`);
  }
  for (const g of toLoad) {
    if (groupIds.has(g.code)) log(`Demo working group ${g.code} "${g.name}": ${g.members.length} members, ${g.meetings.length} meetings, ${g.actions.length} actions.`);
  }
  return report;
}
