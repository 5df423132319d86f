import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../graph/free-port';
import { PROJECT_ROOT } from '../graph/project-root';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD } from '../server/config';
import { ACTOR_CARD_QUERY, EXPLORER_QUERY, NEARBY_QUERY, SYNERGIES_QUERY } from '../web-client/src/queries';
import { withNamedSection } from './markdown-section';

/**
 * `npm run bench:load`: the platform as `npm start` runs it (its own process, embedded Neo4j,
 * demo territory), driven on loopback by autocannon with 50 concurrent clients for 30 s on the
 * web client's own queries (map, synergies, actor cards, explorer) plus flow postings.
 *
 * A baseline run of the cheapest GraphQL request (`{ __typename }`) under the same load comes
 * first, so the mix's latency reads as a ratio to what the machine gives any request.
 * Writes its section into BENCHMARKS.md (`<!-- load:start -->` … `<!-- load:end -->`).
 *
 * Environment: BENCH_LOAD_SECONDS (default 30), BENCH_LOAD_CONNECTIONS (default 50).
 */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const log = (m: string) => console.log(`[bench:load] ${m}`);

interface Platform { url: string; stop(): Promise<void> }

/** Starts `node dist/server/index.js` on free ports with a throw-away data directory. */
async function startPlatform(): Promise<Platform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-bench-load-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'index.js')], {
    env: { ...process.env, PORT: String(port), NEO4J_BOLT_PORT: String(await freePort()), NEO4J_DATA_DIR: dataDir, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      for (const line of text.split('\n')) if (line.startsWith('[maillage]')) log(line.slice(11));
      seen = (seen + text).slice(-2000);
      if (seen.includes('Maillage is running.')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the platform exited during start-up (code ${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => { fs.rmSync(dataDir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}

async function gql<T>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

interface RunFigures { requests: number; throughput: number; p50: number; p90: number; p99: number; max: number; errors: number; graphqlErrors: number }

/** One autocannon run over `requests` (each client cycles through them in order). */
async function drive(url: string, requests: autocannon.Request[], seconds: number): Promise<RunFigures> {
  let graphqlErrors = 0;
  const counted = requests.map((r) => ({
    ...r,
    // A GraphQL error comes with HTTP 200: read the body to count it.
    onResponse: (status: number, body: string) => { if (status === 200 && body.includes('"errors"')) graphqlErrors += 1; },
  }));
  const result = await autocannon({ url: `${url}/graphql`, connections: CONNECTIONS, duration: seconds, requests: counted as autocannon.Request[] });
  return {
    requests: result.requests.total,
    throughput: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    graphqlErrors,
  };
}

function post(query: string, variables: object, token: string): autocannon.Request {
  return { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) };
}

async function main(): Promise<void> {
  log('Starting the platform (embedded Neo4j, migrations, demo territory)...');
  const platform = await startPlatform();
  try {
    const { login } = await gql<{ login: { token: string } }>(platform.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: DEMO_ADMIN_EMAIL, p: DEMO_ADMIN_PASSWORD });
    const token = login.token;
    const page = (await gql<{ actors: { totalCount: number; nodes: { id: string; location: { lat: number; lon: number } }[] } }>(platform.url, '{ actors(first: 60) { totalCount nodes { id location { lat lon } } } }', {}, token)).actors;
    const actors = page.nodes;
    const center = { lat: actors.reduce((s, a) => s + a.location.lat, 0) / actors.length, lon: actors.reduce((s, a) => s + a.location.lon, 0) / actors.length };
    const area = { near: center, radiusKm: 5 };
    const at = (i: number) => actors[i % actors.length];
    const postFlow = (i: number) => post(
      'mutation($input: AddFlowInput!) { addFlow(input: $input) { id } }',
      { input: { actorId: at(i).id, direction: i % 2 ? 'NEED' : 'OFFER', description: `Palettes bois réformées, lot ${i}`, quantity: 2 + i, unit: 't/yr' } },
      token,
    );
    // 20 requests per cycle: 6 map views, 5 synergy searches, 5 actor cards, 2 explorer pages, 2 postings.
    const mix: autocannon.Request[] = [];
    for (let i = 0; i < 6; i += 1) mix.push(post(NEARBY_QUERY, { near: at(i * 7).location, radiusKm: 3, first: 200 }, token));
    for (let i = 0; i < 5; i += 1) mix.push(post(SYNERGIES_QUERY, { filter: { near: at(i * 5).location, radiusKm: 10 }, first: 50 }, token));
    for (let i = 0; i < 5; i += 1) mix.push(post(ACTOR_CARD_QUERY, { id: at(i * 11 + 3).id }, token));
    for (let i = 0; i < 2; i += 1) mix.push(post(EXPLORER_QUERY, { s: area, m: area, c: area }, token));
    for (let i = 0; i < 2; i += 1) mix.push(postFlow(i));
    // Interleave so each client alternates kinds of work.
    const order = [0, 6, 11, 1, 16, 7, 12, 2, 18, 8, 13, 3, 17, 9, 14, 4, 19, 10, 15, 5];
    const requests = order.map((i) => mix[i]);

    log('Warm-up (5 s)...');
    await drive(platform.url, requests, 5);
    log(`Baseline: { __typename } with ${CONNECTIONS} clients for ${SECONDS} s...`);
    const baseline = await drive(platform.url, [post('{ __typename }', {}, token)], SECONDS);
    log(`Mix with ${CONNECTIONS} clients for ${SECONDS} s...`);
    const mixed = await drive(platform.url, requests, SECONDS);

    const cpu = os.cpus();
    const row = (name: string, f: RunFigures) => `| ${name} | ${f.requests} | ${f.throughput.toFixed(0)} | ${f.p50} | ${f.p90} | ${f.p99} | ${f.max} | ${f.errors} | ${f.graphqlErrors} |`;
    const section = `## Load: 50 concurrent clients on the API (\`npm run bench:load\`)

Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}. Date: ${new Date().toISOString().slice(0, 10)}.
The platform runs as \`npm start\` does (its own process, embedded Neo4j 5.26 on the same machine, demo territory of ${page.totalCount} actors); autocannon runs in a third process, on loopback, ${CONNECTIONS} connections for ${SECONDS} s after a 5 s warm-up.
Mix per cycle of 20 requests, signed in: 6 map views (\`nearbyActors\`, 3 km, with flows), 5 synergy searches (10 km), 5 actor cards (actor, synergies, complementarities), 2 explorer pages (synergies + mutualisations + complementarities), 2 flow postings (\`addFlow\`, a write).

| Run | Requests | Req/s | p50 ms | p90 ms | p99 ms | max ms | HTTP errors | GraphQL errors |
|---|---|---|---|---|---|---|---|---|
${row('Baseline `{ __typename }`', baseline)}
${row('Mix', mixed)}

Target: zero errors and p99 ≤ 300 ms on this 2-core machine. Measured p99 ${mixed.p99} ms (${(mixed.p99 / Math.max(1, baseline.p99)).toFixed(1)} × the baseline's p99), ${mixed.errors + mixed.graphqlErrors} errors: ${mixed.p99 <= 300 && mixed.errors + mixed.graphqlErrors === 0 ? 'met' : 'NOT met'}.
`;
    const file = path.join(PROJECT_ROOT, 'BENCHMARKS.md');
    fs.writeFileSync(file, withNamedSection(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', 'load', section));
    console.log(section);
    log(`written to ${file}`);
  } finally {
    await platform.stop();
  }
}

main().catch((error) => {
  console.error(`[bench:load] ${(error as Error).message}`);
  process.exitCode = 1;
});
