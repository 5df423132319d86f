import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { Db } from '../../graph/database';
import { PROJECT_ROOT } from '../../graph/project-root';
import { DEMO_FILE, loadDemoTerritory } from '../../seeds/load-demo';
import { startTestApi, TestApi } from '../support/test-api';

const demo = JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8')) as { actors: { externalId: string; flows: { externalId: string }[] }[]; relations: unknown[] };
const demoFlowCount = demo.actors.reduce((n, a) => n + a.flows.length, 0);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

/** Everything the demo load writes, in a comparable form. */
async function demoFingerprint(): Promise<string> {
  const result = await api.driver.executeQuery(
    `MATCH (a:Actor) WHERE a.externalId STARTS WITH 'demo-'
     OPTIONAL MATCH (a)-[r:OFFERS|NEEDS]->(f:Flow)
     OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     WITH a, collect([type(r), f.externalId, f.id, f.updatedAt, c.code]) AS flows
     OPTIONAL MATCH (a)-[:LOCATED_IN]->(t:Territory)
     WITH a, flows, collect(t.key) AS places
     OPTIONAL MATCH (a)-[k:SUPPLIES|CLIENT_OF|COOPERATES_WITH|BOARD_MEMBER_OF]->(other:Actor)
     WITH a, flows, places, collect([type(k), other.externalId, k.since, k.description, k.updatedAt]) AS relations
     RETURN a.externalId AS ext, a.id AS id, a.updatedAt AS updatedAt, a.name AS name, flows, places, relations
     ORDER BY ext`,
  );
  return JSON.stringify(result.records.map((r) => {
    const o = r.toObject();
    return { ...o, updatedAt: String(o.updatedAt), flows: o.flows.map((f: unknown[]) => f.map(String)).sort(), relations: o.relations.map((k: unknown[]) => k.map(String)).sort(), places: [...o.places].sort() };
  }));
}

describe('the demo territory', () => {
  it('loads every actor and flow of the data file, each placed in its commune', async () => {
    const report = await loadDemoTerritory(new Db(api.driver));
    expect(report.errors).toEqual([]);
    expect(report.actorsCreated + report.actorsExisting).toBe(demo.actors.length);
    const relations = await api.driver.executeQuery(
      "MATCH (a:Actor)-[k:SUPPLIES|CLIENT_OF|COOPERATES_WITH|BOARD_MEMBER_OF]->(b:Actor) WHERE a.externalId STARTS WITH 'demo-' AND b.externalId STARTS WITH 'demo-' RETURN count(k) AS n",
    );
    expect(relations.records[0].get('n').toNumber()).toBe(demo.relations.length);
    const counts = await api.driver.executeQuery(
      `MATCH (a:Actor) WHERE a.externalId STARTS WITH 'demo-'
       OPTIONAL MATCH (a)-[:OFFERS|NEEDS]->(f:Flow)
       RETURN count(DISTINCT a) AS actors, count(DISTINCT f) AS flows,
              count(DISTINCT CASE WHEN EXISTS { (a)-[:LOCATED_IN]->(:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {key: 'EPT:200058014'}) } THEN a END) AS inEpt`,
    );
    const row = counts.records[0];
    expect(row.get('actors').toNumber()).toBe(demo.actors.length);
    expect(row.get('flows').toNumber()).toBe(demoFlowCount);
    expect(row.get('inEpt').toNumber()).toBe(demo.actors.length);
    expect(demo.actors.length).toBeGreaterThanOrEqual(150);
    expect(demoFlowCount).toBeGreaterThanOrEqual(400);
  // The whole demo (actors, flows, sessions planned and followed, a year of working groups) loads
  // here: on a loaded 2-core machine it has taken more than jest's default minute.
  }, 240_000);

  it('holds a past speed-meeting session followed for months and an upcoming one ready to schedule', async () => {
    const res = await api.gql(`{ matchmakingSessions(first: 100) { items { id title startsAt scheduleSeed participants { absentFromRound } schedule { meetings { id } } } } }`);
    expect(res.errors).toBeUndefined();
    const sessions = res.data!.matchmakingSessions.items.filter((s: { title: string }) => s.title.startsWith('Rencontres ecoCIRC'));
    expect(sessions).toHaveLength(2);
    const [past, upcoming] = sessions;
    expect(Date.parse(past.startsAt)).toBeLessThan(Date.now());
    expect(past.schedule.meetings.length).toBeGreaterThan(20);
    expect(past.participants.filter((p: { absentFromRound: number | null }) => p.absentFromRound === 1)).toHaveLength(1);
    expect(Date.parse(upcoming.startsAt)).toBeGreaterThan(Date.now());
    expect(upcoming.schedule).toBeNull();
    expect(upcoming.participants.length).toBeGreaterThanOrEqual(10);

    const report = await api.gql(`query ($id: ID!) { sessionReport(sessionId: $id) {
      meetings { held cancelledByAbsence } noShows { name } followUps { requested } outcomes { current { stages { stage count } publicContracts } } } }`, { id: past.id });
    const r = report.data!.sessionReport;
    expect(r.noShows.map((a: { name: string }) => a.name)).toEqual(['Palettes Services Chevilly']);
    // The no-show was marked absent on the day: the rounds were re-planned without them.
    expect(r.meetings).toEqual({ held: past.schedule.meetings.length, cancelledByAbsence: 0 });
    expect(r.followUps.requested).toBe(5);
    const stages = Object.fromEntries(r.outcomes.current.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    expect(stages).toMatchObject({ AGREEMENT_REACHED: 1, NEGOTIATION_STARTED: 1, KNOWLEDGE_GAINED: 1, NO_FURTHER_CONTACT: 1, VALUABLE_CONTACT: 1 });
    expect(r.outcomes.current.publicContracts).toBe(1);
  });

  it('holds four working groups of the PRAEC Occitanie followed over a year: boards, progress and feeds', async () => {
    const res = await api.gql(`{ plan(code: "praec-occitanie") {
      groups { id code mode members { role leftOn } meetings { minutes decisions }
        board { columns { status actions { action { id status statusReason owner { id } } } } overdue { daysLate action { title } }
          nextMeeting { on } lastDecisions { text } indicators { name current { value } progress } } }
      progress { axes { code actionCount byStatus { PLANNED IN_PROGRESS BLOCKED DONE DROPPED } } } } }`);
    expect(res.errors).toBeUndefined();
    const plan = res.data!.plan;
    type Column = { status: string; actions: { action: { status: string; statusReason: string | null } }[] };
    const groups = plan.groups.filter((g: { code: string }) => ['GT3A', 'GT4A', 'GT6A', 'GT6B'].includes(g.code));
    expect(groups.map((g: { code: string }) => g.code).sort()).toEqual(['GT3A', 'GT4A', 'GT6A', 'GT6B']);
    expect(Object.fromEntries(groups.map((g: { code: string; mode: string }) => [g.code, g.mode]))).toEqual({
      GT3A: 'PROJECT_MANAGER', GT4A: 'PROJECT_OWNER', GT6A: 'RESOURCE_SPACE', GT6B: 'RESOURCE_SPACE',
    });

    for (const g of groups) {
      // A lead, a past member, held meetings with minutes, and something to show first on the board.
      expect(g.members.some((m: { role: string; leftOn: string | null }) => m.role === 'LEAD' && m.leftOn === null)).toBe(true);
      expect(g.members.some((m: { leftOn: string | null }) => m.leftOn !== null)).toBe(true);
      expect(g.meetings.length).toBeGreaterThanOrEqual(2);
      expect(g.meetings.every((m: { minutes: string | null; decisions: string[] }) => (m.minutes ?? '').length > 500 && m.decisions.length > 0)).toBe(true);
      expect(g.board.nextMeeting !== null || g.board.lastDecisions.length > 0).toBe(true);
    }

    // Every status column is filled somewhere, and blocked or dropped actions say why.
    const columns: Column[] = groups.flatMap((g: { board: { columns: Column[] } }) => g.board.columns);
    for (const status of ['PLANNED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'DROPPED']) {
      expect(columns.filter((c) => c.status === status).flatMap((c) => c.actions).length).toBeGreaterThan(0);
    }
    const needingReason = columns.filter((c) => c.status === 'BLOCKED' || c.status === 'DROPPED').flatMap((c) => c.actions);
    expect(needingReason.every((a) => (a.action.statusReason ?? '').length > 20)).toBe(true);
    const overdue = groups.flatMap((g: { board: { overdue: { daysLate: number }[] } }) => g.board.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((o: { daysLate: number }) => o.daysLate > 0)).toBe(true);
    const indicators = groups.flatMap((g: { board: { indicators: { current: unknown; progress: number | null }[] } }) => g.board.indicators);
    expect(indicators.length).toBeGreaterThanOrEqual(10);
    expect(indicators.every((i: { current: unknown }) => i.current !== null)).toBe(true);

    // The plan's progress shows the groups' actions under axes 3, 4 and 6.
    const axes = Object.fromEntries(plan.progress.axes.map((a: { code: string; actionCount: number }) => [a.code, a.actionCount]));
    expect(axes['3']).toBeGreaterThan(0);
    expect(axes['4']).toBeGreaterThan(0);
    expect(axes['6']).toBeGreaterThan(0);

    // Each feed reads like the year it was: events dated over several months, none in the future.
    for (const g of groups) {
      const feed = await api.gql(`query ($id: ID!) { workingGroup(id: $id) { activity(first: 100) { items { at kind by } } } }`, { id: g.id });
      expect(feed.errors).toBeUndefined();
      const items: { at: string; kind: string; by: string }[] = feed.data!.workingGroup.activity.items;
      const months = new Set(items.map((i) => i.at.slice(0, 7)));
      expect(months.size).toBeGreaterThanOrEqual(5);
      expect(items.every((i) => i.at >= '2025-12-01' && i.at < '2026-11-16' && i.by === 'demo-seed@maillage.local')).toBe(true);
      const kinds = new Set(items.map((i) => i.kind));
      for (const kind of ['group.created', 'member.joined', 'member.left', 'action.created', 'indicator.value']) expect(kinds).toContain(kind);
      // Newest first, and the group's creation is its first event.
      expect(items.map((i) => i.at)).toEqual(items.map((i) => i.at).sort().reverse());
      expect(items[items.length - 1].kind).toBe('group.created');
    }
  });

  it('is found by the API: actors of the EPT and a waste-heat offer near Ivry', async () => {
    const res = await api.gql(`{ actors(filter: { territoryCode: "200058014", categoryCode: "energy.waste-heat" }, first: 50) { totalCount nodes { name flows { category { family } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.actors.totalCount).toBeGreaterThan(2);
  });

  it('changes nothing when `npm run seed` runs again', async () => {
    const before = await demoFingerprint();
    const run = spawnSync('npm', ['run', 'seed'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: process.env.MAILLAGE_TEST_NEO4J_URI },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.stderr + run.stdout).toContain(`0 actors created, ${demo.actors.length} already present`);
    expect(run.status).toBe(0);
    expect(await demoFingerprint()).toBe(before);
  }, 300_000);
});
