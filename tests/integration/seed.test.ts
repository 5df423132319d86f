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
