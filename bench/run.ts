import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDriver, Db } from '../graph/database';
import { startEmbeddedNeo4j } from '../graph/embedded-neo4j';
import { freePort } from '../graph/free-port';
import { backfillFlowSearchKeys } from '../graph/repositories/flow-search-keys';
import { PROJECT_ROOT } from '../graph/project-root';
import { createServer } from '../server/app';
import { LabelledDescription, measureCategorizationAccuracy } from '../server/domain/taxonomy/accuracy';
import { loadTaxonomy } from '../server/domain/taxonomy/taxonomy';
import { prepareDatabase } from '../server/platform';
import { AuthService } from '../server/services/auth-service';
import { benchSize, SizeResult } from './synergy-bench';

/**
 * `npm run bench`: measures, against a real Neo4j filled with synthetic actors, each query
 * against a baseline run in the same process, and writes the ratios to BENCHMARKS.md.
 * Ratios, not absolute times, are what to compare across machines and days.
 */
const ACTORS = Number(process.env.BENCH_ACTORS || 20000);
const FLOWS_PER_ACTOR = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 30);
const log = (m: string) => console.log(`[bench] ${m}`);

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function timeIt(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i += 1) await fn(); // warm-up: plans cached, pages in memory
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i += 1) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

async function fill(db: Db): Promise<void> {
  const random = rng(42);
  const categories = ['material.wood.pallets', 'energy.waste-heat.low-temperature', 'material.biowaste.food', 'material.weee.it-equipment', 'service.waste-collection'];
  const batch = 2000;
  for (let start = 0; start < ACTORS; start += batch) {
    const rows = Array.from({ length: Math.min(batch, ACTORS - start) }, (_, i) => ({
      id: `bench-${start + i}`,
      name: `Bench actor ${String(start + i).padStart(6, '0')}`,
      // Île-de-France box.
      lat: 48.3 + random() * 0.9,
      lon: 1.6 + random() * 1.7,
      flows: Array.from({ length: FLOWS_PER_ACTOR }, (_, k) => ({ id: `bench-${start + i}-f${k}`, direction: k % 2 ? 'NEED' : 'OFFER', category: categories[Math.floor(random() * categories.length)] })),
    }));
    await db.write((tx) => tx.run(
      `UNWIND $rows AS row
       MERGE (a:Actor {id: row.id})
       SET a.externalId = row.id, a.name = row.name, a.kind = 'COMPANY', a.economy = 'CLASSIC', a.publics = [],
           a.location = point({latitude: row.lat, longitude: row.lon}), a.searchText = toLower(row.name),
           a.createdAt = datetime(), a.updatedAt = datetime()
       WITH a, row UNWIND row.flows AS fr
       MERGE (f:Flow {id: fr.id})
       SET f.direction = fr.direction, f.description = 'bench flow', f.confidentiality = 'PUBLIC', f.availableMonths = [],
           f.createdAt = datetime(), f.updatedAt = datetime()
       WITH a, f, fr
       MATCH (c:ResourceCategory {code: fr.category})
       MERGE (f)-[:OF_CATEGORY]->(c)
       FOREACH (_ IN CASE WHEN fr.direction = 'OFFER' THEN [1] ELSE [] END | MERGE (a)-[:OFFERS]->(f))
       FOREACH (_ IN CASE WHEN fr.direction = 'NEED' THEN [1] ELSE [] END | MERGE (a)-[:NEEDS]->(f))`,
      { rows },
    ));
    log(`synthetic actors: ${Math.min(start + batch, ACTORS)}/${ACTORS}`);
  }
}

/** Accuracy of `categorize` over the labelled set of the tests: pure, no database needed. */
function categorizationAccuracy() {
  const file = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'categorize-labelled.json');
  const set = JSON.parse(fs.readFileSync(file, 'utf8')) as LabelledDescription[];
  return measureCategorizationAccuracy(set, loadTaxonomy());
}

async function main(): Promise<void> {
  const categorization = categorizationAccuracy();
  log(`categorisation: ${categorization.size} descriptions, top-1 ${categorization.top1.toFixed(3)}, top-3 ${categorization.top3.toFixed(3)}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-'));
  const neo4j = process.env.NEO4J_URI
    ? null
    : await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), heap: '2g', pageCache: '1g', log }).catch((error) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
  const driver = createDriver({ uri: process.env.NEO4J_URI || neo4j!.uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  const db = new Db(driver);
  try {
    await prepareDatabase(db, log);
    await fill(db);
    await backfillFlowSearchKeys(db, log);
    const center = { latitude: 48.7872, longitude: 2.3925 };
    const radius = 5000;

    // 1. Proximity: the point index against a forced label scan of the same query.
    const nearby = `MATCH (a:Actor) WHERE point.distance(a.location, point($c)) <= $r
                    WITH a, point.distance(a.location, point($c)) AS d ORDER BY d LIMIT 50 RETURN a.id, d`;
    const scan = nearby.replace('MATCH (a:Actor) WHERE', 'MATCH (a:Actor) USING SCAN a:Actor WHERE');
    const indexMs = await timeIt(ROUNDS, () => db.read((tx) => tx.run(nearby, { c: center, r: radius })));
    const scanMs = await timeIt(ROUNDS, () => db.read((tx) => tx.run(scan, { c: center, r: radius })));

    // 2. A page of 100 actors with flows and categories through the API (DataLoaders) against
    //    the naive plan: one query per actor for its flows, one per flow for its category.
    const auth = new AuthService(db);
    await auth.init();
    const server = await createServer({ db, port: 0, auth, logError: () => undefined });
    const pageQuery = JSON.stringify({ query: '{ actors(filter: { text: "bench" }, first: 100) { nodes { name flows { description category { code name } } } } }' });
    let roundTrips = 0;
    const apiMs = await timeIt(ROUNDS, async () => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: pageQuery });
      roundTrips = Number(res.headers.get('x-maillage-db-round-trips'));
      await res.json();
    });
    let naiveTrips = 0;
    const naiveMs = await timeIt(ROUNDS, async () => {
      naiveTrips = 0;
      const ids = await db.read((tx) => tx.run("MATCH (a:Actor) WHERE a.id STARTS WITH 'bench-' RETURN a.id AS id ORDER BY a.name LIMIT 100"));
      naiveTrips += 1;
      for (const r of ids.records) {
        const flows = await db.read((tx) => tx.run('MATCH (:Actor {id: $id})-->(f:Flow) RETURN f.id AS id', { id: r.get('id') }));
        naiveTrips += 1;
        for (const f of flows.records) {
          await db.read((tx) => tx.run('MATCH (:Flow {id: $id})-[:OF_CATEGORY]->(c) RETURN c.code', { id: f.get('id') }));
          naiveTrips += 1;
        }
      }
    });
    await server.stop();
    await db.write((tx) => tx.run("MATCH (a:Actor) WHERE a.id STARTS WITH 'bench-' OPTIONAL MATCH (a)-->(f:Flow) DETACH DELETE a, f"));

    const sizes = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map(Number);
    const results: SizeResult[] = [];
    for (const size of sizes) {
      const result = await benchSize(db, size, ROUNDS, log);
      log(`  ${JSON.stringify(result)}`);
      results.push(result);
    }
    const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);
    const synergyRows = results.map((r) =>
      `| ${r.actors.toLocaleString('en')} | ${r.flows.toLocaleString('en')} | ${ms(r.nearbyP50)} / ${ms(r.nearbyP95)} | ${ms(r.actorSynergiesP50)} / ${ms(r.actorSynergiesP95)} | ${ms(r.circleP50)} / ${ms(r.circleP95)} | ${ms(r.inMemoryCircleP50)} / ${ms(r.inMemoryCircleP95)} | ${(r.circleP50 / r.inMemoryCircleP50).toFixed(1)}× |`).join('\n');

    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const report = `# Benchmarks

Run with \`npm run bench\` (it starts its own Neo4j; \`BENCH_ACTORS\`, \`BENCH_ROUNDS\` tune it).
Figures are means over ${ROUNDS} rounds after 3 warm-up rounds; compare the **ratios**, which are
measured against a baseline in the same run, rather than the milliseconds.

- Date: ${new Date().toISOString()}
- Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}
- Data: ${ACTORS} synthetic actors over Île-de-France, ${FLOWS_PER_ACTOR} flows each, on Neo4j 5.26 (embedded)

| measure | Maillage | baseline | ratio |
|---|---|---|---|
| 50 nearest actors within 5 km (point index vs forced label scan) | ${indexMs.toFixed(2)} ms | ${scanMs.toFixed(2)} ms | ${(scanMs / indexMs).toFixed(1)}× faster |
| page of 100 actors with flows and categories, over HTTP (DataLoaders vs one query per actor and per flow, direct) | ${apiMs.toFixed(1)} ms, ${roundTrips} round trips | ${naiveMs.toFixed(1)} ms, ${naiveTrips} round trips | ${(naiveMs / apiMs).toFixed(1)}× faster |

## Synergy engine

Synthetic territories from \`bench/synthetic.ts\` (actors in industrial zones of about ${'400'} actors
plus 20 % scattered over Île-de-France, 2 to 4 flows each over the taxonomy), measured through
the service layer (no HTTP), ${ROUNDS} queries each, p50 / p95 in milliseconds. The in-memory
column runs the same rules (\`server/domain/synergy/substitution.ts\`) over the same flows
preloaded in kd-trees (kdbush + geokdbush), for the 20 km circle: the ratio is the cost of the
database path. Targets at 100k actors: nearbyActors p95 ≤ 20 ms, one-actor synergies p95 ≤ 50 ms,
20 km circle p95 ≤ 500 ms.

| actors | flows | nearbyActors 5 km | synergies, one actor | synergies, 20 km circle | same circle in memory | database / memory (p50) |
|---|---|---|---|---|---|---|
${synergyRows}

How the database path reads: each flow carries a copy of its owner's location, its category
code and its cells in two grids (about 10 km and 80 km), kept in step by every write
(\`graph/repositories/flow-search-keys.ts\`). A circle is one point-index seek per direction
(\`:Offer\` / \`:Need\` labels); around one actor, each related category is read ring by ring
(5, 10, 20, 40, 80, 160 km, stopping once no farther lead can enter the list) by exact seeks
on (category, cell) over the cells the ring covers. What remains of the circle's cost is
reading and decoding some 26,000 flows at 100k actors; the in-memory path skips that.

## Categorisation accuracy

\`categorize\` over the ${categorization.size} labelled descriptions of \`tests/fixtures/categorize-labelled.json\`
(French and English, trade jargon, typos, quantities, EWC codes). Top-1: the first suggestion is
the expected category or an acceptable one; top-3: one of the first three is, or is the direct
parent or a direct child of the expected category (rules in \`server/domain/taxonomy/accuracy.ts\`).

| descriptions | top-1 | top-3 |
|---|---|---|
| ${categorization.size} | ${(categorization.top1 * 100).toFixed(1)} % | ${(categorization.top3 * 100).toFixed(1)} % |
`;
    fs.writeFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), report);
    console.log(report);
  } finally {
    await driver.close();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
