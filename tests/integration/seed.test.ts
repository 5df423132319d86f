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
  });

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
